package org.crmkit.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.deal.DealId;

/**
 * An interaction with clients (aggregate root): a call, a meeting, a letter, a task, a promise…
 * planned or done, with its number in the tenant, its kind and direction, its state, subject and
 * content, its {@link Timing}, the responsible employee and the others taking part, its author,
 * importance, project (a free reference the host owns), the interaction it is based on, the deal
 * it belongs to, the clients and contact persons taking part and how each was reached, and, for a
 * promise, its due day and side.
 *
 * <p>Immutable: every verb returns the changed interaction at the same version, and a store saves
 * it only from the version it holds. Invariants: the number is positive; the subject is present
 * and every text passed {@link CleanText}; the end is not before the start; the direction fits
 * the kind ({@link InteractionKind}); only a promise has a {@link Promise} (its due day and side,
 * given with {@link #promise}; until then a promise is watched by its time like other items);
 * no client and person take part twice; the responsible employee is not also listed among the
 * others; it is not based on itself. State moves only as {@link InteractionState} allows;
 * rescheduling and reassigning concern open items only (a done or cancelled item keeps its time
 * and its responsible employee: history is not rewritten).
 *
 * <p>Two references, independent of each other: {@link #basedOn} names the interaction this one
 * follows from, {@link #deal} the deal it is based on (a follow-up call may have both). That the
 * deal exists and its client takes part is checked by the use case, which can read deals. A series
 * ({@link #repeat}) is one interaction with a {@link Recurrence}; its occurrences are {@link Occurrence}s,
 * each with its own state kept as an {@link OccurrenceOverride}.
 *
 * <p>{@code null} is refused with a {@link ValidationException} naming the field, except by the
 * verbs that clear an optional field, where it means "none": {@code describe}, {@code withProject},
 * {@code basedOn}, {@code forDeal}, {@code withDirection}, {@code complete}, {@code repeat}.
 *
 * @param version 0 for an interaction never stored; the store increments it on every save
 */
