package org.crmkit.mailing;

import java.util.List;
import java.util.Optional;

/**
 * Stores the mailings of one tenant, inside the unit of work that handed it out. {@link #insert} stores at
 * version 1 (an id already stored: {@link org.crmkit.common.DuplicateException}); {@link #update} only from
 * the stored version, else {@link org.crmkit.common.ConcurrentChangeException} and nothing written. Lists are
 * by creation time, then id.
 */
public interface MailingStore {
    Optional<Mailing> get(MailingId id);

    Mailing insert(Mailing mailing);

    Mailing update(Mailing mailing);

    /** The mailings in this state. */
    List<Mailing> inState(MailingState state);
}
