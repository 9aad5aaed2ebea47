package org.crmkit.interaction;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores the reminders of one tenant, inside the unit of work that handed it out.
 *
 * <p>Contract (checked by the store kit on every storage): {@link #insert} stores at version 1 (an
 * id already stored: {@link org.crmkit.common.DuplicateException}); {@link #update} and
 * {@link #delete} only from the stored version, else
 * {@link org.crmkit.common.ConcurrentChangeException} and nothing written. Lists are in the order
 * of {@link Reminder#fireAt}, then id ({@link org.crmkit.common.SortOrder#UUIDS}). {@link #lease}
 * is the one write that needs no version: it hands each due reminder to one unit of work only,
 * also when several units of work (several host nodes) call it at the same time.
 */
public interface ReminderStore {
    Optional<Reminder> get(ReminderId id);

    /** The reminders of these interactions, acknowledged ones too. */
    List<Reminder> ofInteractions(Collection<InteractionId> interactions);

    /** Stores a new reminder (version 0); returns it at version 1. */
    Reminder insert(Reminder reminder);

    /** Stores a changed reminder read at {@code reminder.version()}; returns it at the next version. */
    Reminder update(Reminder reminder);

    /** Removes a reminder read at {@code reminder.version()}. */
    void delete(Reminder reminder);

    /**
     * Leases up to {@code max} reminders due at {@code now} ({@link Reminder#dueAt}), those that
     * fire first first, to the caller holding {@code lease}, and returns them leased at their next
     * version. Atomic against every other unit of work: two callers at the same time never get the
     * same reminder; one that a concurrent caller holds (or has just taken) is skipped, not waited
     * for and returned twice. {@code now} is the caller's, never the database's clock.
     */
    List<Reminder> lease(Instant now, Lease lease, int max);
}
