package org.crmkit.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * A reminder of an interaction (aggregate root of its own, referring to the interaction by id):
 * the employee to remind and the instant it fires, to the microsecond. It is
 * {@link ReminderState#PENDING} until a caller of {@link Reminders#due} leases it, then
 * {@link ReminderState#LEASED} with that caller's {@link Lease}, and {@link ReminderState#ACKNOWLEDGED}
 * once the caller acknowledges it with the lease's token before the lease ends. A lease that ended
 * unacknowledged makes it due again.
 *
 * <p>Immutable; the verbs return the changed reminder at the same version, and a store saves it
 * only from the version it holds. Invariant: a lease is present exactly when the state is
 * {@link ReminderState#LEASED}.
 *
 * @param version 0 for a reminder never stored; the store increments it on every save
 */
public record Reminder(ReminderId id, InteractionId interaction, EmployeeId employee, Instant fireAt, ReminderState state,
                       Optional<Lease> lease, long version) {

    /** The order of every list of reminders: those that fire first first, then by id as the databases sort UUIDs. */
    public static final Comparator<Reminder> FIRING_ORDER = Comparator.comparing(Reminder::fireAt)
            .thenComparing(r -> r.id().value(), SortOrder.UUIDS);

    public Reminder {
        ValidationException.required(id, "id");
        ValidationException.required(interaction, "interaction");
        ValidationException.required(employee, "employee");
        fireAt = ValidationException.required(fireAt, "fireAt").truncatedTo(ChronoUnit.MICROS);
        ValidationException.required(state, "state");
        ValidationException.required(lease, "lease");
        if (lease.isPresent() != (state == ReminderState.LEASED)) {
            throw new ValidationException("lease", lease.map(Lease::token).orElse(null), "is held exactly while the state is LEASED, not " + state);
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    /** A new pending reminder, not stored (version 0). */
    public static Reminder pending(ReminderId id, InteractionId interaction, EmployeeId employee, Instant fireAt) {
        return new Reminder(id, interaction, employee, fireAt, ReminderState.PENDING, Optional.empty(), 0);
    }

    /** Whether it is due at {@code now}: not acknowledged, its instant reached, and no lease holding. */
    public boolean dueAt(Instant now) {
        ValidationException.required(now, "now");
        return state != ReminderState.ACKNOWLEDGED && !fireAt.isAfter(now) && lease.map(l -> !l.holdsAt(now)).orElse(true);
    }

    /** Handed to the caller holding {@code newLease}. */
    public Reminder leasedTo(Lease newLease) {
        ValidationException.required(newLease, "lease");
        requireNotAcknowledged("leased");
        return new Reminder(id, interaction, employee, fireAt, ReminderState.LEASED, Optional.of(newLease), version);
    }

    /**
     * Fired by the caller holding the lease with {@code token}: refused (naming {@code token}) when
     * the reminder is not leased, is leased to another caller, or the lease ended before {@code now}.
     */
    public Reminder acknowledge(UUID token, Instant now) {
        ValidationException.required(token, "token");
        ValidationException.required(now, "now");
        requireNotAcknowledged("acknowledged again");
        Lease held = lease.filter(l -> l.token().equals(token)).orElseThrow(() -> new ValidationException("token", token,
                "does not hold the lease of reminder " + id + (lease.isPresent() ? " (another caller's lease holds it)" : " (it is not leased)")));
        if (!held.holdsAt(now)) {
            throw new ValidationException("token", token, "held the lease of reminder " + id + " only until " + held.until()
                    + ": the reminder is due again for the next caller");
        }
        return new Reminder(id, interaction, employee, fireAt, ReminderState.ACKNOWLEDGED, Optional.empty(), version);
    }

    /** Fires {@code offset} later (earlier when negative), but not after {@code latest}. */
    public Reminder moveBy(Duration offset, Instant latest) {
        ValidationException.required(offset, "offset");
        ValidationException.required(latest, "latest");
        requireNotAcknowledged("moved");
        Instant moved = fireAt.plus(offset);
        return new Reminder(id, interaction, employee, moved.isAfter(latest) ? latest : moved, state, lease, version);
    }

    /** Reminds another employee (the successor in a hand-over). */
    public Reminder remind(EmployeeId other) {
        requireNotAcknowledged("given to another employee");
        return new Reminder(id, interaction, other, fireAt, state, lease, version);
    }

    public Reminder withVersion(long storedVersion) {
        return new Reminder(id, interaction, employee, fireAt, state, lease, storedVersion);
    }

    private void requireNotAcknowledged(String what) {
        if (state == ReminderState.ACKNOWLEDGED) {
            throw new ValidationException("state", state, "reminder " + id + " has fired: it cannot be " + what);
        }
    }
}
