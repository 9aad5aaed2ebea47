package org.crmkit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.crmkit.access.AccessPolicy;
import org.crmkit.common.Actor;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.DomainEventListener;
import org.crmkit.common.IdGenerator;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.storage.Storage;
import org.crmkit.storage.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every use case needs (storage, clock, ids, policy, directory, listeners), wired once by the builder. */
final class Wiring {
    private static final Logger LOG = LoggerFactory.getLogger(Crm.class);

    final Storage storage;
    final Clock clock;
    final IdGenerator ids;
    final AccessPolicy access;
    final EmployeeDirectory employees;
    final List<DomainEventListener> listeners;
    final String phoneRegion;

    Wiring(Storage storage, Clock clock, IdGenerator ids, AccessPolicy access, EmployeeDirectory employees,
            List<DomainEventListener> listeners, String phoneRegion) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.access = Objects.requireNonNull(access, "access");
        this.employees = Objects.requireNonNull(employees, "employees");
        this.listeners = List.copyOf(listeners);
        this.phoneRegion = Objects.requireNonNull(phoneRegion, "phoneRegion");
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Runs a changing use case as one unit of work, then publishes the events it collected. */
    <T> T write(Actor actor, BiFunction<Stores, List<DomainEvent>, T> work) {
        List<DomainEvent> events = new ArrayList<>();
        T result = storage.inTransaction(actor.tenant(), stores -> {
            events.clear();
            return work.apply(stores, events);
        });
        publish(events);
        return result;
    }

    <T> T read(Actor actor, Function<Stores, T> work) {
        return storage.read(actor.tenant(), work);
    }

    private void publish(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            for (DomainEventListener listener : listeners) {
                try {
                    listener.on(event);
                } catch (RuntimeException e) {
                    LOG.error("event listener {} failed on {}; the change stays committed", listener, event, e);
                }
            }
        }
    }
}
