package org.crmkit.interaction;

import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.audit.Changes;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.deal.Deal;
import org.crmkit.deal.DealAccess;
import org.crmkit.deal.DealCriterion;
import org.crmkit.deal.DealId;
import org.crmkit.deal.DealStore;
import org.crmkit.handover.HandOver;
import org.crmkit.storage.Feature;
import org.crmkit.storage.Stores;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The interaction use cases, each one unit of work for the acting tenant: plan (or record) an
 * interaction, read it, change it through its verbs, the calendar of employees, a client's history
 * and plan, and the control of obligations. Reads are restricted by the access policy
 * ({@link InteractionAccess#INTERACTIONS}) inside the store's query; changes are checked against it
 * before and after. Everything is checked before anything is written: the clients taking part must
 * exist (and be visible to the actor), a contact person must be one of that client's, the
 * interaction it is based on must exist, the deal it is based on must be one the actor may see and
 * its client must take part, and a stale copy fails with
 * {@link ConcurrentChangeException}.
 *
 * <p>Every change is journaled under the subject {@code interaction:<id>} and filed with its first
 * client ({@link Interaction#mainClient()}), fed (ids, kinds and field names only) and announced
 * after the commit ({@link InteractionEvent}). Days ("today", all-day items in a calendar) are read
 * in the zone of the Crm's clock.
 *
 * <p>Size (about 580 lines): the reports' bodies live in {@link InteractionReports}, reminders in
 * {@link Reminders}, occurrences in {@link Occurrences} and the free/busy warning in
 * {@link FreeBusy}; what stays here is the one aggregate's write path (plan, verbs, the shared
 * check-store-journal-announce sequence and the reference checks every write runs) and its reads,
 * which share the private visibility helpers. Splitting the write path further would spread one
 * unit-of-work sequence over classes that each need all of it.
 */
public final class Interactions {
    /** Interactions need their own store beside the client base. */
    public static final Feature FEATURE = Feature.of("interactions", InteractionStore.class);
    /** The record kind of interactions in the change feed and the journal's subjects. */
    static final String KIND = InteractionAccess.INTERACTIONS.name();
    /**
     * When an employee leaves, their open interactions go to the successor, with the unacknowledged
     * reminders the leaver had on them ({@link Reminders}); done and cancelled ones stay theirs.
     */
    /** The interactions a hand-over moved, in its {@link org.crmkit.handover.HandOverReport}. */
    public static final HandOver.Key<InteractionId> HANDED_OVER = new HandOver.Key<>(KIND, InteractionId.class);
    public static final HandOver HAND_OVER = HandOver.of(HANDED_OVER, Interactions::handOver);
    private static final int HAND_OVER_PAGE = 500;
    /** Most overlapping items a free/busy warning lists. */
    /** The feed's name of a move to a state. */
    private static final Map<InteractionState, String> STATE_CHANGES = Map.of(InteractionState.PLANNED, "planned",
            InteractionState.IN_PROGRESS, "started", InteractionState.DONE, "completed", InteractionState.CANCELLED, "cancelled");

    private final CrmContext context;
    private final InteractionReports reports;

    public Interactions(CrmContext context) {
        this.context = context;
        this.reports = new InteractionReports(context);
    }

    /**
     * Plans an interaction; {@code details} adds the rest with the interaction's verbs
     * ({@code i -> i.withParticipants(...).describe("...")}), and may complete it at once to record
     * something that already happened ({@code i -> i.complete("договорились")}). The number is the
     * tenant's next. The answer warns of other items of the same employees at that time.
     */
    public Scheduled plan(InteractionKind kind, String subject, Timing timing, EmployeeId responsible,
                          UnaryOperator<Interaction> details) {
        ValidationException.required(kind, "kind");
        ValidationException.required(timing, "timing");
        ValidationException.required(responsible, "responsible");
        ValidationException.required(details, "details");
        return context.write(work -> {
            InteractionStore store = work.store(InteractionStore.class);
            InteractionId id = new InteractionId(work.newId());
            Interaction planned = Interaction.plan(id, store.reserveNumbers(1), kind, subject, timing, responsible, work.actor().employee());
            Interaction drafted = details.apply(planned);
            if (drafted == null || !drafted.id().equals(id) || drafted.number() != planned.number()
                    || !drafted.author().equals(planned.author()) || drafted.version() != 0) {
                throw new ValidationException("id", drafted == null ? null : drafted.id(),
                        "cannot change: the details are of the new interaction " + id + " (its id, number, author and version stay)");
            }
            Interaction stored = insertIn(work, drafted);
            return FreeBusy.of(work, stored);
        });
    }

    /** Checks, stores, journals, feeds and announces a new interaction (version 0) in the unit of work. */
    static Interaction insertIn(UnitOfWork work, Interaction given) {
        InteractionStore store = work.store(InteractionStore.class);
        Interaction drafted = Occurrences.pinned(work, given);
        checkReferences(work, drafted, Optional.empty());
        requireChangeable(work, drafted, "plan interaction " + drafted.subject());
        Interaction stored = store.insert(drafted);
        boolean recorded = stored.state() != InteractionState.PLANNED;
        work.journal(List.of(new AuditEntry(work.newId(), stored.mainClient(), AuditEntry.subject(KIND, stored.id()),
                recorded ? "recorded" : "planned", Optional.empty(),
                Optional.of("№ " + stored.number() + " " + stored.kind() + ": " + stored.subject()), work.actor().name(), work.now())));
        work.changed(KIND, stored.id(), recorded ? "recorded" : "planned", List.of());
        work.publish(new InteractionEvent.Planned(work.actor().tenant(), stored.id(), work.now(), work.actor().name()));
        announceState(work, InteractionState.PLANNED, stored);
        return stored;
    }

    /**
     * The occurrences of series beside single items: calendars, histories and obligations with
     * series expanded, and the verbs of one occurrence ({@link Occurrences}).
     */
    public Occurrences occurrences() {
        return new Occurrences(context);
    }

    /** The reminders on interactions: set, cancelled, leased to a polling host and acknowledged. */
    public Reminders reminders() {
        return new Reminders(context);
    }

    /** The interaction, if it exists and the actor may see it. */
    public Optional<Interaction> find(InteractionId id) {
        ValidationException.required(id, "id");
        return context.read(work -> visible(work, id));
    }

    /** The interaction; {@link NotFoundException} when it does not exist or the actor may not see it. */
    public Interaction get(InteractionId id) {
        return find(id).orElseThrow(() -> new NotFoundException("interaction", id));
    }

    /**
     * Saves a changed copy of an interaction read earlier (changed through its verbs). A copy of an
     * older version fails with {@link ConcurrentChangeException} and nothing is written.
     */
    public Interaction save(Interaction changed) {
        ValidationException.required(changed, "interaction");
        return context.write(work -> saveIn(work, changed).interaction());
    }

    /** Reads, changes and saves the interaction in one unit of work; the change may not give it another id. */
    public Interaction update(InteractionId id, UnaryOperator<Interaction> change) {
        ValidationException.required(id, "id");
        ValidationException.required(change, "change");
        return context.write(work -> {
            Interaction changed = change.apply(require(work, id));
            if (changed == null || !changed.id().equals(id)) {
                throw new ValidationException("id", changed == null ? null : changed.id(), "cannot change: the update is of interaction " + id);
            }
            return saveIn(work, changed).interaction();
        });
    }

    /** Moves an open item read at {@code version} to another time; warns of other items then. */
    public Scheduled reschedule(InteractionId id, long version, Timing timing) {
        ValidationException.required(timing, "timing");
        return change(id, version, i -> i.reschedule(timing));
    }

    public Interaction start(InteractionId id, long version) {
        return change(id, version, Interaction::start).interaction();
    }

    /** Completes it with a result (a blank text: nothing to note). */
    public Interaction complete(InteractionId id, long version, String result) {
        ValidationException.required(result, "result");
        return change(id, version, i -> i.complete(result)).interaction();
    }

    public Interaction cancel(InteractionId id, long version) {
        return change(id, version, Interaction::cancel).interaction();
    }

    public Interaction reassign(InteractionId id, long version, EmployeeId to) {
        ValidationException.required(to, "to");
        return change(id, version, i -> i.reassign(to)).interaction();
    }

    private Scheduled change(InteractionId id, long version, UnaryOperator<Interaction> verb) {
        ValidationException.required(id, "id");
        return context.write(work -> {
            Interaction current = require(work, id);
            if (current.version() != version) {
                throw new ConcurrentChangeException("interaction", id, version);
            }
            return saveIn(work, verb.apply(current));
        });
    }

    /** The interactions matching a query that the actor may see, in one query of the store. */
    public List<Interaction> find(InteractionQuery query) {
        ValidationException.required(query, "query");
        InteractionQuery read = new InteractionQuery(atClock(query.where()), query.order(), query.offset(), query.limit());
        return context.read(work -> work.store(InteractionStore.class).find(read.restrictedTo(visible(work))));
    }

    public long count(Criterion<InteractionCriterion> where) {
        ValidationException.required(where, "where");
        return context.read(work -> work.store(InteractionStore.class).count(visible(work).and(atClock(where))));
    }

    /** The criterion with its relative leaves ("started within last 30 days") read at the Crm clock, as stores need it. */
    private Criterion<InteractionCriterion> atClock(Criterion<InteractionCriterion> where) {
        return Criterion.at(where, java.time.ZonedDateTime.now(context.clock()));
    }

    /**
     * A page of all interactions matching {@code where} that the actor may see, by id, after the id
     * of the last one of the previous page ({@code Optional.empty()} for the first): keyset paging
     * for a host that reads everything.
     */
    public List<Interaction> listAfter(Criterion<InteractionCriterion> where, Optional<InteractionId> after, int limit) {
        ValidationException.required(where, "where");
        ValidationException.required(after, "after");
        if (limit < 1 || limit > InteractionQuery.MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + InteractionQuery.MAX_LIMIT);
        }
        return context.read(work -> work.store(InteractionStore.class).findAfter(visible(work).and(atClock(where)), after, limit));
    }

    /**
     * The calendar of one or several employees: every item they are responsible for or take part
     * in that overlaps the period (all states), in time order. A series is listed once, as stored
     * (by its first occurrence): {@link Occurrences#calendar} expands series into occurrences.
     */
    public List<Interaction> calendar(Set<EmployeeId> employees, CalendarPeriod period) {
        ValidationException.requiredElements(employees, "employees");
        ValidationException.required(period, "period");
        return find(InteractionQuery.calendar(employees, period));
    }

    /**
     * A client's history and plan: every interaction the client takes part in, in time order; a
     * series once, as stored ({@link Occurrences#history} expands series within a period).
     */
    public List<Interaction> history(ClientId client) {
        ValidationException.required(client, "client");
        return context.read(work -> {
            if (visibleClients(work, Set.of(client)).isEmpty()) {
                throw new NotFoundException("client", client);
            }
            return everyPage(work, InteractionQuery.history(client));
        });
    }

    /**
     * A deal's interactions: every interaction based on the deal that the actor may see, in time
     * order. A deal that does not exist, or that the actor may not see, is {@link NotFoundException}.
     */
    public List<Interaction> ofDeal(DealId deal) {
        ValidationException.required(deal, "deal");
        return context.read(work -> {
            if (visibleDeal(work, deal).isEmpty()) {
                throw new NotFoundException("deal", deal);
            }
            return everyPage(work, InteractionQuery.ofDeal(deal));
        });
    }

    /** All that the query selects and the actor may see, read page by page. */
    static List<Interaction> everyPage(UnitOfWork work, InteractionQuery unrestricted) {
        List<Interaction> all = new ArrayList<>();
        InteractionQuery query = unrestricted.restrictedTo(visible(work));
        List<Interaction> page;
        do {
            page = work.store(InteractionStore.class).find(query.page(all.size(), InteractionQuery.MAX_LIMIT));
            all.addAll(page);
        } while (page.size() == InteractionQuery.MAX_LIMIT);
        return all;
    }

    /** The deal, if it exists in the tenant and the actor may see it (the deals' own access rule). */
    private static Optional<Deal> visibleDeal(UnitOfWork work, DealId id) {
        Criterion<DealCriterion> visible = work.context().access().visible(work.actor(), DealAccess.DEALS);
        return work.store(DealStore.class).findAfter(visible.and(new DealCriterion.IdIn(Set.of(id))), Optional.empty(), 1).stream().findFirst();
    }

    /**
     * Control of obligations: the open items and promises overdue now, per responsible employee,
     * oldest first (at most {@code limit}). A series is never overdue itself; its overdue
     * occurrences are listed with these by {@link Occurrences#overdue}.
     */
    public List<Interaction> overdue(int limit) {
        if (limit < 1 || limit > InteractionQuery.MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + InteractionQuery.MAX_LIMIT);
        }
        return context.read(work -> work.store(InteractionStore.class)
                .find(InteractionQuery.overdue(work.now(), work.today()).page(0, limit).restrictedTo(visible(work))));
    }

    /**
     * The interaction analysis for a period ({@link InteractionAnalysis} says which interactions
     * count and how; a series counts each occurrence): for a database store one grouping statement
     * for the single items, one read of the series with their overrides (expanded in Java), and one
     * for the names of the series' clients when an occurrence counts. The period is instants (its zone places
     * all-day items); {@link #analysis(YearMonth, ZoneId)} makes a month of one.
     */
    public InteractionAnalysis analysis(CalendarPeriod period) {
        return reports.analysis(period);
    }

    /** The interaction analysis for a calendar month in {@code zone} ("September 2011" in the tenant's zone). */
    public InteractionAnalysis analysis(YearMonth month, ZoneId zone) {
        return analysis(CalendarPeriod.month(month, zone));
    }

    /**
     * The interaction analysis's top three levels (employee, client, kind) with their counts, for a
     * long period such as a year: one grouping statement for the single items, which sends counts,
     * not interactions, and the series read and expanded as for {@link #analysis(CalendarPeriod)},
     * whose counts these equal.
     */
    public AnalysisSummary analysisSummary(CalendarPeriod period) {
        return reports.analysisSummary(period);
    }

    /** The top three levels of the interaction analysis for a calendar year in {@code zone}. */
    public AnalysisSummary analysisSummary(Year year, ZoneId zone) {
        return analysisSummary(CalendarPeriod.year(year, zone));
    }

    /**
     * The interaction analysis of one client: its interactions in the period, listed under it only.
     * A client that does not exist, or that the actor may not see, is refused naming {@code client}.
     */
    public InteractionAnalysis analysis(ClientId client, CalendarPeriod period) {
        return reports.analysis(client, period);
    }

    /**
     * The clients without interactions in a period ({@link ClientsWithoutInteractions}): one
     * statement for the single items and one read of the clients' series (a client with an
     * occurrence that counts has interactions). {@code relationships} and {@code managers} narrow it to
     * clients of one of those types or main managers; an empty set does not narrow. A client
     * registered after the period's last day is not listed: it was not a client then.
     */
    public ClientsWithoutInteractions withoutInteractions(CalendarPeriod period, Set<RelationshipTypeId> relationships,
                                                          Set<EmployeeId> managers) {
        return reports.withoutInteractions(period, relationships, managers);
    }

    /** The clients without interactions in a calendar month in {@code zone}. */
    public ClientsWithoutInteractions withoutInteractions(YearMonth month, ZoneId zone, Set<RelationshipTypeId> relationships,
                                                          Set<EmployeeId> managers) {
        return withoutInteractions(CalendarPeriod.month(month, zone), relationships, managers);
    }

    /** The journal of one interaction, oldest first. */
    public List<AuditEntry> journal(InteractionId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            require(work, id);
            return work.store(AuditStore.class).ofSubject(AuditEntry.subject(KIND, id));
        });
    }

    static Scheduled saveIn(UnitOfWork work, Interaction given) {
        Interaction current = require(work, given.id());
        // a rule given anew keeps the zone the series was pinned to
        Interaction changed = given.recurrence().filter(r -> r.zone().isEmpty()).isPresent()
                && current.recurrence().flatMap(Recurrence::zone).isPresent()
                ? given.repeat(given.recurrence().get().in(current.recurrence().get().zone().get())) : Occurrences.pinned(work, given);
        if (current.version() != changed.version()) {
            throw new ConcurrentChangeException("interaction", changed.id(), changed.version());
        }
        requireChangeable(work, current, "change interaction № " + current.number());
        if (current.number() != changed.number()) {
            throw new ValidationException("number", changed.number(), "cannot change: interaction " + changed.id() + " is № " + current.number());
        }
        if (!current.author().equals(changed.author())) {
            throw new ValidationException("author", changed.author().map(Object::toString).orElse(null), "cannot change: who recorded it stays");
        }
        if (current.equals(changed)) {
            return new Scheduled(current, List.of());
        }
        if (!current.state().equals(changed.state()) && !current.state().mayBecome(changed.state())) {
            throw new ValidationException("state", current.state(), "cannot become " + changed.state());
        }
        checkReferences(work, changed, Optional.of(current));
        requireChangeable(work, changed, "change interaction № " + changed.number());
        Interaction stored = store(work, current, changed);
        return current.timing().equals(stored.timing()) ? new Scheduled(stored, List.of()) : FreeBusy.of(work, stored);
    }

    /** Stores a checked change: the record, its journal lines, the feed entry and the events. */
    private static Interaction store(UnitOfWork work, Interaction current, Interaction changed) {
        Interaction stored = work.store(InteractionStore.class).update(changed);
        List<AuditEntry> entries = Changes.between(current.auditView(), stored.auditView(), stored.mainClient(),
                AuditEntry.subject(KIND, stored.id()), work.actor().name(), work.now(), work::newId);
        work.journal(entries);
        String change = !current.state().equals(stored.state()) ? STATE_CHANGES.get(stored.state())
                : !current.timing().equals(stored.timing()) ? "rescheduled"
                : !current.responsible().equals(stored.responsible()) ? "reassigned" : "changed";
        work.changed(KIND, stored.id(), change, entries.stream().map(AuditEntry::field).collect(Collectors.toList()));
        if (!current.timing().equals(stored.timing())) {
            work.publish(new InteractionEvent.Rescheduled(work.actor().tenant(), stored.id(), current.timing(), stored.timing(), work.now(),
                    work.actor().name()));
        }
        if (!current.responsible().equals(stored.responsible())) {
            work.publish(new InteractionEvent.Reassigned(work.actor().tenant(), stored.id(), current.responsible(), stored.responsible(),
                    work.now(), work.actor().name()));
        }
        announceState(work, current.state(), stored);
        Reminders.follow(work, current, stored);
        return stored;
    }

    private static void announceState(UnitOfWork work, InteractionState before, Interaction stored) {
        if (before == stored.state()) {
            return;
        }
        switch (stored.state()) {
            case IN_PROGRESS:
                work.publish(new InteractionEvent.Started(work.actor().tenant(), stored.id(), work.now(), work.actor().name()));
                break;
            case DONE:
                work.publish(new InteractionEvent.Completed(work.actor().tenant(), stored.id(), work.now(), work.actor().name()));
                break;
            case CANCELLED:
                work.publish(new InteractionEvent.Cancelled(work.actor().tenant(), stored.id(), work.now(), work.actor().name()));
                break;
            default:
                break;
        }
    }

    /**
     * The clients, contact persons, earlier interaction and deal it names that {@code current} did
     * not: each client must exist and be visible to the actor, each person must be a contact person
     * of that client, the interaction it is based on must exist, the deal must be one the actor may
     * see; and the deal's client must take part (checked again when the clients change).
     */
    private static void checkReferences(UnitOfWork work, Interaction changed, Optional<Interaction> current) {
        List<Participant> before = current.map(Interaction::participants).orElse(List.of());
        Set<ClientId> named = changed.participants().stream().filter(p -> !before.contains(p)).map(Participant::client).collect(Collectors.toSet());
        Map<ClientId, Client> clients = visibleClients(work, named);
        for (int i = 0; i < changed.participants().size(); i++) {
            Participant p = changed.participants().get(i);
            if (before.contains(p)) {
                continue;
            }
            Client client = clients.get(p.client());
            if (client == null) {
                throw new ValidationException("participants[" + i + "].client", p.client(), "is not a client (or not one you may see)");
            }
            if (p.person().isPresent()) {
                Optional<ContactPerson> person = work.store(ContactPersonStore.class).get(p.person().get());
                if (person.isEmpty() || !person.get().client().equals(p.client())) {
                    throw new ValidationException("participants[" + i + "].person", p.person().get(),
                            "is not a contact person of client " + client.code() + " (" + client.shortName() + ")");
                }
            }
        }
        if (changed.basedOn().isPresent() && !changed.basedOn().equals(current.flatMap(Interaction::basedOn))
                && work.store(InteractionStore.class).get(changed.basedOn().get()).isEmpty()) {
            throw new ValidationException("basedOn", changed.basedOn().get(), "is not an interaction");
        }
        checkDeal(work, changed, current);
    }

    private static void checkDeal(UnitOfWork work, Interaction changed, Optional<Interaction> current) {
        if (changed.deal().isEmpty()) {
            return;
        }
        DealId id = changed.deal().get();
        boolean sameDeal = changed.deal().equals(current.flatMap(Interaction::deal));
        if (sameDeal && changed.clients().equals(current.get().clients())) {
            return;
        }
        Optional<Deal> deal = sameDeal ? work.store(DealStore.class).get(id) : visibleDeal(work, id);
        if (deal.isEmpty()) {
            throw new ValidationException("deal", id, "is not a deal (or not one you may see)");
        }
        if (!changed.clients().contains(deal.get().client())) {
            throw new ValidationException("deal", id, "is deal № " + deal.get().number() + " of client " + deal.get().client()
                    + ", who does not take part in the interaction: add the client to its participants first");
        }
    }

    /** Those of the clients that exist and the actor may see, in one query. */
    static Map<ClientId, Client> visibleClients(UnitOfWork work, Set<ClientId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Criterion<ClientCriterion> visible = work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
        return work.store(ClientStore.class).find(new ClientQuery(visible.and(new ClientCriterion.IdIn(ids)), ClientQuery.Order.CODE, 0,
                ids.size())).stream().collect(Collectors.toMap(Client::id, c -> c));
    }

    /** The open interactions the leaver is responsible for move to the successor, page by page (keyset by id). */
    private static List<InteractionId> handOver(UnitOfWork work, EmployeeId from, EmployeeId to) {
        if (!work.context().storage().storeTypes().contains(InteractionStore.class)) {
            return List.of(); // a storage without interactions has none to move, and its clients still move
        }
        InteractionStore store = work.store(InteractionStore.class);
        Criterion<InteractionCriterion> open = Criterion.and(new InteractionCriterion.ResponsibleIn(Set.of(from)),
                new InteractionCriterion.StateIn(InteractionState.OPEN));
        Optional<InteractionId> after = Optional.empty();
        List<InteractionId> moved = new ArrayList<>();
        List<Interaction> page;
        do {
            page = store.findAfter(open, after, HAND_OVER_PAGE);
            for (Interaction i : page) {
                // the done and cancelled occurrences of a series keep the leaver; the open ones move with the series
                if (i.recurs()) {
                    store.overrides(i.id()).stream().filter(o -> !o.state().isOpen() && o.responsible().isEmpty())
                            .forEach(o -> store.saveOverride(o.keptBy(from)));
                }
                store(work, i, i.reassign(to));
                moved.add(i.id());
            }
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == HAND_OVER_PAGE);
        return moved;
    }

    static Criterion<InteractionCriterion> visible(UnitOfWork work) {
        return work.context().access().visible(work.actor(), InteractionAccess.INTERACTIONS);
    }

    private static Optional<Interaction> visible(UnitOfWork work, InteractionId id) {
        return work.store(InteractionStore.class).find(new InteractionQuery(visible(work).and(new InteractionCriterion.IdIn(Set.of(id))),
                InteractionQuery.Order.NUMBER, 0, 1)).stream().findFirst();
    }

    /** The interaction, if it exists and the actor may see it, in this unit of work (for the reminders). */
    static Optional<Interaction> visibleIn(UnitOfWork work, InteractionId id) {
        return visible(work, id);
    }

    static Interaction require(UnitOfWork work, InteractionId id) {
        return visible(work, id).orElseThrow(() -> new NotFoundException("interaction", id));
    }

    /** Refuses with {@link AccessDeniedException} unless the actor may change the interaction as it is. */
    static void requireChangeable(UnitOfWork work, Interaction interaction, String what) {
        Criterion<InteractionCriterion> changeable = work.context().access().changeable(work.actor(), InteractionAccess.INTERACTIONS);
        if (!InteractionCriterion.matches(changeable, interaction, related(work.stores()))) {
            throw new AccessDeniedException(work.actor().toString(), what);
        }
    }

    /** Answers the leaves on clients for one interaction tested in memory, from the stores as they are. */
    private static InteractionCriterion.Related related(Stores stores) {
        return new InteractionCriterion.Related() {
            @Override
            public Optional<Client> client(ClientId id) {
                return stores.get(ClientStore.class).get(id);
            }

            @Override
            public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
                return stores.get(ClientStore.class).count(Criterion.and(new ClientCriterion.IdIn(Set.of(client)),
                        new ClientCriterion.Having<>(relation, criterion))) > 0;
            }
        };
    }
}
