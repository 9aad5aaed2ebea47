package org.crmkit.segment;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ClientSummary;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.CleanText;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Saved segments ({@link Segment}): dynamic ones counted and listed through the clients query (the
 * access policy ANDed in, counting and paging in the store), snapshot lists frozen in one statement
 * and edited by hand, and live membership of the dynamic ones ({@link #refresh}, {@link #sweep}).
 *
 * <p>Saving, renaming, changing the rule and deleting are the administration area
 * {@value #AREA} ({@code mayAdminister}); they are journaled as administered records
 * ({@code segment:<id>}), fed and published. Adding and removing a list member needs a client the
 * actor sees; it is journaled under the client and fed. A rule naming something the tenant does
 * not have ({@link #problems}) is refused when saved, and a saved segment whose rule lost something
 * since refuses to count or list ({@link BrokenSegmentException}).
 */
public final class Segments {
    public static final Feature FEATURE = Feature.of("segments", SegmentStore.class);
    /** The administration area of saved segments. */
    public static final String AREA = "segments";
    static final String KIND = "segment";

    private final CrmContext context;

    public Segments(CrmContext context) {
        this.context = context;
    }

    /**
     * Saves a dynamic segment (version 1) and writes its membership rows as the rule finds the base
     * now (no entered events for them); a name another segment of the tenant has is a
     * {@link DuplicateException}, a rule naming what the tenant lacks a {@link ValidationException}
     * on {@code rule}.
     */
    public Segment saveDynamic(String name, Criterion<ClientCriterion> rule) {
        ValidationException.required(rule, "rule");
        return context.write(work -> {
            requireArea(work);
            Segment draft = Segment.dynamic(new SegmentId(work.newId()), name, rule);
            requireSound(work, rule);
            Segment stored = insert(work, draft);
            // the membership rows start as the rule finds the base now; nobody "entered" yet
            long members = work.store(SegmentStore.class).resync(stored.id(), readNow(work, stored.rule())).entered().size();
            work.administered(KIND, stored.id(), "added", Map.of(), stored.auditView());
            work.publish(new SegmentEvent.Added(work.actor().tenant(), stored.id(), stored.kind(), members, work.now(), work.actor().name()));
            return stored;
        });
    }

    /**
     * Saves a snapshot list of the clients matching {@code rule} that the actor sees now, frozen in
     * one statement where the store allows; each row records the actor and the Crm clock's instant.
     * {@link Criterion#none()} starts an empty list.
     */
    public Segment freeze(String name, Criterion<ClientCriterion> rule) {
        ValidationException.required(rule, "rule");
        return context.write(work -> {
            requireArea(work);
            requireSound(work, rule);
            return freeze(work, name, rule);
        });
    }

    /** Saves a snapshot list of the members {@code segment} has now (a dynamic one's rule, or a list's rows), as the actor sees them. */
    public Segment freeze(String name, SegmentId segment) {
        CleanText.require("name", name, Segment.MAX_NAME);
        ValidationException.required(segment, "segment");
        return context.write(work -> {
            requireArea(work);
            Segment from = existing(work, segment);
            Criterion<ClientCriterion> rule = meaning(from);
            requireEvaluable(work, from);
            return freeze(work, name, rule);
        });
    }

    private Segment freeze(UnitOfWork work, String name, Criterion<ClientCriterion> rule) {
        Segment stored = insert(work, Segment.list(new SegmentId(work.newId()), name, rule, work.now()));
        long members = work.store(SegmentStore.class).freeze(stored.id(), visible(work).and(readNow(work, rule)), work.actor().name(), work.now());
        Map<String, String> view = new java.util.LinkedHashMap<>(stored.auditView());
        view.put("members", Long.toString(members));
        work.administered(KIND, stored.id(), "frozen", Map.of(), view);
        work.publish(new SegmentEvent.Added(work.actor().tenant(), stored.id(), stored.kind(), members, work.now(), work.actor().name()));
        return stored;
    }

    /** Renames the segment read at {@code version}; a stale version is a {@link ConcurrentChangeException}, nothing written. */
    public Segment rename(SegmentId id, long version, String newName) {
        ValidationException.required(id, "id");
        CleanText.require("name", newName, Segment.MAX_NAME);
        return change(id, version, s -> s.rename(newName), "renamed");
    }

    /**
     * Gives the dynamic segment read at {@code version} another rule (checked as when saved); a
     * list's rule is refused, a stale version is a {@link ConcurrentChangeException}. Its membership
     * rows are brought up to date at once (entered/left published).
     */
    public Segment changeRule(SegmentId id, long version, Criterion<ClientCriterion> rule) {
        ValidationException.required(id, "id");
        ValidationException.required(rule, "rule");
        return context.write(work -> {
            requireArea(work);
            requireSound(work, rule);
            Segment stored = change(work, id, version, s -> s.withRule(rule), "rule-changed");
            resync(work, stored);
            return stored;
        });
    }

    private Segment change(SegmentId id, long version, java.util.function.UnaryOperator<Segment> verb, String what) {
        return context.write(work -> {
            requireArea(work);
            return change(work, id, version, verb, what);
        });
    }

    private Segment change(UnitOfWork work, SegmentId id, long version, java.util.function.UnaryOperator<Segment> verb, String what) {
        SegmentStore store = work.store(SegmentStore.class);
        Segment current = existing(work, id);
        if (current.version() != version) {
            throw new ConcurrentChangeException(KIND, id, version);
        }
        Segment changed = verb.apply(current);
        if (!changed.nameKey().equals(current.nameKey())) {
            requireFreeName(work, changed);
        }
        Segment stored = store.update(changed);
        work.administered(KIND, id, what, current.auditView(), stored.auditView());
        work.publish(new SegmentEvent.Changed(work.actor().tenant(), id, work.now(), work.actor().name()));
        return stored;
    }

    /** Deletes the segment read at {@code version} with its member rows; a rule that used the list reports it ({@link #problems}). */
    public void delete(SegmentId id, long version) {
        ValidationException.required(id, "id");
        context.write(work -> {
            requireArea(work);
            Segment current = existing(work, id);
            if (current.version() != version) {
                throw new ConcurrentChangeException(KIND, id, version);
            }
            work.store(SegmentStore.class).delete(id, version);
            work.administered(KIND, id, "deleted", current.auditView(), Map.of());
            work.publish(new SegmentEvent.Deleted(work.actor().tenant(), id, work.now(), work.actor().name()));
            return null;
        });
    }

    public Optional<Segment> find(SegmentId id) {
        ValidationException.required(id, "id");
        return context.read(work -> work.store(SegmentStore.class).get(id));
    }

    /** The segment; an unknown id is a {@link NotFoundException}. */
    public Segment get(SegmentId id) {
        ValidationException.required(id, "id");
        return context.read(work -> existing(work, id));
    }

    /** The tenant's segments by name (code point order of the folded name), equal names by id. */
    public List<Segment> all() {
        return context.read(work -> work.store(SegmentStore.class).all().stream()
                .sorted(Comparator.comparing(Segment::nameKey, SortOrder.TEXT).thenComparing(s -> s.id().value(), SortOrder.UUIDS))
                .collect(Collectors.toList()));
    }

    /** What the segment's rule names that the tenant no longer has; empty for a sound rule. */
    public List<SegmentRuleProblem> problems(SegmentId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            Segment segment = existing(work, id);
            return segment.kind() == SegmentKind.LIST ? List.of() : new RuleProblems(work.stores()).problems(segment.rule());
        });
    }

    /**
     * The segment as a condition on clients, for the clients query or another rule: a dynamic
     * segment's rule, or "on the list" for a list.
     */
    public Criterion<ClientCriterion> criterion(SegmentId id) {
        ValidationException.required(id, "id");
        return context.read(work -> meaning(existing(work, id)));
    }

    /** How many clients the actor sees in the segment now, counted by the store in one statement. */
    public long count(SegmentId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            Segment segment = existing(work, id);
            requireEvaluable(work, segment);
            return work.store(ClientStore.class).count(visible(work).and(readNow(work, meaning(segment))));
        });
    }

    /** A page of the segment's clients that the actor sees, by code, paged in the store. */
    public List<ClientSummary> members(SegmentId id, int offset, int limit) {
        ValidationException.required(id, "id");
        ClientQuery page = ClientQuery.where(Criterion.all()).page(offset, limit);
        return context.read(work -> {
            Segment segment = existing(work, id);
            requireEvaluable(work, segment);
            return work.store(ClientStore.class).summaries(new ClientQuery(visible(work).and(readNow(work, meaning(segment))), ClientQuery.Order.CODE,
                    page.offset(), page.limit()));
        });
    }

    /**
     * Puts a client the actor sees on a snapshot list by hand, recording who and when; false when
     * it is on the list already. An unknown, unseen or archived client, or a dynamic segment, is
     * refused naming the field.
     */
    public boolean add(SegmentId list, ClientId client) {
        ValidationException.required(list, "list");
        ValidationException.required(client, "client");
        return context.write(work -> {
            Segment segment = requireList(work, list);
            Client found = work.store(ClientStore.class).get(client)
                    .filter(c -> work.store(ClientStore.class).count(visible(work).and(new ClientCriterion.IdIn(Set.of(client)))) > 0)
                    .orElseThrow(() -> new ValidationException("client", client, "is not a client this actor sees"));
            if (found.archived()) {
                throw new ValidationException("client", client, "is archived: restore it before putting it on list \"" + segment.name() + "\"");
            }
            boolean added = work.store(SegmentStore.class).addMember(list, new SegmentMember(client, work.actor().name(), work.now()));
            if (added) {
                memberLine(work, segment, client, "member-added", "added to list \"" + segment.name() + "\"");
                work.publish(new SegmentEvent.MemberAdded(work.actor().tenant(), list, client, work.now(), work.actor().name()));
            }
            return added;
        });
    }

    /** Takes a client the actor sees off a snapshot list; false when it was not on it. */
    public boolean remove(SegmentId list, ClientId client) {
        ValidationException.required(list, "list");
        ValidationException.required(client, "client");
        return context.write(work -> {
            Segment segment = requireList(work, list);
            if (work.store(ClientStore.class).count(visible(work).and(new ClientCriterion.IdIn(Set.of(client)))) == 0) {
                throw new ValidationException("client", client, "is not a client this actor sees");
            }
            boolean removed = work.store(SegmentStore.class).removeMember(list, client);
            if (removed) {
                memberLine(work, segment, client, "member-removed", "removed from list \"" + segment.name() + "\"");
                work.publish(new SegmentEvent.MemberRemoved(work.actor().tenant(), list, client, work.now(), work.actor().name()));
            }
            return removed;
        });
    }

    /** The client's row on a list (who put it there and when), if it is on it. */
    public Optional<SegmentMember> member(SegmentId list, ClientId client) {
        ValidationException.required(list, "list");
        ValidationException.required(client, "client");
        return context.read(work -> {
            requireList(work, list);
            return work.store(SegmentStore.class).member(list, client);
        });
    }

    /** The dynamic segments whose kept membership holds the client now (as live membership and the last sweep left it). */
    public Set<SegmentId> membershipOf(ClientId client) {
        ValidationException.required(client, "client");
        return context.read(work -> work.store(SegmentStore.class).membershipOf(client));
    }

    /**
     * Live membership: works out, for each of these clients, which dynamic segments it entered or
     * left since its rows were written, writes the difference in one unit of work and publishes
     * {@link SegmentEvent.Entered}/{@link SegmentEvent.Left} after the commit. The client is read
     * once and every sound dynamic rule is evaluated for it in memory; a leaf on related records
     * (interactions, deals, consent, lists…) is asked of the store once per distinct leaf and client.
     * A segment with a broken rule keeps its rows. The Crm calls it after every unit of work that
     * changed clients (see {@code Crm.builder()}); a host may call it too.
     */
    public void refresh(Collection<ClientId> clients) {
        List<ClientId> ids = ValidationException.requiredElements(clients, "clients");
        if (ids.isEmpty()) {
            return;
        }
        context.write(work -> {
            new LiveMembership(work).refresh(new LinkedHashSet<>(ids));
            return null;
        });
    }

    /**
     * Brings every dynamic segment's membership rows up to date over the whole base, in the store
     * (a database in SQL), and publishes who entered and left: for rules that change with time alone
     * ("no interaction for 30 days"), which no change of a client announces. Run it at least once per
     * the finest granularity of the relative dates the rules use (daily for day-based ones). One
     * unit of work per segment; answers how many clients entered and left in all.
     */
    public long sweep() {
        List<Segment> due = context.read(work -> work.store(SegmentStore.class).all().stream()
                .filter(s -> s.kind() == SegmentKind.DYNAMIC && dependsOnTheClock(s)).collect(Collectors.toList()));
        long moved = 0;
        for (Segment segment : due) {
            moved += context.write(work -> work.store(SegmentStore.class).get(segment.id()).map(s -> resync(work, s)).orElse(0L));
        }
        return moved;
    }

    /**
     * Whether a sweep must recompute the segment: only rules with a relative date change with time
     * alone; every other change of membership is announced by a change of a client.
     */
    private static boolean dependsOnTheClock(Segment segment) {
        return ClientCriterion.dependsOnClock(segment.rule());
    }

    /** The rule with its relative dates ("in the last 30 days") read at the Crm clock, as stores need it. */
    static Criterion<ClientCriterion> readNow(UnitOfWork work, Criterion<ClientCriterion> rule) {
        return ClientCriterion.at(rule, work.zonedNow());
    }

    private static long resync(UnitOfWork work, Segment segment) {
        if (segment.kind() != SegmentKind.DYNAMIC || !new RuleProblems(work.stores()).problems(segment.rule()).isEmpty()) {
            return 0;
        }
        SegmentStore.MembershipChange change = work.store(SegmentStore.class).resync(segment.id(), readNow(work, segment.rule()));
        LiveMembership.publish(work, segment.id(), change.entered(), change.left());
        return change.entered().size() + change.left().size();
    }

    static Criterion<ClientCriterion> meaning(Segment segment) {
        return segment.kind() == SegmentKind.LIST ? SegmentCriterion.inList(segment.id()) : segment.rule();
    }

    private static Segment insert(UnitOfWork work, Segment draft) {
        requireFreeName(work, draft);
        return work.store(SegmentStore.class).insert(draft);
    }

    private static void requireFreeName(UnitOfWork work, Segment segment) {
        boolean taken = work.store(SegmentStore.class).all().stream()
                .anyMatch(s -> !s.id().equals(segment.id()) && s.nameKey().equals(segment.nameKey()));
        if (taken) {
            throw new DuplicateException("name", segment.name());
        }
    }

    private static void requireSound(UnitOfWork work, Criterion<ClientCriterion> rule) {
        List<SegmentRuleProblem> problems = new RuleProblems(work.stores()).problems(rule);
        if (!problems.isEmpty()) {
            SegmentRuleProblem first = problems.get(0);
            throw new ValidationException("rule", first.kind() + " " + first.reference(), first.problem());
        }
    }

    private static void requireEvaluable(UnitOfWork work, Segment segment) {
        if (segment.kind() == SegmentKind.LIST) {
            return;
        }
        List<SegmentRuleProblem> problems = new RuleProblems(work.stores()).problems(segment.rule());
        if (!problems.isEmpty()) {
            throw new BrokenSegmentException(segment, problems);
        }
    }

    private static Segment existing(UnitOfWork work, SegmentId id) {
        return work.store(SegmentStore.class).get(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    private static Segment requireList(UnitOfWork work, SegmentId id) {
        Segment segment = work.store(SegmentStore.class).get(id)
                .orElseThrow(() -> new ValidationException("list", id, "is not a segment of this tenant"));
        if (segment.kind() != SegmentKind.LIST) {
            throw new ValidationException("list", id, "is the dynamic segment \"" + segment.name() + "\": only a snapshot list is edited by hand");
        }
        return segment;
    }

    private static void memberLine(UnitOfWork work, Segment segment, ClientId client, String change, String line) {
        work.journal(List.of(new AuditEntry(work.newId(), Optional.of(client), AuditEntry.subject(KIND, segment.id()), change,
                Optional.empty(), Optional.of(line), work.actor().name(), work.now())));
        work.changed(KIND, segment.id(), change, List.of("members"));
    }

    private static Criterion<ClientCriterion> visible(UnitOfWork work) {
        return work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
    }

    private static void requireArea(UnitOfWork work) {
        if (!work.context().access().mayAdminister(work.actor(), AREA)) {
            throw new AccessDeniedException(work.actor().toString(), "administer segments");
        }
    }

    /** Answers leaves on related records for one client by asking the store, once per distinct leaf. */
    static final class Probing implements ClientCriterion.Related {
        private final ClientStore clients;
        private final Map<List<Object>, Boolean> answers = new HashMap<>();

        Probing(ClientStore clients) {
            this.clients = clients;
        }

        @Override
        public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
            return answers.computeIfAbsent(List.of(relation.name(), client, criterion), k -> clients.count(
                    Criterion.and(new ClientCriterion.IdIn(Set.of(client)), new ClientCriterion.Having<>(relation, criterion))) > 0);
        }
    }
}
