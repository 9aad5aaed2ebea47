package org.crmkit.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * One entry of a calendar, a history or the control of obligations: a single interaction as it is,
 * or one occurrence of a series with its own state. {@link #interaction} is the stored interaction
 * (for a series: the series, whose subject, kind, participants and employees every occurrence
 * shares); {@link #originalStart} is where the rule put the occurrence (with the series' id, its
 * {@link #id() identity}); {@link #timing}, {@link #state}, {@link #result} and {@link #responsible}
 * are the occurrence's own (the responsible employee is the series' unless the occurrence kept one
 * at a hand-over); {@link #version} is what a change of this occurrence must name: the override's version
 * (0 while the occurrence has none), or the single interaction's version.
 */
public record Occurrence(Interaction interaction, Instant originalStart, Timing timing, InteractionState state, Optional<String> result,
                         EmployeeId responsible, long version) {
    /** Time order: by the occurrence's own start, then the interaction's id, then the original start. */
    public static final Comparator<Occurrence> TIME_ORDER = Comparator.comparing((Occurrence o) -> o.timing().startKey())
            .thenComparing(o -> o.interaction().id().value(), SortOrder.UUIDS).thenComparing(Occurrence::originalStart);
    /** Obligations: by responsible employee (code points), oldest first ({@link #dueKey()}), then as {@link #TIME_ORDER}. */
    public static final Comparator<Occurrence> DUE_ORDER = Comparator.comparing((Occurrence o) -> o.responsible().value(),
            SortOrder.TEXT).thenComparing(Occurrence::dueKey).thenComparing(TIME_ORDER);

    public Occurrence {
        ValidationException.required(interaction, "interaction");
        originalStart = ValidationException.required(originalStart, "originalStart").truncatedTo(ChronoUnit.MICROS);
        ValidationException.required(timing, "timing");
        ValidationException.required(state, "state");
        ValidationException.required(result, "result");
        ValidationException.required(responsible, "responsible");
    }

    /** A single interaction as an entry. */
    public static Occurrence single(Interaction interaction) {
        ValidationException.required(interaction, "interaction");
        return new Occurrence(interaction, interaction.timing().startKey(), interaction.timing(), interaction.state(), interaction.result(),
                interaction.responsible(), interaction.version());
    }

    /**
     * An occurrence of a series: as its override says, or as the series says (planned at the time
     * the rule gave, or cancelled with a cancelled series).
     */
    public static Occurrence of(Interaction series, Timing ruled, Optional<OccurrenceOverride> override) {
        ValidationException.required(series, "series");
        ValidationException.required(ruled, "ruled");
        ValidationException.required(override, "override");
        if (override.isPresent()) {
            OccurrenceOverride o = override.get();
            return new Occurrence(series, o.id().originalStart(), o.timing(), o.state(), o.result(), o.responsible().orElse(series.responsible()),
                    o.version());
        }
        InteractionState state = series.state() == InteractionState.CANCELLED ? InteractionState.CANCELLED : InteractionState.PLANNED;
        return new Occurrence(series, ruled.startKey(), ruled, state, Optional.empty(), series.responsible(), 0);
    }

    public OccurrenceId id() {
        return new OccurrenceId(interaction.id(), originalStart);
    }

    /** Whether it is an occurrence of a series (else a single interaction). */
    public boolean recurring() {
        return interaction.recurs();
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** Overdue: open and ended before now (all-day: before today); a single promise by its due day. */
    public boolean overdueAt(Instant now, LocalDate today) {
        if (!recurring()) {
            return interaction.overdueAt(now, today);
        }
        return isOpen() && timing.endedBefore(now, today);
    }

    /** Where it sorts among obligations: a single item's {@link Interaction#dueKey()}, an occurrence's end. */
    public Instant dueKey() {
        return recurring() ? timing.endKey() : interaction.dueKey();
    }

    /** The occurrence's override with a new timing, state and result (version as read). */
    OccurrenceOverride override(Timing newTiming, InteractionState newState, Optional<String> newResult) {
        return new OccurrenceOverride(id(), newTiming, newState, newResult,
                responsible.equals(interaction.responsible()) ? Optional.empty() : Optional.of(responsible), version);
    }

    /** Midnight UTC of a day: the original start of an all-day occurrence on it. */
    public static Instant dayKey(LocalDate day) {
        ValidationException.required(day, "day");
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
