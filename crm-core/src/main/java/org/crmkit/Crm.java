package org.crmkit;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.access.AccessPolicies;
import org.crmkit.access.AccessPolicy;
import org.crmkit.audit.AuditStore;
import org.crmkit.client.ClientGroups;
import org.crmkit.client.Clients;
import org.crmkit.client.ContactPersons;
import org.crmkit.client.RelationshipTypes;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.DomainEventListener;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.deal.Deals;
import org.crmkit.deal.Pipelines;
import org.crmkit.contract.BankAccounts;
import org.crmkit.contract.Contracts;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.feed.FeedStore;
import org.crmkit.handover.HandOvers;
import org.crmkit.interaction.Interactions;
import org.crmkit.ledger.Ledger;
import org.crmkit.survey.Surveys;
import org.crmkit.segment.SegmentStore;
import org.crmkit.segment.Segments;
import org.crmkit.consent.Consents;
import org.crmkit.mailing.recipient.Recipients;
import org.crmkit.mailing.template.MailTemplates;
import org.crmkit.property.PropertySchema;
import org.crmkit.segment.SegmentRules;
import org.crmkit.storage.Feature;
import org.crmkit.storage.FeatureUnavailableException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageSelection;
import org.crmkit.usecase.CrmContext;

/**
 * crmkit embedded in a host: the client base and its use cases.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .storage(JpaStorage.h2(Path.of("data/crm")))
 *         .employees(erpUsers)
 *         .accessPolicy(ClientAccess.ownAndTeam(erpUsers))
 *         .actorSource(erpSecurity::currentActor)
 *         .build();
 * Client client = crm.clients().register(NewClient.legalEntity("Питерсофт").inn("7707083893"));
 * }</pre>
 *
 * Use cases act as the actor of the {@link ActorSource} (in that actor's tenant), or as a given
 * actor through {@link #as(Actor)}. Thread-safe; build one per application and close it at the end.
 */
public final class Crm implements AutoCloseable {
    /** The change journal and the change feed, which every use case writes. */
    public static final Feature JOURNAL = Feature.of("journal", AuditStore.class, FeedStore.class);

    private final CrmContext context;

