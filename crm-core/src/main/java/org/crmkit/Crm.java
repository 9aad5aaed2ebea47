package org.crmkit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.access.AccessPolicies;
import org.crmkit.access.AccessPolicy;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.DomainEventListener;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageSelection;

/**
 * crmkit embedded in a host: the client base and its use cases.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .storage(JpaStorage.h2(Path.of("data/crm")))
 *         .employees(erpUsers)
 *         .accessPolicy(AccessPolicies.ownAndTeam(erpUsers))
 *         .actorSource(erpSecurity::currentActor)
 *         .build();
 * Client client = crm.clients().register(NewClient.legalEntity("Питерсофт").inn("7707083893"));
 * }</pre>
 *
 * Use cases act as the actor of the {@link ActorSource} (in that actor's tenant), or as a given
 * actor through {@link #as(Actor)}. Thread-safe; build one per application and close it at the end.
 */
public final class Crm implements AutoCloseable {
    private final Wiring rt;
    private final ActorSource actors;

    private Crm(Wiring rt, ActorSource actors) {
        this.rt = rt;
        this.actors = actors;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same Crm acting as the given actor, whatever the actor source says. */
    public Crm as(Actor actor) {
        return new Crm(rt, ActorSource.fixed(actor));
    }

    public Clients clients() {
        return new Clients(rt, actors);
    }

    public ContactPersons contactPersons() {
        return new ContactPersons(rt, actors);
    }

    public PropertySchema properties() {
        return new PropertySchema(rt, actors);
    }

    public ClientGroups groups() {
        return new ClientGroups(rt, actors);
    }

    public RelationshipTypes relationshipTypes() {
        return new RelationshipTypes(rt, actors);
    }

    public EmployeeDirectory employees() {
        return rt.employees;
    }

    /** The region phone numbers without a country code are read in, e.g. {@code RU}. */
    public String phoneRegion() {
        return rt.phoneRegion;
    }

    /** Closes the storage. */
    @Override
    public void close() {
        rt.storage.close();
    }

    /**
     * Wires a {@link Crm}. Everything has a default: storage found through
     * {@link java.util.ServiceLoader} (in memory when none), system clock, time-ordered ids,
     * everybody sees everything, nobody in the employee directory, a system actor of the default
     * tenant, phone region RU.
     */
    public static final class Builder {
        private Storage storage;
        private String storageProvider;
        private final Map<String, String> storageSettings = new HashMap<>();
        private Clock clock = Clock.systemDefaultZone();
        private IdGenerator ids;
        private AccessPolicy access = AccessPolicies.everything();
        private EmployeeDirectory employees = EmployeeDirectory.none();
        private ActorSource actors = ActorSource.fixed(Actor.system(TenantId.DEFAULT, "system"));
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private String phoneRegion = "RU";

        private Builder() {
        }

        /** Uses this storage; explicit registration wins over discovery. */
        public Builder storage(Storage value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /** Chooses a discovered storage provider by name, with its settings. */
        public Builder storageProvider(String name, Map<String, String> settings) {
            this.storageProvider = Objects.requireNonNull(name, "name");
            this.storageSettings.putAll(settings);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder ids(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        public Builder accessPolicy(AccessPolicy value) {
            this.access = Objects.requireNonNull(value, "accessPolicy");
            return this;
        }

        public Builder employees(EmployeeDirectory value) {
            this.employees = Objects.requireNonNull(value, "employees");
            return this;
        }

        public Builder actorSource(ActorSource value) {
            this.actors = Objects.requireNonNull(value, "actorSource");
            return this;
        }

        /** Acts always as this actor unless {@link Crm#as(Actor)} says otherwise. */
        public Builder actor(Actor value) {
            return actorSource(ActorSource.fixed(value));
        }

        public Builder listener(DomainEventListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** The ISO 3166 region for phone numbers typed without a country code; RU by default. */
        public Builder phoneRegion(String value) {
            if (value == null || !com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(value)) {
                throw new ValidationException("phoneRegion", value, "is not a region libphonenumber knows (two-letter ISO 3166 code such as RU)");
            }
            this.phoneRegion = value;
            return this;
        }

        public Crm build() {
            Storage chosen = storage != null ? storage
                    : StorageSelection.select(Optional.ofNullable(storageProvider), storageSettings,
                    Thread.currentThread().getContextClassLoader());
            return new Crm(new Wiring(chosen, clock, ids != null ? ids : IdGenerator.timeOrdered(clock), access,
                    employees, listeners, phoneRegion), actors);
        }
    }
}
