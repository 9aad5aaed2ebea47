package org.crmkit;

import org.crmkit.client.ClientStore;
import org.crmkit.client.NewClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import org.crmkit.client.Client;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.DomainEventListener;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.inject.CrmModule;
import org.crmkit.storage.Storage;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class GuiceModuleTest {
    @Test
    void theModuleWiresWhatTheHostBinds() {
        InMemoryStorage storage = new InMemoryStorage();
        List<DomainEvent> events = new ArrayList<>();
        Injector injector = Guice.createInjector(new CrmModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Storage.class).toInstance(storage);
                bind(Clock.class).toInstance(Clock.fixed(Instant.parse("2011-09-01T10:00:00Z"), ZoneOffset.UTC));
                bind(ActorSource.class).toInstance(ActorSource.fixed(Actor.employee(TenantId.of("erp"), EmployeeId.of("alekseev"))));
                Multibinder.newSetBinder(binder(), DomainEventListener.class).addBinding().toInstance(events::add);
            }
        });
        Crm crm = injector.getInstance(Crm.class);
        assertThat(injector.getInstance(Crm.class)).isSameAs(crm);

        Client client = crm.clients().register(NewClient.legalEntity("Алхимов А.А."));
        assertThat(client.registeredOn()).isEqualTo(LocalDate.of(2011, 9, 1));
        assertThat(client.manager()).contains(EmployeeId.of("alekseev"));
        assertThat(events).hasSize(1);
        assertThat(storage.<java.util.Optional<Client>>read(TenantId.of("erp"), s -> s.get(ClientStore.class).get(client.id()))).contains(client);
    }

    @Test
    void withNothingBoundTheBuilderDefaultsApply() {
        Crm crm = Guice.createInjector(new CrmModule()).getInstance(Crm.class);
        Client client = crm.clients().register(NewClient.individual("Иваночкин"));
        assertThat(crm.as(Actor.system(TenantId.DEFAULT, "x")).clients().get(client.id())).isEqualTo(client);
        assertThat(crm.phoneRegion()).isEqualTo("RU");
    }
}