    private Crm(CrmContext context) {
        this.context = context;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same Crm acting as the given actor, whatever the actor source says. */
    public Crm as(Actor actor) {
        return new Crm(context.actingAs(ActorSource.fixed(actor)));
    }

    // one line per feature: its use cases, made over the shared context

    public Clients clients() {
        return new Clients(context);
    }

    public ContactPersons contactPersons() {
        return new ContactPersons(context);
    }

    public PropertySchema properties() {
        return new PropertySchema(context);
    }

    public ClientGroups groups() {
        return new ClientGroups(context);
    }

    public RelationshipTypes relationshipTypes() {
        return new RelationshipTypes(context);
    }

    public Deals deals() {
        return new Deals(context);
    }

    public Pipelines pipelines() {
        return new Pipelines(context);
    }

    public Interactions interactions() {
        return new Interactions(context);
    }

    public Contracts contracts() {
        return new Contracts(context);
    }

    public BankAccounts bankAccounts() {
        return new BankAccounts(context);
    }

    /** Income and expense facts from the host's documents, and the profitability reports computed from them. */
    public Ledger ledger() {
        return new Ledger(context);
    }

    /** The consent ledger: who agreed to hear from the tenant on which channel, for which purpose, at which address; double opt-in; the suppression list; proof. */
    public Consents consents() {
        return new Consents(context);
    }

    /** Satisfaction surveys: questionnaire templates, clients' responses, CSAT and NPS by period, employee and client. */
    public Surveys surveys() {
        return new Surveys(context);
    }

    /** Mailings: e-mail and SMS to many clients through a durable outbox, sent in the host's threads. */
    public org.crmkit.mailing.Mailings mailings() {
        return new org.crmkit.mailing.Mailings(context);
    }

    /** Mailing templates: built and checked against the tenant's variables, previewed for a recipient. */
    public MailTemplates mailTemplates() {
        return new MailTemplates(context);
    }

    /** Resolving a mailing's audience into recipients and exclusions, page by page. */
    public Recipients recipients() {
        return new Recipients(context);
    }

    /** Saved segments: dynamic rules counted and listed on use, snapshot lists, live membership and the sweep. */
    public Segments segments() {
        return new Segments(context);
    }

    /** Segment rules as text a person types: parsed and printed with the tenant's names ({@link org.crmkit.segment.RuleText}). */
    public SegmentRules segmentRules() {
        return new SegmentRules(context);
    }

    /** When an employee leaves: each feature's open work of theirs moves to a successor, in one unit of work. */
    public HandOvers handOvers() {
        return new HandOvers(context, List.of(Clients.HAND_OVER, ContactPersons.HAND_OVER, Interactions.HAND_OVER, Deals.HAND_OVER));
    }

    /** The durable change feed of the acting tenant, read from a cursor the host keeps. */
    public ChangeFeed feed() {
        return new ChangeFeed(context);
    }

    /** The change journal across clients, by period and actor (an administrative read). */
    public ChangeJournal journal() {
        return new ChangeJournal(context);
    }

    public EmployeeDirectory employees() {
        return context.employees();
    }

    /** crmkit's clock: the time every change is stamped with, in the tenant's {@link #zone()}. */
    public Clock clock() {
        return context.clock();
    }

    /**
     * The tenant's time zone ({@link Builder#zone}): "today", the days of all-day items and of
     * calendar periods are read in it, and a calendar export writes in it unless an employee has
     * a zone of their own ({@link #zoneOf}).
     */
    public ZoneId zone() {
        return context.clock().getZone();
    }

    /** The zone an employee's calendar is shown in: theirs if the directory gives one, else the tenant's. */
    public ZoneId zoneOf(EmployeeId employee) {
        ValidationException.required(employee, "employee");
        return context.employees().find(employee).flatMap(Employee::zone).orElse(zone());
    }

    /** The region phone numbers without a country code are read in, e.g. {@code RU}. */
    public String phoneRegion() {
        return context.phoneRegion();
    }

    /** Closes the storage. */
    @Override
    public void close() {
        context.storage().close();
    }

    /**
     * Wires a {@link Crm}. Everything has a default: the system clock in UTC, time-ordered ids,
     * everybody sees everything, nobody in the employee directory, a system actor of the default
     * tenant, phone region RU.
     *
     * <p>The tenant's time zone is the clock's zone: UTC by default, the zone of a clock given to
     * {@link #clock}, or the one given to {@link #zone}, which wins over the clock's (the clock is
     * then read in it).
     *
     * <p>The storage: the one given to {@link #storage(Storage)}; else a provider found through
     * {@link java.util.ServiceLoader}, chosen and configured by {@link #storageProvider} or the
     * system properties {@code crmkit.storage.provider} and {@code crmkit.storage.<key>} (rules:
     * {@link StorageSelection}); else, with no provider on the class path, in memory (with a
     * warning). No storage creates files where the host did not say: with crm-persistence-jpa on
     * the class path and no database named, {@link #build()} fails and says how to name one
     * ({@code JpaStorage.h2(Path.of("data/crm"))}, the setting {@code path} or {@code url}, or
     * {@code -Dcrmkit.storage.path=…}).
     */
    public static final class Builder {
        private Storage storage;
        private String storageProvider;
        private final Map<String, String> storageSettings = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private ZoneId zone;
        private IdGenerator ids;
        private AccessPolicy access = AccessPolicies.everything();
        private EmployeeDirectory employees = EmployeeDirectory.none();
        private ActorSource actors = ActorSource.fixed(Actor.system(TenantId.DEFAULT, "system"));
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private String phoneRegion = "RU";
        private final Set<Feature> features = new LinkedHashSet<>(List.of(Clients.FEATURE, PropertySchema.FEATURE, Crm.JOURNAL));

        private Builder() {
        }

        /** Uses this storage; explicit registration wins over discovery. */
        public Builder storage(Storage value) {
            this.storage = ValidationException.required(value, "storage");
            return this;
        }

        /**
         * Chooses a discovered storage provider by name, with its settings (for the JPA storage:
         * {@code path} of an H2 file, or {@code url}, {@code user}, {@code password}); a key given
         * here wins over the system property {@code crmkit.storage.<key>}.
         */
        public Builder storageProvider(String name, Map<String, String> settings) {
            this.storageProvider = ValidationException.required(name, "storageProvider");
            ValidationException.required(settings, "storageSettings").forEach((key, value) -> {
                ValidationException.required(key, "storageSettings");
                ValidationException.required(value, "storageSettings." + key);
            });
            this.storageSettings.putAll(settings);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = ValidationException.required(value, "clock");
            return this;
        }

        /**
         * The tenant's time zone, e.g. {@code ZoneId.of("Europe/Moscow")}: days are read in it
         * ("today", all-day items, calendar months) and calendars are exported in it. Default: the
         * clock's zone, which is UTC unless a clock with another zone is given.
         */
        public Builder zone(ZoneId value) {
            this.zone = ValidationException.required(value, "zone");
            return this;
        }

        /** The tenant's time zone by its id ({@code Europe/Moscow}); an id Java does not know is refused naming it. */
        public Builder zone(String id) {
            return zone(zoneId(id));
        }

        private static ZoneId zoneId(String id) {
            ValidationException.required(id, "zone");
            try {
                return ZoneId.of(id);
            } catch (java.time.DateTimeException e) {
                throw new ValidationException("zone", id, "is not a time zone id Java knows (such as Europe/Moscow or UTC)");
            }
        }

        public Builder ids(IdGenerator value) {
            this.ids = ValidationException.required(value, "ids");
            return this;
        }

        public Builder accessPolicy(AccessPolicy value) {
            this.access = ValidationException.required(value, "accessPolicy");
            return this;
        }

        public Builder employees(EmployeeDirectory value) {
            this.employees = ValidationException.required(value, "employees");
            return this;
        }

        public Builder actorSource(ActorSource value) {
            this.actors = ValidationException.required(value, "actorSource");
            return this;
        }

        /** Acts always as this actor unless {@link Crm#as(Actor)} says otherwise. */
        public Builder actor(Actor value) {
            return actorSource(ActorSource.fixed(value));
        }

        public Builder listener(DomainEventListener value) {
            listeners.add(ValidationException.required(value, "listener"));
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

        /**
         * The features this host uses beyond the client base: {@link #build()} fails with
         * {@link FeatureUnavailableException} when the storage lacks one. A feature not named here
         * fails only when first called.
         */
        public Builder features(Feature... used) {
            features.addAll(ValidationException.requiredElements("features", used));
            return this;
        }

        public Crm build() {
            Storage chosen = storage != null ? storage
                    : StorageSelection.select(Optional.ofNullable(storageProvider), storageSettings,
                    Thread.currentThread().getContextClassLoader(), InMemoryStorage::new);
            Clock zoned = zone == null ? clock : clock.withZone(zone);
            CrmContext context = new CrmContext(chosen, zoned, ids != null ? ids : IdGenerator.timeOrdered(zoned), access,
                    employees, listeners, phoneRegion, actors);
            features.forEach(context::require);
            if (chosen.storeTypes().contains(SegmentStore.class)) {
                // live segment membership: the clients a committed unit of work changed are checked against the dynamic segments
                context = context.watching((unwatched, actor, clients) ->
                        new Segments(unwatched.actingAs(ActorSource.fixed(actor))).refresh(clients));
            }
            return new Crm(context);
        }
    }
}