public record Interaction(InteractionId id, long number, InteractionKind kind, Optional<Direction> direction,
                          InteractionState state, String subject, Optional<String> content, Optional<String> result,
                          Timing timing, EmployeeId responsible, List<EmployeeId> otherEmployees, Optional<EmployeeId> author,
                          Importance importance, Optional<String> project, Optional<InteractionId> basedOn,
                          Optional<DealId> deal, List<Participant> participants, Optional<Promise> promise,
                          Optional<Recurrence> recurrence, long version) {

    public static final int SUBJECT_MAX = 250;
    public static final int CONTENT_MAX = 50_000;
    public static final int RESULT_MAX = 10_000;
    public static final int PROJECT_MAX = 200;

    public Interaction {
        ValidationException.required(id, "id");
        ValidationException.required(kind, "kind");
        ValidationException.required(state, "state");
        ValidationException.required(timing, "timing");
        ValidationException.required(responsible, "responsible");
        ValidationException.required(author, "author");
        ValidationException.required(importance, "importance");
        ValidationException.required(basedOn, "basedOn");
        ValidationException.required(deal, "deal");
        ValidationException.required(promise, "promise");
        ValidationException.required(recurrence, "recurrence");
        if (number < 1) {
            throw new ValidationException("number", number, "must be positive");
        }
        direction = kind.direction(ValidationException.required(direction, "direction"));
        subject = CleanText.require("subject", subject, SUBJECT_MAX);
        content = ValidationException.required(content, "content").flatMap(c -> CleanText.multiline("content", c, CONTENT_MAX));
        result = ValidationException.required(result, "result").flatMap(r -> CleanText.multiline("result", r, RESULT_MAX));
        project = ValidationException.required(project, "project").flatMap(p -> CleanText.optional("project", p, PROJECT_MAX));
        EmployeeId lead = responsible;
        otherEmployees = ValidationException.requiredElements(otherEmployees, "otherEmployees").stream()
                .filter(e -> !e.equals(lead)).distinct().sorted((a, b) -> SortOrder.TEXT.compare(a.value(), b.value()))
                .collect(Collectors.toUnmodifiableList());
        participants = checked(ValidationException.requiredElements(participants, "participants"));
        if (basedOn.filter(id::equals).isPresent()) {
            throw new ValidationException("basedOn", id, "is this interaction itself");
        }
        if (!kind.equals(InteractionKind.PROMISE) && promise.isPresent()) {
            throw new ValidationException("promise", promise.get().due(), "applies only to the kind promise, not " + kind);
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    private static List<Participant> checked(List<Participant> participants) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (!seen.add(p.client() + "/" + p.person().map(Object::toString).orElse(""))) {
                throw new ValidationException("participants[" + i + "]", p.person().map(Object::toString).orElse(p.client().toString()),
                        "takes part twice");
            }
        }
        return participants;
    }

    /**
     * A new planned interaction, not stored (version 0): normal importance, no participants yet;
     * the details are added with the verbs ({@code withParticipants}, {@code describe}, …).
     *
     * @param author the employee who records it, if the actor is one
     */
    public static Interaction plan(InteractionId id, long number, InteractionKind kind, String subject, Timing timing,
                                   EmployeeId responsible, Optional<EmployeeId> author) {
        return new Interaction(id, number, kind, Optional.empty(), InteractionState.PLANNED, subject, Optional.empty(), Optional.empty(),
                timing, responsible, List.of(), author, Importance.NORMAL, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), 0);
    }

    /** Moves an open item to another time. */
    public Interaction reschedule(Timing newTiming) {
        requireOpen("rescheduled");
        return with(f -> f.timing = newTiming);
    }

    /** Work on it has begun. */
    public Interaction start() {
        return with(f -> f.state = state.moveTo(InteractionState.IN_PROGRESS));
    }

    /** It took place; {@code outcome} says how it went ({@code null}: nothing to note). */
    public Interaction complete(String outcome) {
        return with(f -> {
            f.state = state.moveTo(InteractionState.DONE);
            f.result = Optional.ofNullable(outcome);
        });
    }

    /** It will not take place. */
    public Interaction cancel() {
        return with(f -> f.state = state.moveTo(InteractionState.CANCELLED));
    }

    /** Another employee is responsible for an open item. */
    public Interaction reassign(EmployeeId newResponsible) {
        ValidationException.required(newResponsible, "responsible");
        requireOpen("reassigned");
        return with(f -> f.responsible = newResponsible);
    }

    public Interaction rename(String newSubject) {
        return with(f -> f.subject = newSubject);
    }

    /** The content (long text); {@code null} clears it. */
    public Interaction describe(String newContent) {
        return with(f -> f.content = Optional.ofNullable(newContent));
    }

    public Interaction withKind(InteractionKind newKind) {
        return with(f -> f.kind = newKind);
    }

    /** The direction; {@code null} for none (or the one the kind always has). */
    public Interaction withDirection(Direction newDirection) {
        return with(f -> f.direction = Optional.ofNullable(newDirection));
    }

    public Interaction withImportance(Importance newImportance) {
        return with(f -> f.importance = newImportance);
    }

    /** The host's project reference; {@code null} for none. */
    public Interaction withProject(String newProject) {
        return with(f -> f.project = Optional.ofNullable(newProject));
    }

    /** The interaction this one follows from; {@code null} for none. */
    public Interaction basedOn(InteractionId earlier) {
        return with(f -> f.basedOn = Optional.ofNullable(earlier));
    }

    /** The deal it is based on; {@code null} for none. The deal's client must take part (checked when it is saved). */
    public Interaction forDeal(DealId newDeal) {
        return with(f -> f.deal = Optional.ofNullable(newDeal));
    }

    public Interaction withParticipants(List<Participant> newParticipants) {
        return with(f -> f.participants = newParticipants);
    }

    public Interaction withOtherEmployees(List<EmployeeId> employees) {
        return with(f -> f.otherEmployees = employees);
    }

    /** Makes it a promise due on {@code due}, given by {@code side}. */
    public Interaction promise(LocalDate due, PromiseSide side) {
        return with(f -> {
            f.kind = InteractionKind.PROMISE;
            f.promise = Optional.of(new Promise(due, side));
        });
    }

    /**
     * Makes it a series repeating by {@code rule} from its timing (the first occurrence);
     * {@code null}: it takes place once. Each occurrence then has its own state
     * ({@link OccurrenceOverride}); the series' own state says whether the series as a whole is open.
     */
    public Interaction repeat(Recurrence rule) {
        return with(f -> f.recurrence = Optional.ofNullable(rule));
    }

    /** Whether it is a series (it has a recurrence rule). */
    public boolean recurs() {
        return recurrence.isPresent();
    }

    /**
     * For a series, the latest instant one of its unmoved occurrences can end, whatever the zone
     * (none: it never ends); for a single item, its {@link Timing#endKey()}. Stores keep it to bound
     * the series a calendar reads.
     */
    public Optional<Instant> seriesEndBound() {
        return recurrence.isPresent() ? recurrence.get().endBound(timing) : Optional.of(timing.endKey());
    }

    public Interaction withVersion(long storedVersion) {
        return with(f -> f.version = storedVersion);
    }

    /** Whether it is still to be done (planned or in progress). */
    public boolean isOpen() {
        return state.isOpen();
    }

    /** The clients taking part, each once, in the order they were listed. */
    public List<ClientId> clients() {
        return participants.stream().map(Participant::client).distinct().collect(Collectors.toList());
    }

    /** The client whose history the journal files it under: the first taking part. */
    public Optional<ClientId> mainClient() {
        return participants.stream().map(Participant::client).findFirst();
    }

    /** Whether the employee is responsible for it or takes part in it. */
    public boolean involves(EmployeeId employee) {
        return responsible.equals(employee) || otherEmployees.contains(employee);
    }

    /**
     * Whether it is overdue: open, not a series (a series' occurrences are, see {@link Occurrence}), and a promise whose due day is before {@code today}, or another
     * item that ended before {@code now} (an all-day one: before {@code today}).
     */
    public boolean overdueAt(Instant now, LocalDate today) {
        return isOpen() && recurrence.isEmpty() && promise.map(p -> p.due().isBefore(today)).orElseGet(() -> timing.endedBefore(now, today));
    }

    /**
     * Where it sorts among obligations (oldest first): a promise by the day after its due day at
     * midnight UTC, another item by {@link Timing#endKey()}.
     */
    public Instant dueKey() {
        return promise.map(p -> p.due().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).orElseGet(timing::endKey);
    }

    /** The content as field → text, for the audit journal. */
    public Map<String, String> auditView() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("kind", kind.key());
        view.put("direction", direction.map(Enum::name).orElse(null));
        view.put("state", state.name());
        view.put("subject", subject);
        view.put("content", content.orElse(null));
        view.put("result", result.orElse(null));
        view.put("timing", timing instanceof Timing.Timed
                ? ((Timing.Timed) timing).start() + " – " + ((Timing.Timed) timing).end()
                : ((Timing.AllDay) timing).first() + " – " + ((Timing.AllDay) timing).last() + " (all day)");
        view.put("responsible", responsible.value());
        view.put("otherEmployees", otherEmployees.isEmpty() ? null
                : otherEmployees.stream().map(EmployeeId::value).collect(Collectors.joining(", ")));
        view.put("importance", importance.name());
        view.put("project", project.orElse(null));
        view.put("basedOn", basedOn.map(Object::toString).orElse(null));
        view.put("deal", deal.map(Object::toString).orElse(null));
        view.put("participants", participants.isEmpty() ? null : participants.stream()
                .map(p -> p.client() + p.person().map(x -> " / " + x).orElse("") + p.channel().map(c -> " via " + c.display()).orElse(""))
                .collect(Collectors.joining("; ")));
        view.put("promise", promise.map(p -> p.due() + " " + p.side()).orElse(null));
        view.put("recurrence", recurrence.map(Recurrence::rule).orElse(null));
        return view;
    }

    /** The employee ids it names: responsible first, then the others. */
    public Set<EmployeeId> employees() {
        Set<EmployeeId> all = new TreeSet<>((a, b) -> SortOrder.TEXT.compare(a.value(), b.value()));
        all.add(responsible);
        all.addAll(otherEmployees);
        return all;
    }

    private void requireOpen(String what) {
        if (!isOpen()) {
            throw new ValidationException("state", state, "is closed: only a planned or in-progress interaction can be " + what);
        }
    }

    /** A copy with some fields changed by {@code change}, checked as a new interaction is. */
    private Interaction with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new Interaction(f.id, f.number, f.kind, f.direction, f.state, f.subject, f.content, f.result, f.timing, f.responsible,
                f.otherEmployees, f.author, f.importance, f.project, f.basedOn, f.deal, f.participants, f.promise, f.recurrence, f.version);
    }

    /** The fields of an interaction while a verb changes them. */
    private static final class Fields {
        InteractionId id;
        long number;
        InteractionKind kind;
        Optional<Direction> direction;
        InteractionState state;
        String subject;
        Optional<String> content;
        Optional<String> result;
        Timing timing;
        EmployeeId responsible;
        List<EmployeeId> otherEmployees;
        Optional<EmployeeId> author;
        Importance importance;
        Optional<String> project;
        Optional<InteractionId> basedOn;
        Optional<DealId> deal;
        List<Participant> participants;
        Optional<Promise> promise;
        Optional<Recurrence> recurrence;
        long version;

        Fields(Interaction i) {
            id = i.id;
            number = i.number;
            kind = i.kind;
            direction = i.direction;
            state = i.state;
            subject = i.subject;
            content = i.content;
            result = i.result;
            timing = i.timing;
            responsible = i.responsible;
            otherEmployees = new ArrayList<>(i.otherEmployees);
            author = i.author;
            importance = i.importance;
            project = i.project;
            basedOn = i.basedOn;
            deal = i.deal;
            participants = i.participants;
            promise = i.promise;
            recurrence = i.recurrence;
            version = i.version;
        }
    }
}
