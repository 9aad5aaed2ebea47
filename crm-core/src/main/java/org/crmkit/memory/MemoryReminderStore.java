package org.crmkit.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.Lease;
import org.crmkit.interaction.Reminder;
import org.crmkit.interaction.ReminderId;
import org.crmkit.interaction.ReminderStore;

/**
 * Reminders in a tenant's map. Units of work of a tenant hold its write lock one at a time, so a
 * lease taken here is never handed to a second caller.
 */
final class MemoryReminderStore implements ReminderStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryReminderStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Optional<Reminder> get(ReminderId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.reminders.get(id));
    }

    @Override
    public List<Reminder> ofInteractions(Collection<InteractionId> interactions) {
        unit.checkOpen();
        Set<InteractionId> wanted = Set.copyOf(interactions);
        return data.reminders.values().stream().filter(r -> wanted.contains(r.interaction())).sorted(Reminder.FIRING_ORDER).collect(Collectors.toList());
    }

    @Override
    public Reminder insert(Reminder reminder) {
        return unit.insertNew(data.reminders, reminder.id(), reminder.withVersion(1), "id", reminder.id());
    }

    @Override
    public Reminder update(Reminder reminder) {
        return unit.replaceVersioned(data.reminders, reminder.id(), reminder.version(), Reminder::version,
                reminder.withVersion(reminder.version() + 1), "reminder");
    }

    @Override
    public void delete(Reminder reminder) {
        unit.writing();
        Reminder current = data.reminders.get(reminder.id());
        MemoryUnit.checkVersion("reminder", reminder.id(), current == null ? -1 : current.version(), reminder.version());
        data.reminders.remove(reminder.id());
        unit.onRollback(() -> data.reminders.put(reminder.id(), current));
    }

    @Override
    public List<Reminder> lease(Instant now, Lease lease, int max) {
        unit.writing();
        List<Reminder> due = data.reminders.values().stream().filter(r -> r.dueAt(now)).sorted(Reminder.FIRING_ORDER).limit(max).collect(Collectors.toList());
        return due.stream().map(r -> update(r.leasedTo(lease))).collect(Collectors.toList());
    }
}
