package org.crmkit.usecase;

import org.crmkit.common.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.access.AccessPolicy;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.ClientId;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.DomainEventListener;
import org.crmkit.common.IdGenerator;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.storage.Feature;
import org.crmkit.storage.FeatureUnavailableException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StoreCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every use case needs, wired once by {@code Crm.Builder}: storage, clock, ids, access
 * policy, employee directory, listeners, phone region, and where the acting actor comes from.
 * A feature's use-case class keeps one of these and runs each call as one {@link UnitOfWork}
 * through {@link #write} or {@link #read}. Immutable and thread-safe.
 */
public final class CrmContext {
    private static final Logger LOG = LoggerFactory.getLogger(CrmContext.class);

    private final Storage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final AccessPolicy access;
    private final EmployeeDirectory employees;
    private final List<DomainEventListener> listeners;
    private final String phoneRegion;
    private final ActorSource actors;
    /** Told which clients a committed unit of work changed; may be null. */
    private final ClientChangeWatcher watcher;

    public CrmContext(Storage storage, Clock clock, IdGenerator ids, AccessPolicy access, EmployeeDirectory employees,
                      List<DomainEventListener> listeners, String phoneRegion, ActorSource actors) {
        this.storage = ValidationException.required(storage, "storage");
        this.clock = ValidationException.required(clock, "clock");
        this.ids = ValidationException.required(ids, "ids");
        this.access = ValidationException.required(access, "access");
        this.employees = ValidationException.required(employees, "employees");
        this.listeners = List.copyOf(listeners);
        this.phoneRegion = ValidationException.required(phoneRegion, "phoneRegion");
        this.actors = ValidationException.required(actors, "actors");
        this.watcher = null;
    }

    private CrmContext(CrmContext wiring, ActorSource actors, ClientChangeWatcher watcher) {
        this.storage = wiring.storage;
        this.clock = wiring.clock;
        this.ids = wiring.ids;
        this.access = wiring.access;
        this.employees = wiring.employees;
        this.listeners = wiring.listeners;
        this.phoneRegion = wiring.phoneRegion;
        this.actors = actors;
        this.watcher = watcher;
    }

    /** The same wiring acting as the actors of another source. */
    public CrmContext actingAs(ActorSource source) {
        return new CrmContext(this, ValidationException.required(source, "source"), watcher);
    }

    /** The same wiring, telling {@code clientWatcher} which clients each committed unit of work changed. */
    public CrmContext watching(ClientChangeWatcher clientWatcher) {
        return new CrmContext(this, actors, ValidationException.required(clientWatcher, "clientWatcher"));
    }

    /** The same wiring without a client watcher (what a watcher itself writes through). */
    public CrmContext unwatched() {
        return new CrmContext(this, actors, null);
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    public AccessPolicy access() {
        return access;
    }

    public EmployeeDirectory employees() {
        return employees;
    }

    public String phoneRegion() {
        return phoneRegion;
    }

    /** Fails with {@link FeatureUnavailableException} when the storage lacks one of the feature's stores. */
    public void require(Feature feature) {
        String missing = StoreCatalogue.missing(storage.storeTypes(), feature);
        if (!missing.isEmpty()) {
            throw new FeatureUnavailableException(feature.name(), storage.name(), missing);
        }
    }

    /**
     * Runs a changing use case as one unit of work: the actor is asked once, the work's feed
     * entries are written last in the same transaction, and its events reach the listeners only
     * after the commit.
     */
    public <T> T write(Function<UnitOfWork, T> work) {
        Actor actor = actors.current();
        List<DomainEvent> events = new ArrayList<>();
        Set<ClientId> touched = new LinkedHashSet<>();
        T result = storage.inTransaction(actor.tenant(), stores -> {
            UnitOfWork unit = new UnitOfWork(this, actor, stores);
            T value = work.apply(unit);
            unit.finish();
            events.clear();
            events.addAll(unit.events());
            touched.clear();
            touched.addAll(unit.touchedClients());
            return value;
        });
        publish(events);
        if (watcher != null && !touched.isEmpty()) {
            try {
                watcher.changed(unwatched(), actor, Set.copyOf(touched));
            } catch (RuntimeException e) {
                LOG.error("client watcher {} failed on {}; the change stays committed", watcher, touched, e);
            }
        }
        return result;
    }

    /** Runs a reading use case; the actor is asked once. */
    public <T> T read(Function<UnitOfWork, T> work) {
        Actor actor = actors.current();
        return storage.read(actor.tenant(), stores -> work.apply(new UnitOfWork(this, actor, stores)));
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
