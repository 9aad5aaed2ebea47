package org.crmkit.interaction;

import java.time.Instant;

import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;

/**
 * What happened to a reminder; published after the change is stored. Leasing due reminders is a
 * poll, not a change of the plan, and announces nothing: the caller holds the answer.
 */
public sealed interface ReminderEvent extends DomainEvent {
    ReminderId reminder();

    InteractionId interaction();

    /** A reminder was set on an interaction. */
    record Added(TenantId tenant, ReminderId reminder, InteractionId interaction, EmployeeId employee, Instant fireAt, Instant at,
               String actor) implements ReminderEvent {
    }

    /** It fires at another instant (its interaction was rescheduled). */
    record Moved(TenantId tenant, ReminderId reminder, InteractionId interaction, Instant from, Instant to, Instant at, String actor)
            implements ReminderEvent {
    }

    /** It reminds another employee (a hand-over). */
    record Reassigned(TenantId tenant, ReminderId reminder, InteractionId interaction, EmployeeId from, EmployeeId to, Instant at,
                      String actor) implements ReminderEvent {
    }

    /** The caller it was leased to fired it. */
    record Acknowledged(TenantId tenant, ReminderId reminder, InteractionId interaction, Instant at, String actor) implements ReminderEvent {
    }

    /** It was cancelled, or dropped because its interaction was completed or cancelled. */
    record Cancelled(TenantId tenant, ReminderId reminder, InteractionId interaction, Instant at, String actor) implements ReminderEvent {
    }
}
