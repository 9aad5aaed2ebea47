package org.crmkit.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.audit.AuditEntry;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Reminders on interactions, each use case one unit of work for the acting tenant (reached as
 * {@code crm.interactions().reminders()}). Setting and cancelling a reminder needs the interaction
 * visible to and changeable by the actor, like changing the interaction itself. A host fires
 * reminders by polling {@link #due}: each due reminder is leased to one caller until the lease
 * ends, so two host nodes polling at the same time never both get it; the caller fires it and
 * {@link #acknowledge acknowledges} it with the lease's token, and one left unacknowledged is due
 * again once its lease has ended. Polling and acknowledging act for the whole tenant (a host's
 * job, not an employee's view), and time is the caller's {@code now} or the Crm's clock, never
 * the database's.
 *
 * <p>The reminders follow their interaction ({@link Interactions} calls back on every change):
 * rescheduled, its unacknowledged reminders move by the same offset as its start (an all-day item:
 * by whole days), but not past its new end; reassigned (also by a hand-over), the reminders of the
 * former responsible employee remind the new one; completed or cancelled, its unacknowledged
 * reminders are dropped (acknowledged ones stay as history).
 *
 * <p>Every change is journaled under the interaction's subject ({@code interaction:<id>}, field
 * {@code reminder}), fed under the kind {@value #KIND} with the reminder's id, and announced
 * after the commit ({@link ReminderEvent}).
 */
public final class Reminders {
    /** Reminders need their own store beside the interactions. */
    public static final Feature FEATURE = Feature.of("reminders", ReminderStore.class);
    /** The record kind of reminders in the change feed. */
    public static final String KIND = "reminders";
    /** Most reminders one call of {@link #due} leases. */
    public static final int MAX_DUE = 1000;
    /** The longest lease {@link #due} grants. */
    public static final Duration MAX_LEASE = Duration.ofDays(1);

    private final CrmContext context;

    Reminders(CrmContext context) {
        this.context = context;
    }

    /** Reminds the interaction's responsible employee at {@code fireAt}; see {@link #set(InteractionId, EmployeeId, Instant)}. */
    public Reminder set(InteractionId interaction, Instant fireAt) {
        ValidationException.required(interaction, "interaction");
        ValidationException.required(fireAt, "fireAt");
        return context.write(work -> setIn(work, interaction, Optional.empty(), fireAt));
    }

    /**
     * Reminds {@code employee} of an open interaction at {@code fireAt}. Refused with a
     * {@link ValidationException} naming the field and the value, nothing stored: an interaction
     * that does not exist or the actor may not see ({@code interaction}), one done or cancelled
     * ({@code interaction.state}), an instant after the item's end ({@code fireAt}; an all-day
     * item ends at the start of the day after its last day in the zone of the Crm's clock).
     */
    public Reminder set(InteractionId interaction, EmployeeId employee, Instant fireAt) {
        ValidationException.required(interaction, "interaction");
        ValidationException.required(employee, "employee");
        ValidationException.required(fireAt, "fireAt");
        return context.write(work -> setIn(work, interaction, Optional.of(employee), fireAt));
    }

    private static Reminder setIn(UnitOfWork work, InteractionId id, Optional<EmployeeId> employee, Instant fireAt) {
        Interaction interaction = Interactions.visibleIn(work, id)
                .orElseThrow(() -> new ValidationException("interaction", id, "is not an interaction (or not one you may see)"));
        if (!interaction.isOpen()) {
            throw new ValidationException("interaction.state", interaction.state(),
                    "interaction № " + interaction.number() + " is closed: only a planned or in-progress one takes reminders");
        }
        Instant end = endOf(interaction.timing(), work.context().clock().getZone());
        if (fireAt.isAfter(end)) {
            throw new ValidationException("fireAt", fireAt, "is after the end " + end + " of interaction № " + interaction.number());
        }
        Interactions.requireChangeable(work, interaction, "set a reminder on interaction № " + interaction.number());
        Reminder stored = work.store(ReminderStore.class).insert(Reminder.pending(new ReminderId(work.newId()), id,
                employee.orElse(interaction.responsible()), fireAt));
        record(work, interaction, Optional.empty(), Optional.of(stored), "set");
        work.publish(new ReminderEvent.Added(work.actor().tenant(), stored.id(), id, stored.employee(), stored.fireAt(), work.now(),
                work.actor().name()));
        return stored;
    }

    /** Cancels a reminder not yet acknowledged (an acknowledged one is refused, naming {@code state}). */
    public void cancel(ReminderId id) {
        ValidationException.required(id, "id");
        context.write(work -> {
            Reminder reminder = require(work, id);
            Interaction interaction = Interactions.visibleIn(work, reminder.interaction()).orElseThrow(() -> new NotFoundException("reminder", id));
            if (reminder.state() == ReminderState.ACKNOWLEDGED) {
                throw new ValidationException("state", reminder.state(), "reminder " + id + " has fired: there is nothing to cancel");
            }
            Interactions.requireChangeable(work, interaction, "cancel a reminder of interaction № " + interaction.number());
            drop(work, interaction, reminder, "cancelled");
            return null;
        });
    }

    /** The reminder, if it exists and the actor may see its interaction. */
    public Optional<Reminder> find(ReminderId id) {
        ValidationException.required(id, "id");
        return context.read(work -> work.store(ReminderStore.class).get(id)
                .filter(r -> Interactions.visibleIn(work, r.interaction()).isPresent()));
    }

    /** The reminders of an interaction the actor may see, acknowledged ones too, those that fire first first. */
    public List<Reminder> of(InteractionId interaction) {
        ValidationException.required(interaction, "interaction");
        return context.read(work -> {
            if (Interactions.visibleIn(work, interaction).isEmpty()) {
                throw new NotFoundException("interaction", interaction);
            }
            return work.store(ReminderStore.class).ofInteractions(Set.of(interaction));
        });
    }

    /** {@link #due(Instant, Duration, int)} at the Crm clock's now. */
    public List<Reminder> due(Duration leaseFor, int max) {
        return due(context.clock().instant(), leaseFor, max);
    }

    /**
     * Leases to this caller up to {@code max} reminders due at {@code now} (those that fire first
     * first) for {@code leaseFor}, and returns them, each with its {@link Lease} (one token for the
     * call). No other caller gets them until the lease ends; acknowledge each one fired with
     * {@link #acknowledge}. A lease is a reservation in real time: it lasts {@code leaseFor} from
     * {@code now} or from the Crm clock's now, whichever is later, so a host polling with a
     * {@code now} behind the clock (catching up) still holds what it got long enough to acknowledge
     * it. Refused, naming the field: {@code leaseFor} not positive or longer than
     * {@link #MAX_LEASE}, {@code max} outside 1..{@value #MAX_DUE}.
     */
    public List<Reminder> due(Instant now, Duration leaseFor, int max) {
        ValidationException.required(now, "now");
        ValidationException.required(leaseFor, "leaseFor");
        if (leaseFor.isNegative() || leaseFor.isZero() || leaseFor.compareTo(MAX_LEASE) > 0) {
            throw new ValidationException("leaseFor", leaseFor, "must be positive and at most " + MAX_LEASE);
        }
        if (max < 1 || max > MAX_DUE) {
            throw new ValidationException("max", max, "must be between 1 and " + MAX_DUE);
        }
        Instant clockNow = context.clock().instant();
        Lease lease = new Lease(UUID.randomUUID(), (now.isAfter(clockNow) ? now : clockNow).plus(leaseFor));
        return context.write(work -> work.store(ReminderStore.class).lease(now, lease, max));
    }

    /**
     * The caller holding the lease fired the reminder: it is acknowledged for good. Refused,
     * naming {@code token}, when the token is not the lease's (another caller's, or none) or the
     * lease has ended at the Crm clock's now (the reminder is then due again); an unknown reminder
     * is a {@link NotFoundException}.
     */
    public Reminder acknowledge(ReminderId id, UUID token) {
        ValidationException.required(id, "id");
        ValidationException.required(token, "token");
        return context.write(work -> {
            Reminder current = require(work, id);
            Reminder stored = work.store(ReminderStore.class).update(current.acknowledge(token, work.now()));
            Interaction interaction = work.store(InteractionStore.class).get(stored.interaction())
                    .orElseThrow(() -> new NotFoundException("interaction", stored.interaction()));
            record(work, interaction, Optional.of(current), Optional.of(stored), "acknowledged");
            work.publish(new ReminderEvent.Acknowledged(work.actor().tenant(), id, stored.interaction(), work.now(), work.actor().name()));
            return stored;
        });
    }

    /**
     * Makes the reminders of an interaction follow a change of it (see the class note); called by
     * {@link Interactions} in the same unit of work. A storage without reminders has none to follow.
     */
    static void follow(UnitOfWork work, Interaction before, Interaction after) {
        boolean closed = before.isOpen() && !after.isOpen();
        boolean moved = !before.timing().equals(after.timing());
        boolean reassigned = !before.responsible().equals(after.responsible());
        if (!(closed || moved || reassigned) || !work.context().storage().storeTypes().contains(ReminderStore.class)) {
            return;
        }
        ReminderStore store = work.store(ReminderStore.class);
        for (Reminder reminder : store.ofInteractions(Set.of(after.id()))) {
            if (reminder.state() == ReminderState.ACKNOWLEDGED) {
                continue;
            }
            if (closed) {
                drop(work, after, reminder, "dropped");
                continue;
            }
            Reminder changed = reminder;
            if (moved) {
                Duration offset = Duration.between(before.timing().startKey(), after.timing().startKey());
                changed = changed.moveBy(offset, endOf(after.timing(), work.context().clock().getZone()));
            }
            if (reassigned && changed.employee().equals(before.responsible())) {
                changed = changed.remind(after.responsible());
            }
            if (changed.equals(reminder)) {
                continue;
            }
            Reminder stored = store.update(changed);
            record(work, after, Optional.of(reminder), Optional.of(stored), reminder.fireAt().equals(stored.fireAt()) ? "reassigned" : "moved");
            if (!reminder.fireAt().equals(stored.fireAt())) {
                work.publish(new ReminderEvent.Moved(work.actor().tenant(), stored.id(), after.id(), reminder.fireAt(), stored.fireAt(),
                        work.now(), work.actor().name()));
            }
            if (!reminder.employee().equals(stored.employee())) {
                work.publish(new ReminderEvent.Reassigned(work.actor().tenant(), stored.id(), after.id(), reminder.employee(),
                        stored.employee(), work.now(), work.actor().name()));
            }
        }
    }

    /** The instant an item ends: a timed one at its end, an all-day one at the start of the day after its last day in {@code zone}. */
    static Instant endOf(Timing timing, ZoneId zone) {
        return timing instanceof Timing.Timed ? ((Timing.Timed) timing).end()
                : ((Timing.AllDay) timing).last().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static void drop(UnitOfWork work, Interaction interaction, Reminder reminder, String change) {
        work.store(ReminderStore.class).delete(reminder);
        record(work, interaction, Optional.of(reminder), Optional.empty(), change);
        work.publish(new ReminderEvent.Cancelled(work.actor().tenant(), reminder.id(), interaction.id(), work.now(), work.actor().name()));
    }

    private static Reminder require(UnitOfWork work, ReminderId id) {
        return work.store(ReminderStore.class).get(id).orElseThrow(() -> new NotFoundException("reminder", id));
    }

    private static String describe(Reminder r) {
        return r.id() + ": " + r.employee().value() + " at " + r.fireAt() + " (" + r.state() + ")";
    }

    /**
     * One journal line under the interaction (field {@code reminder}, the reminder before and after)
     * and one feed entry for the reminder naming the fields that changed (all of them when it was
     * set or removed).
     */
    private static void record(UnitOfWork work, Interaction interaction, Optional<Reminder> before, Optional<Reminder> after,
                               String change) {
        Reminder either = after.or(() -> before).orElseThrow();
        work.journal(List.of(new AuditEntry(work.newId(), interaction.mainClient(), AuditEntry.subject(Interactions.KIND, interaction.id()),
                "reminder", before.map(Reminders::describe), after.map(Reminders::describe), work.actor().name(), work.now())));
        List<String> fields = new ArrayList<>();
        if (before.isEmpty() || after.isEmpty() || !before.get().employee().equals(after.get().employee())) {
            fields.add("employee");
        }
        if (before.isEmpty() || after.isEmpty() || !before.get().fireAt().equals(after.get().fireAt())) {
            fields.add("fireAt");
        }
        if (before.isEmpty() || after.isEmpty() || before.get().state() != after.get().state()) {
            fields.add("state");
        }
        work.changed(KIND, either.id(), change, fields);
    }
}
