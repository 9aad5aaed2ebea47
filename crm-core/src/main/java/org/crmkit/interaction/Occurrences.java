package org.crmkit.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.employee.Employee;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Series and their occurrences ({@code crm.interactions().occurrences()}): calendars, a client's
 * history and the control of obligations with every series expanded into {@link Occurrence}s, and
 * the verbs of one occurrence (complete, cancel, move) and of "this and following" ({@link #splitFrom}).
 *
 * <p>A series is expanded in its zone: the responsible employee's if the directory gives one, else
 * the tenant's. Reads expand only within the period asked (a DST change moves the instants, not the
 * local time). An occurrence's own state is its {@link OccurrenceOverride}; an occurrence without one
 * is planned (cancelled with a cancelled series). An override in state done is listed even when the
 * rule no longer gives its original start (history is not lost); other overrides only while it does.
 *
 * <p>Each change of an occurrence is one unit of work: checked (the series exists and the actor may
 * change it, it is open, the rule gives that original start or the occurrence has an override, the
 * version is the stored one), stored, journaled under the series ({@code interaction:<id>}, field
 * {@code occurrence <original start>}), fed as a change of the series and announced after the commit
 * ({@link InteractionEvent.OccurrenceChanged}).
 */
public final class Occurrences {
    private final CrmContext context;

    Occurrences(CrmContext context) {
        this.context = context;
    }

    /**
     * The calendar of one or several employees with series expanded: every single item and every
     * occurrence they are responsible for or take part in that overlaps the period, in time order
     * ({@link Occurrence#TIME_ORDER}).
     */
    public List<Occurrence> calendar(Set<EmployeeId> employees, CalendarPeriod period) {
        ValidationException.requiredElements(employees, "employees");
        ValidationException.required(period, "period");
        return context.read(work -> {
            List<Occurrence> all = new ArrayList<>();
            work.store(InteractionStore.class).find(InteractionQuery.calendar(employees, period).restrictedTo(Interactions.visible(work)))
                    .stream().filter(i -> !i.recurs()).map(Occurrence::single).forEach(all::add);
            all.addAll(expanded(work, new InteractionCriterion.Involves(employees), period));
            all.sort(Occurrence.TIME_ORDER);
            return all;
        });
    }

    /**
     * A client's history and plan in a period with series expanded: every single item the client
     * takes part in and every occurrence of its series that overlaps the period, in time order. A
     * period is required: a series may never end.
     */
    public List<Occurrence> history(ClientId client, CalendarPeriod period) {
        ValidationException.required(client, "client");
        ValidationException.required(period, "period");
        return context.read(work -> {
            if (Interactions.visibleClients(work, Set.of(client)).isEmpty()) {
                throw new NotFoundException("client", client);
            }
            Criterion<InteractionCriterion> ofClient = new InteractionCriterion.OfClient(new ClientCriterion.IdIn(Set.of(client)));
            List<Occurrence> all = new ArrayList<>();
            Interactions.everyPage(work, new InteractionQuery(Criterion.and(ofClient, new InteractionCriterion.Overlaps(period)),
                    InteractionQuery.Order.START, 0, InteractionQuery.MAX_LIMIT))
                    .stream().filter(i -> !i.recurs()).map(Occurrence::single).forEach(all::add);
            all.addAll(expanded(work, ofClient, period));
            all.sort(Occurrence.TIME_ORDER);
            return all;
        });
    }

    /**
     * Control of obligations: overdue single items and promises, and the planned or in-progress
     * occurrences of open series that ended before now, per responsible employee, oldest first
     * ({@link Occurrence#DUE_ORDER}), at most {@code limit}.
     */
    public List<Occurrence> overdue(int limit) {
        if (limit < 1 || limit > InteractionQuery.MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + InteractionQuery.MAX_LIMIT);
        }
        return context.read(work -> {
            Instant now = work.now();
            List<Occurrence> all = work.store(InteractionStore.class)
                    .find(InteractionQuery.overdue(now, work.today()).page(0, limit).restrictedTo(Interactions.visible(work)))
                    .stream().map(Occurrence::single).collect(Collectors.toList());
            Criterion<InteractionCriterion> open = Interactions.visible(work).and(new InteractionCriterion.StateIn(InteractionState.OPEN));
            for (Series series : work.store(InteractionStore.class).series(open, EARLIEST, now)) {
                ZoneId zone = zoneOf(work, series.interaction());
                Instant first = series.interaction().timing().startKey();
                List<Occurrence> overdue = occurrences(series, zone, first, now.plus(1, ChronoUnit.DAYS), o -> o.overdueAt(now, work.today()));
                all.addAll(overdue.subList(0, Math.min(limit, overdue.size())));
            }
            all.sort(Occurrence.DUE_ORDER);
            return List.copyOf(all.subList(0, Math.min(limit, all.size())));
        });
    }

    /**
     * A series as stored with all its overrides (for an export, say); {@link NotFoundException} for
     * one the actor may not see, a {@link ValidationException} naming {@code series} for an
     * interaction that does not recur.
     */
    public Series series(InteractionId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            Interaction series = Interactions.require(work, id);
            if (!series.recurs()) {
                throw new ValidationException("series", id, "is interaction № " + series.number() + ", which does not recur");
            }
            return new Series(series, work.store(InteractionStore.class).overrides(id));
        });
    }

    /** One occurrence of a series as it is now; {@link NotFoundException} for a series the actor may not see. */
    public Occurrence get(OccurrenceId id) {
        ValidationException.required(id, "id");
        return context.read(work -> occurrence(work, id, Interactions.require(work, id.series())));
    }

    /** Completes one occurrence read at {@code version} with a result (blank: nothing to note); the others stay as they are. */
    public Occurrence complete(OccurrenceId id, long version, String result) {
        ValidationException.required(result, "result");
        return change(id, version, "completed", o -> o.override(o.timing(), o.state().moveTo(InteractionState.DONE),
                Optional.of(result).filter(r -> !r.isBlank())));
    }

    /** Cancels one occurrence read at {@code version}: it will not take place (iCalendar: an EXDATE). */
    public Occurrence cancel(OccurrenceId id, long version) {
        return change(id, version, "cancelled", o -> o.override(o.timing(), o.state().moveTo(InteractionState.CANCELLED), o.result()));
    }

    /** Moves one open occurrence read at {@code version} to another time; its identity (the original start) stays. */
    public Occurrence reschedule(OccurrenceId id, long version, Timing timing) {
        ValidationException.required(timing, "timing");
        return change(id, version, "rescheduled", o -> {
            if (!o.isOpen()) {
                throw new ValidationException("state", o.state(), "is closed: only a planned or in-progress occurrence can be rescheduled");
            }
            return o.override(timing, o.state(), o.result());
        });
    }

    /** The parts of a series after a "this and following" edit. */
    public record Split(Interaction before, Interaction from) {
        public Split {
            ValidationException.required(before, "before");
            ValidationException.required(from, "from");
        }
    }

    /**
     * "This and following": the series read at {@code version} ends before the occurrence
     * {@code at} (its rule gets UNTIL, COUNT dropped), and a new series starts there: a copy of the
     * series (new id and number, planned, based on the old one, the rest of COUNT if it had one),
     * first at the occurrence's ruled timing, changed by {@code change}.
     *
     * <p>The rule for the old series' overrides from {@code at} on: one whose original start the new
     * series' rule still gives moves to the new series (its state, result and timing kept); one in
     * state done that it does not give stays with the old series, which lists it still (history is
     * not lost); any other is dropped. Overrides before {@code at} stay where they are.
     */
    public Split splitFrom(OccurrenceId at, long version, UnaryOperator<Interaction> change) {
        ValidationException.required(at, "at");
        ValidationException.required(change, "change");
        return context.write(work -> {
            InteractionStore store = work.store(InteractionStore.class);
            Interaction series = openSeries(work, at.series(), version);
            ZoneId zone = zoneOf(work, series);
            Recurrence rule = series.recurrence().get();
            Timing ruled = ruledAt(series, zone, at.originalStart()).orElseThrow(() -> notInSeries(series, at));
            if (!at.originalStart().isAfter(series.timing().startKey())) {
                throw new ValidationException("originalStart", at.originalStart(),
                        "is the first occurrence of series № " + series.number() + ": change the series itself");
            }
            Recurrence rest = rule.count().map(n -> rule.withCount(n - rule.within(series.timing(), zone, series.timing().startKey(),
                    at.originalStart()).size())).orElse(rule);
            Interaction drafted = new Interaction(new InteractionId(work.newId()), store.reserveNumbers(1), series.kind(), series.direction(),
                    InteractionState.PLANNED, series.subject(), series.content(), Optional.empty(), ruled, series.responsible(),
                    series.otherEmployees(), work.actor().employee(), series.importance(), series.project(), Optional.of(series.id()),
                    series.deal(), series.participants(), series.promise(), Optional.of(rest), 0);
            Interaction next = change.apply(drafted);
            if (next == null || !next.id().equals(drafted.id()) || next.number() != drafted.number() || next.version() != 0
                    || !next.author().equals(drafted.author())) {
                throw new ValidationException("id", next == null ? null : next.id(),
                        "cannot change: the change is of the new series " + drafted.id() + " (its id, number, author and version stay)");
            }
            Interaction before = Interactions.saveIn(work, series.repeat(rule.endingBefore(series.timing(), at.originalStart()))).interaction();
            Interaction from = Interactions.insertIn(work, next);
            List<Instant> moved = new ArrayList<>();
            for (OccurrenceOverride o : store.overrides(series.id())) {
                if (o.id().originalStart().isBefore(at.originalStart())) {
                    continue;
                }
                boolean kept = from.recurrence().map(r -> r.produces(from.timing(), zone, o.id().originalStart())).orElse(false);
                if (kept) {
                    store.saveOverride(o.movedTo(from.id()));
                    moved.add(o.id().originalStart());
                } else if (o.state() != InteractionState.DONE) {
                    moved.add(o.id().originalStart());
                }
            }
            store.deleteOverrides(series.id(), moved);
            return new Split(before, from);
        });
    }

    private Occurrence change(OccurrenceId id, long version, String what, Function<Occurrence, OccurrenceOverride> verb) {
        ValidationException.required(id, "id");
        return context.write(work -> {
            Interaction series = openSeries(work, id.series(), -1);
            Occurrence current = occurrence(work, id, series);
            if (current.version() != version) {
                throw new ConcurrentChangeException("occurrence", id, version);
            }
            OccurrenceOverride stored = work.store(InteractionStore.class).saveOverride(verb.apply(current));
            Occurrence changed = Occurrence.of(series, stored.timing(), Optional.of(stored));
            String field = "occurrence " + id.originalStart();
            work.journal(List.of(new AuditEntry(work.newId(), series.mainClient(), AuditEntry.subject(Interactions.KIND, series.id()), field,
                    Optional.of(describe(current)), Optional.of(describe(changed)), work.actor().name(), work.now())));
            work.changed(Interactions.KIND, series.id(), "occurrence-" + what, List.of(field));
            work.publish(new InteractionEvent.OccurrenceChanged(work.actor().tenant(), series.id(), id.originalStart(), changed.state(),
                    changed.timing(), work.now(), work.actor().name()));
            return changed;
        });
    }

    private static String describe(Occurrence o) {
        return o.state() + " " + o.timing().startKey() + " – " + o.timing().endKey() + o.result().map(r -> ": " + r).orElse("");
    }

    /** The series the actor may see and change, open; {@code version} checked unless negative. */
    private static Interaction openSeries(UnitOfWork work, InteractionId id, long version) {
        Interaction series = Interactions.require(work, id);
        if (version >= 0 && series.version() != version) {
            throw new ConcurrentChangeException("interaction", id, version);
        }
        if (!series.recurs()) {
            throw new ValidationException("series", id, "is interaction № " + series.number() + ", which does not recur");
        }
        if (!series.isOpen()) {
            throw new ValidationException("state", series.state(), "series № " + series.number() + " is closed: its occurrences cannot change");
        }
        Interactions.requireChangeable(work, series, "change series № " + series.number());
        return series;
    }

    /** The occurrence: its override, or the rule's occurrence at that start; else refused naming {@code originalStart}. */
    private static Occurrence occurrence(UnitOfWork work, OccurrenceId id, Interaction series) {
        if (!series.recurs()) {
            throw new ValidationException("series", id.series(), "is interaction № " + series.number() + ", which does not recur");
        }
        Optional<OccurrenceOverride> override = work.store(InteractionStore.class).overrides(series.id()).stream()
                .filter(o -> o.id().equals(id)).findFirst();
        if (override.isPresent()) {
            return Occurrence.of(series, override.get().timing(), override);
        }
        Timing ruled = ruledAt(series, zoneOf(work, series), id.originalStart()).orElseThrow(() -> notInSeries(series, id));
        return Occurrence.of(series, ruled, Optional.empty());
    }

    private static ValidationException notInSeries(Interaction series, OccurrenceId id) {
        return new ValidationException("originalStart", id.originalStart(), "is not an occurrence of series № " + series.number()
                + " (" + series.recurrence().get().rule() + " from " + series.timing().startKey() + ")");
    }

    private static Optional<Timing> ruledAt(Interaction series, ZoneId zone, Instant start) {
        return series.recurrence().get().within(series.timing(), zone, start, start.plus(1, ChronoUnit.MICROS)).stream()
                .filter(t -> t.startKey().equals(start)).findFirst();
    }

    /** Before any interaction a tenant keeps: the lower bound of an unbounded read of series. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** The occurrences of the visible series matching {@code where} that overlap the period. */
    static List<Occurrence> expanded(UnitOfWork work, Criterion<InteractionCriterion> where, CalendarPeriod period) {
        List<Occurrence> all = new ArrayList<>();
        Instant from = period.from().minus(2, ChronoUnit.DAYS);
        Instant until = period.until().plus(2, ChronoUnit.DAYS);
        for (Series series : work.store(InteractionStore.class).series(Interactions.visible(work).and(where), from, until)) {
            Duration length = Duration.between(series.interaction().timing().startKey(), series.interaction().timing().endKey());
            all.addAll(occurrences(series, zoneOf(work, series.interaction()), from.minus(length), until,
                    o -> o.timing().overlaps(period)));
        }
        return all;
    }

    /**
     * The occurrences of a series whose ruled start lies in {@code [from, until)}, as their overrides
     * say, and its other overrides (moved in from elsewhere, or done ones the rule no longer gives),
     * each kept if {@code keep} accepts it; in time order.
     */
    static List<Occurrence> occurrences(Series series, ZoneId zone, Instant from, Instant until, Predicate<Occurrence> keep) {
        Interaction interaction = series.interaction();
        Recurrence rule = interaction.recurrence().get();
        Map<Instant, OccurrenceOverride> overrides = series.overrides().stream()
                .collect(Collectors.toMap(o -> o.id().originalStart(), o -> o));
        Set<Instant> used = new HashSet<>();
        List<Occurrence> all = new ArrayList<>();
        for (Timing ruled : rule.within(interaction.timing(), zone, from, until)) {
            Optional<OccurrenceOverride> override = Optional.ofNullable(overrides.get(ruled.startKey()));
            override.ifPresent(o -> used.add(ruled.startKey()));
            Occurrence occurrence = Occurrence.of(interaction, ruled, override);
            if (keep.test(occurrence)) {
                all.add(occurrence);
            }
        }
        for (OccurrenceOverride o : series.overrides()) {
            if (used.contains(o.id().originalStart())) {
                continue;
            }
            Occurrence occurrence = Occurrence.of(interaction, o.timing(), Optional.of(o));
            if (keep.test(occurrence) && (o.state() == InteractionState.DONE || rule.produces(interaction.timing(), zone, o.id().originalStart()))) {
                all.add(occurrence);
            }
        }
        all.sort(Occurrence.TIME_ORDER);
        return all;
    }

    /**
     * The zone a series is expanded in: the one pinned in its rule when it was first stored, else
     * (a rule not yet stored) its responsible employee's, else the tenant's.
     */
    static ZoneId zoneOf(UnitOfWork work, Interaction series) {
        return series.recurrence().flatMap(Recurrence::zone).orElseGet(() -> work.context().employees().find(series.responsible())
                .flatMap(Employee::zone).orElse(work.context().clock().getZone()));
    }

    /** The interaction with its rule's zone pinned ({@link Recurrence#zone}), if it recurs and has none yet. */
    static Interaction pinned(UnitOfWork work, Interaction interaction) {
        if (interaction.recurrence().isEmpty() || interaction.recurrence().get().zone().isPresent()) {
            return interaction;
        }
        return interaction.repeat(interaction.recurrence().get().in(zoneOf(work, interaction)));
    }
}
