package org.crmkit.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.audit.Changes;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.handover.HandOver;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The deal use cases, each one unit of work for the acting tenant: open a deal, move it through
 * its pipeline, win, lose, reopen, change its other fields, list and count, and its journal.
 * Reads are restricted by {@link DealAccess#DEALS} inside the store's query; a change asks the
 * policy's changeable deals first. A change takes the deal as the caller read it: its version
 * must still be the stored one ({@link ConcurrentChangeException} otherwise, nothing written).
 * Each change journals its fields (subject {@code deal:<id>}, on the client's journal), feeds the
 * field names under kind {@code deal}, and publishes a {@link DealEvent} after the commit.
 *
 * <p>Size (about 490 lines): the funnel is computed in {@link Funnel}, pipelines are
 * {@link Pipelines}; what stays is the deal's write path (one check-store-journal-announce sequence
 * shared by every verb, stage deadlines included) and the reads that share its visibility helpers.
 */
public final class Deals {
    /** Deals, pipelines and lost reasons. */
    public static final Feature FEATURE = Feature.of("deals", DealStore.class, PipelineStore.class, LostReasonStore.class);
    /** The record kind of deals in the change feed and the journal's subjects. */
    static final String KIND = "deal";
    /** The deals a hand-over moved, in its {@link org.crmkit.handover.HandOverReport}. */
    public static final HandOver.Key<DealId> HANDED_OVER = new HandOver.Key<>(KIND, DealId.class);
    /** When an employee leaves, their open deals go to the successor; won and lost deals keep their responsible. */
    public static final HandOver HAND_OVER = HandOver.of(Deals.HANDED_OVER, Deals::handOver);
    static final int PAGE = 500;
    /** Most deals one page of {@link #listAfter} reads. */
    public static final int MAX_LIMIT = 1000;

    private final CrmContext context;

    public Deals(CrmContext context) {
        this.context = context;
    }

    /** Opens a deal: everything is checked first, nothing is stored when anything is wrong. */
    public Deal open(NewDeal draft) {
        ValidationException.required(draft, "deal");
        return context.write(work -> {
            requireClient(work, draft.client());
            Pipeline pipeline = Pipelines.require(work, draft.pipeline(), "pipeline");
            EmployeeId responsible = draft.responsible().or(() -> work.actor().employee()).orElseThrow(() ->
                    new ValidationException("responsible", null, "is required: the acting actor is no employee to take the deal"));
            DealStore store = work.store(DealStore.class);
            Deal deal = Deal.open(new DealId(work.newId()), 1, draft.client(), draft.title(), draft.amount(), responsible, pipeline,
                    draft.stage().orElse(pipeline.firstOpenStage().id()), work.actor().name(), work.now());
            deal = deal.withContact(draft.contactPerson().orElse(null)).expectClose(draft.expectedClose().orElse(null))
                    .withSource(draft.source().orElse(null));
            requireContact(work, deal);
            requireChangeable(work, deal, "open a deal for client " + deal.client());
            Deal numbered = new Deal(deal.id(), store.reserveNumbers(1), deal.client(), deal.contactPerson(), deal.title(), deal.amount(),
                    deal.expectedClose(), deal.responsible(), deal.source(), deal.pipeline(), deal.stage(), deal.status(), deal.history(),
                    deal.closedOn(), deal.lostReason(), 0);
            Deal stored = store.insert(numbered);
            work.journal(List.of(new AuditEntry(work.newId(), Optional.of(stored.client()), subject(stored.id()), "opened", Optional.empty(),
                    Optional.of("№ " + stored.number() + " " + stored.title() + ", " + stored.amount()), work.actor().name(), work.now())));
            work.changed(KIND, stored.id(), "opened", List.of());
            work.publish(new DealEvent.DealOpened(work.actor().tenant(), stored.id(), stored.client(), stored.stage(), work.now(),
                    work.actor().name()));
            return stored;
        });
    }

    /** The deal, if it exists and the actor may see it. */
    public Optional<Deal> find(DealId id) {
        ValidationException.required(id, "id");
        return context.read(work -> visible(work, id));
    }

    /** The deal; {@link NotFoundException} when it does not exist or the actor may not see it. */
    public Deal get(DealId id) {
        return find(id).orElseThrow(() -> new NotFoundException("deal", id));
    }

    /**
     * A page of the deals matching {@code where} that the actor may see, by id, after the id of
     * the last deal of the previous page ({@code Optional.empty()} for the first): keyset paging,
     * one query of the store per page.
     */
    public List<Deal> listAfter(Criterion<DealCriterion> where, Optional<DealId> after, int limit) {
        ValidationException.required(where, "where");
        ValidationException.required(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
        return context.read(work -> work.store(DealStore.class).findAfter(visible(work).and(where), after, limit));
    }

    /** The deals of a client that the actor may see, by number: one statement for a database store. */
    public List<Deal> ofClient(ClientId client) {
        ValidationException.required(client, "client");
        return context.read(work -> work.store(DealStore.class).list(visible(work).and(
                new DealCriterion.OfClient(new ClientCriterion.IdIn(Set.of(client))))));
    }

    /**
     * The open deals an employee is responsible for that the actor may see, by number: one
     * statement for a database store.
     */
    public List<Deal> openOf(EmployeeId responsible) {
        ValidationException.required(responsible, "responsible");
        return context.read(work -> work.store(DealStore.class).list(Criterion.and(visible(work),
                new DealCriterion.ResponsibleIn(Set.of(responsible)), new DealCriterion.StatusIs(StageKind.OPEN))));
    }

    /** How many deals matching {@code where} the actor may see. */
    public long count(Criterion<DealCriterion> where) {
        ValidationException.required(where, "where");
        return context.read(work -> work.store(DealStore.class).count(visible(work).and(where)));
    }

    /** Moves an open deal to another open stage of its pipeline. */
    public Deal moveTo(Deal deal, StageId stage) {
        ValidationException.required(stage, "stage");
        return change(deal, "moved", (work, current) -> current.moveTo(Pipelines.require(work, current.pipeline(), "pipeline"), stage,
                work.actor().name(), work.now()));
    }

    /**
     * Moves an open deal to an open stage of its pipeline, due by {@code deadline} (moving to the
     * stage it is in replaces that stage's deadline).
     */
    public Deal moveTo(Deal deal, StageId stage, Instant deadline) {
        ValidationException.required(stage, "stage");
        ValidationException.required(deadline, "stageDeadline");
        return change(deal, "moved", (work, current) -> current.moveTo(Pipelines.require(work, current.pipeline(), "pipeline"), stage,
                deadline, work.actor().name(), work.now()));
    }

    /**
     * The open deal's current stage is due by {@code deadline} (replacing the one it had):
     * journaled and fed as the field {@code stageDeadline}, published as a {@link DealEvent.DealChanged}.
     * Refused for a won or lost deal, naming {@code stageDeadline}.
     */
    public Deal planStageDeadline(Deal deal, Instant deadline) {
        ValidationException.required(deadline, "stageDeadline");
        return change(deal, "changed", (work, current) -> current.planStageDeadline(deadline));
    }

    /** The deal's current stage no longer has a deadline. */
    public Deal dropStageDeadline(Deal deal) {
        return change(deal, "changed", (work, current) -> current.dropStageDeadline());
    }

    /**
     * The open deals of these responsible employees (that the actor may see) whose current stage is
     * due in {@code [from, until)}, by deadline then number: one statement for a database store, to
     * show beside {@code interactions().calendar(...)}.
     */
    public List<Deal> stageDeadlines(Set<EmployeeId> responsible, Instant from, Instant until) {
        List<EmployeeId> employees = ValidationException.requiredElements(responsible, "responsible");
        ValidationException.required(from, "from");
        ValidationException.required(until, "until");
        if (employees.isEmpty()) {
            throw new ValidationException("responsible", "[]", "name at least one employee");
        }
        if (!until.isAfter(from)) {
            throw new ValidationException("until", until, "must be after from (" + from + ")");
        }
        return context.read(work -> work.store(DealStore.class).stageDeadlines(Criterion.and(visible(work),
                new DealCriterion.ResponsibleIn(Set.copyOf(employees))), Optional.of(from), until, Integer.MAX_VALUE));
    }

    /**
     * Control of obligations: the open deals (that the actor may see) whose current stage's deadline
     * has passed by now, oldest deadline first (at most {@code limit}), beside
     * {@code interactions().overdue(limit)}.
     */
    public List<Deal> overdueStageDeadlines(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
        return context.read(work -> work.store(DealStore.class).stageDeadlines(visible(work), Optional.empty(), work.now(), limit));
    }

    /** Wins an open deal into a won stage of its pipeline, on {@code on}. */
    public Deal win(Deal deal, StageId wonStage, LocalDate on) {
        ValidationException.required(wonStage, "stage");
        ValidationException.required(on, "closedOn");
        return change(deal, "won", (work, current) -> current.win(Pipelines.require(work, current.pipeline(), "pipeline"), wonStage, on,
                work.actor().name(), work.now()));
    }

    /**
     * Loses an open deal for a reason of the tenant's list (not a retired one), on {@code on}: into
     * the first lost stage of its pipeline.
     */
    public Deal lose(Deal deal, LostReasonId reason, LocalDate on) {
        ValidationException.required(reason, "lostReason");
        ValidationException.required(on, "closedOn");
        return change(deal, "lost", (work, current) -> {
            Pipeline pipeline = Pipelines.require(work, current.pipeline(), "pipeline");
            Pipelines.requireUsableReason(work, reason);
            Stage lost = pipeline.activeStages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow(() ->
                    new ValidationException("stage", pipeline.name(), "has no lost stage; add one to lose deals of this pipeline"));
            return current.lose(pipeline, lost.id(), reason, on, work.actor().name(), work.now());
        });
    }

    /** Reopens a won or lost deal into an open stage of its pipeline. */
    public Deal reopen(Deal deal, StageId openStage) {
        ValidationException.required(openStage, "stage");
        return change(deal, "reopened", (work, current) -> current.reopen(Pipelines.require(work, current.pipeline(), "pipeline"),
                openStage, work.actor().name(), work.now()));
    }

    /**
     * Saves a changed copy of a deal read earlier: its title, amount, expected close date,
     * responsible, contact person and source. Stage moves go through {@link #moveTo}, {@link #win},
     * {@link #lose} and {@link #reopen}; a copy that stands elsewhere is refused.
     */
    public Deal save(Deal changed) {
        ValidationException.required(changed, "deal");
        return change(changed, "changed", (work, current) -> {
            if (!changed.sameStanding(current) || changed.number() != current.number() || !changed.client().equals(current.client())) {
                throw new ValidationException("stage", changed.stage(), "a save changes the deal's fields; its client, number and stage"
                        + " change only through moveTo, win, lose and reopen");
            }
            requireContact(work, changed);
            return changed;
        });
    }

    /** Reads, changes and saves the deal in one unit of work (for the fields {@link #save} changes). */
    public Deal update(DealId id, UnaryOperator<Deal> edit) {
        ValidationException.required(id, "id");
        ValidationException.required(edit, "change");
        return context.write(work -> {
            Deal current = require(work, id);
            Deal changed = ValidationException.required(edit.apply(current), "change");
            if (!changed.id().equals(id) || !changed.sameStanding(current) || changed.number() != current.number()
                    || !changed.client().equals(current.client())) {
                throw new ValidationException("id", changed.id(), "an update changes the fields of deal " + id + " only");
            }
            requireContact(work, changed);
            return store(work, current, changed, "changed");
        });
    }

    /**
     * The funnel of a pipeline as of now, over the deals the actor may see that match the query
     * (see {@link Funnel} for the figures): one statement for a database store.
     */
    public Funnel funnel(FunnelQuery query) {
        ValidationException.required(query, "query");
        return context.read(work -> {
            Pipeline pipeline = Pipelines.require(work, query.pipeline(), "pipeline");
            return work.store(DealStore.class).funnel(pipeline, query.where(visible(work)), work.now());
        });
    }

    /** The deal's journal, oldest first. */
    public List<AuditEntry> history(DealId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            require(work, id);
            return work.store(AuditStore.class).ofSubject(subject(id));
        });
    }

    /** What a verb does to the current deal in the unit of work. */
    private interface Verb {
        Deal apply(UnitOfWork work, Deal current);
    }

    private Deal change(Deal deal, String change, Verb verb) {
        ValidationException.required(deal, "deal");
        return context.write(work -> {
            Deal current = require(work, deal.id());
            if (current.version() != deal.version()) {
                throw new ConcurrentChangeException("deal", deal.id(), deal.version());
            }
            return store(work, current, verb.apply(work, current), change);
        });
    }

    /** Stores a checked change (the actor may change the deal before and after): the record, journal, feed, events. */
    static Deal store(UnitOfWork work, Deal current, Deal changed, String change) {
        if (changed.equals(current)) {
            return current;
        }
        requireChangeable(work, current, "change deal " + current.number());
        requireChangeable(work, changed, "change deal " + current.number());
        return stored(work, current, changed, change);
    }

    /** Stores a change without asking the policy (a hand-over, a retired stage's moves run for an administrator). */
    static Deal stored(UnitOfWork work, Deal current, Deal changed, String change) {
        Views views = new Views(work);
        List<AuditEntry> entries = Changes.between(views.of(current), views.of(changed), Optional.of(current.client()),
                subject(current.id()), work.actor().name(), work.now(), work::newId);
        Deal stored = work.store(DealStore.class).update(changed);
        work.journal(entries);
        Set<String> fields = entries.stream().map(AuditEntry::field).collect(Collectors.toCollection(TreeSet::new));
        work.changed(KIND, stored.id(), change, fields);
        publish(work, current, stored, fields);
        return stored;
    }

    private static void publish(UnitOfWork work, Deal before, Deal after, Set<String> fields) {
        var tenant = work.actor().tenant();
        var at = work.now();
        String actor = work.actor().name();
        if (!before.stage().equals(after.stage()) || before.status() != after.status()) {
            if (after.status() == StageKind.WON) {
                work.publish(new DealEvent.DealWon(tenant, after.id(), after.client(), after.stage(), at, actor));
            } else if (after.status() == StageKind.LOST) {
                work.publish(new DealEvent.DealLost(tenant, after.id(), after.client(), after.lostReason().orElseThrow(), at, actor));
            } else if (before.status() != StageKind.OPEN) {
                work.publish(new DealEvent.DealReopened(tenant, after.id(), after.client(), after.stage(), at, actor));
            } else {
                work.publish(new DealEvent.StageChanged(tenant, after.id(), after.client(), before.stage(), after.stage(), at, actor));
            }
        }
        Set<String> others = new TreeSet<>(fields);
        others.removeAll(Views.STANDING);
        if (!others.isEmpty()) {
            work.publish(new DealEvent.DealChanged(tenant, after.id(), after.client(), others, at, actor));
        }
    }

    /** The open deals an employee is responsible for move to the successor; won and lost deals stay as they are. */
    private static List<DealId> handOver(UnitOfWork work, EmployeeId from, EmployeeId to) {
        if (!work.context().storage().storeTypes().contains(DealStore.class)) {
            return List.of(); // a storage without deals has no deals to hand over
        }
        List<DealId> moved = new java.util.ArrayList<>();
        eachPage(work, Criterion.and(new DealCriterion.ResponsibleIn(Set.of(from)), new DealCriterion.StatusIs(StageKind.OPEN)),
                page -> page.forEach(deal -> {
                    stored(work, deal, deal.assign(to), "changed");
                    moved.add(deal.id());
                }));
        return moved;
    }

    /** Every deal matching, page by page by id from a keyset cursor (a page may change its deals); answers how many it read. */
    static long eachPage(UnitOfWork work, Criterion<DealCriterion> where, Consumer<List<Deal>> action) {
        DealStore store = work.store(DealStore.class);
        Optional<DealId> after = Optional.empty();
        long read = 0;
        List<Deal> page;
        do {
            page = store.findAfter(where, after, PAGE);
            action.accept(page);
            read += page.size();
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == PAGE);
        return read;
    }

    static String subject(DealId id) {
        return AuditEntry.subject(KIND, id);
    }

    /** The deals the unit of work's actor may see. */
    private static Criterion<DealCriterion> visible(UnitOfWork work) {
        return work.context().access().visible(work.actor(), DealAccess.DEALS);
    }

    private static Optional<Deal> visible(UnitOfWork work, DealId id) {
        return work.store(DealStore.class).findAfter(visible(work).and(new DealCriterion.IdIn(Set.of(id))), Optional.empty(), 1)
                .stream().findFirst();
    }

    private static Deal require(UnitOfWork work, DealId id) {
        return visible(work, id).orElseThrow(() -> new NotFoundException("deal", id));
    }

    /**
     * Refuses with {@link AccessDeniedException} unless the deal, as it would be, is among those the
     * actor may change; asked of the store, so that a rule on the deal's client is answered there.
     */
    private static void requireChangeable(UnitOfWork work, Deal deal, String what) {
        Criterion<DealCriterion> changeable = work.context().access().changeable(work.actor(), DealAccess.DEALS);
        if (changeable instanceof Criterion.All) {
            return;
        }
        boolean may = changeable.holds(leaf -> leaf.test(deal, new StoreRelated(work)));
        if (!may) {
            throw new AccessDeniedException(work.actor().toString(), what);
        }
    }

    /** The client exists and the actor may see it; otherwise a {@link ValidationException} naming {@code client}. */
    private static void requireClient(UnitOfWork work, ClientId client) {
        Criterion<ClientCriterion> visible = work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
        if (work.store(ClientStore.class).count(visible.and(new ClientCriterion.IdIn(Set.of(client)))) == 0) {
            throw new ValidationException("client", client, "is not a client (of this tenant, visible to " + work.actor().name() + ")");
        }
    }

    /** The contact person, if any, is one of the deal's client. */
    private static void requireContact(UnitOfWork work, Deal deal) {
        Optional<ContactPersonId> person = deal.contactPerson();
        if (person.isPresent()) {
            Optional<ContactPerson> found = work.store(ContactPersonStore.class).get(person.get());
            if (found.isEmpty()) {
                throw new ValidationException("contactPerson", person.get(), "is not a contact person");
            }
            if (!found.get().client().equals(deal.client())) {
                throw new ValidationException("contactPerson", person.get(), "is a contact person of another client ("
                        + found.get().client() + "), not of the deal's client " + deal.client());
            }
        }
    }

    /** Answers {@link DealCriterion.OfClient} for a single deal from the stores (used for the changeable check, never to filter lists). */
    private static final class StoreRelated implements DealCriterion.Related {
        private final UnitOfWork work;

        StoreRelated(UnitOfWork work) {
            this.work = work;
        }

        @Override
        public Optional<org.crmkit.client.Client> client(ClientId id) {
            return work.store(ClientStore.class).get(id);
        }

        @Override
        public <M extends Criterion.Leaf<M>> boolean any(org.crmkit.criteria.Relation<M> relation, ClientId client, Criterion<M> criterion) {
            return work.store(ClientStore.class).count(Criterion.and(new ClientCriterion.IdIn(Set.of(client)),
                    new ClientCriterion.Having<>(relation, criterion))) > 0;
        }
    }

    /** A deal as the journal shows it: field → text, with names looked up (stage, reason, contact person). */
    private static final class Views {
        /** The fields that say where a deal stands; the rest are its card. */
        static final Set<String> STANDING = Set.of("stage", "status", "closedOn", "lostReason");

        private final UnitOfWork work;
        private final Map<PipelineId, Optional<Pipeline>> pipelines = new HashMap<>();

        Views(UnitOfWork work) {
            this.work = work;
        }

        Map<String, String> of(Deal deal) {
            Map<String, String> view = new LinkedHashMap<>();
            view.put("title", deal.title());
            view.put("amount", deal.amount().toString());
            deal.expectedClose().ifPresent(d -> view.put("expectedClose", d.toString()));
            view.put("responsible", deal.responsible().value());
            deal.contactPerson().ifPresent(p -> view.put("contactPerson", work.store(ContactPersonStore.class).get(p)
                    .map(c -> c.name().full()).orElse(p.toString())));
            deal.source().ifPresent(s -> view.put("source", s));
            Optional<Pipeline> pipeline = pipelines.computeIfAbsent(deal.pipeline(), id -> work.store(PipelineStore.class).get(id));
            view.put("stage", pipeline.flatMap(p -> p.stage(deal.stage())).map(Stage::name).orElse(deal.stage().toString()));
            view.put("status", deal.status().word());
            deal.stageDeadline().ifPresent(d -> view.put("stageDeadline", d.toString()));
            deal.closedOn().ifPresent(d -> view.put("closedOn", d.toString()));
            deal.lostReason().ifPresent(r -> view.put("lostReason", work.store(LostReasonStore.class).all().stream()
                    .filter(l -> l.id().equals(r)).map(LostReason::name).findFirst().orElse(r.value())));
            return view;
        }
    }
}
