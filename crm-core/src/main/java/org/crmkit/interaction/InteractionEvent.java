package org.crmkit.interaction;

import java.time.Instant;

import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/** What happened to an interaction; published after the change is stored. */
public sealed interface InteractionEvent extends DomainEvent {
    InteractionId interaction();

    /** An interaction was planned (or recorded). */
    record Planned(TenantId tenant, InteractionId interaction, Instant at, String actor) implements InteractionEvent {
        public Planned {
            ValidationException.required(interaction, "interaction");
        }
    }

    /** It was moved to another time. */
    record Rescheduled(TenantId tenant, InteractionId interaction, Timing from, Timing to, Instant at, String actor)
            implements InteractionEvent {
    }

    /** Work on it began. */
    record Started(TenantId tenant, InteractionId interaction, Instant at, String actor) implements InteractionEvent {
    }

    /** It took place. */
    record Completed(TenantId tenant, InteractionId interaction, Instant at, String actor) implements InteractionEvent {
    }

    /** It will not take place. */
    record Cancelled(TenantId tenant, InteractionId interaction, Instant at, String actor) implements InteractionEvent {
    }

    /** Another employee became responsible for it (also by a hand-over). */
    record Reassigned(TenantId tenant, InteractionId interaction, EmployeeId from, EmployeeId to, Instant at, String actor)
            implements InteractionEvent {
    }

    /**
     * One occurrence of a series got a state or time of its own (completed, cancelled, moved);
     * {@code originalStart} with the series' id is the occurrence ({@link OccurrenceId}).
     */
    record OccurrenceChanged(TenantId tenant, InteractionId interaction, Instant originalStart, InteractionState state, Timing timing,
                             Instant at, String actor) implements InteractionEvent {
        public OccurrenceChanged {
            ValidationException.required(interaction, "interaction");
            ValidationException.required(originalStart, "originalStart");
            ValidationException.required(state, "state");
            ValidationException.required(timing, "timing");
        }
    }
}
