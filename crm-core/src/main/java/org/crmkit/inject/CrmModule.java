package org.crmkit.inject;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;

import java.util.Optional;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicy;
import org.crmkit.common.ActorSource;
import org.crmkit.common.DomainEventListener;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.storage.Storage;

/**
 * Binds a singleton {@link Crm} wired as {@link Crm#builder()} would, from whatever the host binds:
 * {@link Storage}, {@link Clock}, {@link AccessPolicy}, {@link EmployeeDirectory},
 * {@link ActorSource} (each optional; the builder's default otherwise), and any number of
 * {@link DomainEventListener}s through {@code Multibinder.newSetBinder(binder(), DomainEventListener.class)}.
 */
public final class CrmModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Storage.class);
        OptionalBinder.newOptionalBinder(binder(), Clock.class);
        OptionalBinder.newOptionalBinder(binder(), AccessPolicy.class);
        OptionalBinder.newOptionalBinder(binder(), EmployeeDirectory.class);
        OptionalBinder.newOptionalBinder(binder(), ActorSource.class);
        Multibinder.newSetBinder(binder(), DomainEventListener.class);
    }

    @Provides
    @Singleton
    Crm crm(Optional<Storage> storage, Optional<Clock> clock, Optional<AccessPolicy> access,
            Optional<EmployeeDirectory> employees, Optional<ActorSource> actors, Set<DomainEventListener> listeners) {
        Crm.Builder builder = Crm.builder();
        storage.ifPresent(builder::storage);
        clock.ifPresent(builder::clock);
        access.ifPresent(builder::accessPolicy);
        employees.ifPresent(builder::employees);
        actors.ifPresent(builder::actorSource);
        listeners.forEach(builder::listener);
        return builder.build();
    }
}
