package org.crmkit.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.EmployeeId;
import org.crmkit.feed.FeedEntry;

/**
 * A hand-over as a host runs it, for any storage: {@code from} manages two clients (one archived)
 * and is responsible for persons at a client of {@code to} and at one of their own; a bystander's
 * records stay as they are.
 */
public final class HandOverScenario {
    private HandOverScenario() {
    }

    public static void run(Crm crm, EmployeeId from, EmployeeId to) {
        EmployeeId bystander = EmployeeId.of("bystander-" + from);
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").manager(from)
                .contactPerson(PersonName.of("Иванов", "Иван", null), p -> p.assignResponsible(from)));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета").manager(to)
                .contactPerson(PersonName.of("Петров", "Пётр", null), p -> p.assignResponsible(from))
                .contactPerson(PersonName.of("Сидорова", "Анна", null), p -> p.assignResponsible(bystander)));
        Client gamma = crm.clients().register(NewClient.legalEntity("Гамма").manager(from));
        crm.clients().archive(gamma.id());
        Client delta = crm.clients().register(NewClient.legalEntity("Дельта").manager(bystander));
        long fedBefore = crm.feed().after(0, 10_000).size();

        HandOverReport report = crm.handOvers().handOver(from, to);

        assertThat(report.moved()).containsEntry("client", 2L).containsEntry("contact-person", 2L);
        assertThat(report.total()).isEqualTo(4);
        assertThat(crm.clients().find(ClientQuery.where(new ClientCriterion.ManagedBy(java.util.Set.of(from))))).isEmpty();
        assertThat(crm.clients().get(alfa.id()).manager()).contains(to);
        assertThat(crm.clients().get(gamma.id()).manager()).contains(to);
        assertThat(crm.clients().get(gamma.id()).archived()).isTrue();
        assertThat(crm.clients().get(delta.id()).manager()).contains(bystander);
        assertThat(crm.contactPersons().ofClient(alfa.id())).extracting(ContactPerson::responsible).containsExactly(Optional.of(to));
        assertThat(crm.contactPersons().ofClient(beta.id())).extracting(ContactPerson::responsible)
                .containsExactlyInAnyOrder(Optional.of(to), Optional.of(bystander));
        assertThat(crm.clients().history(alfa.id())).filteredOn(e -> e.field().equals("manager")).singleElement()
                .satisfies(e -> assertThat(e.newValue()).hasValueSatisfying(v -> assertThat(v).contains(to.value())));
        assertThat(crm.feed().after(0, 10_000).subList((int) fedBefore, crm.feed().after(0, 10_000).size()))
                .extracting(FeedEntry::kind).containsExactlyInAnyOrder("client", "client", "contact-person", "contact-person");

        assertThat(crm.handOvers().handOver(from, to).total()).isZero();
    }
}
