package org.crmkit.feed;

import java.util.List;

/**
 * The feed of one tenant (SPI), inside the unit of work that handed it out.
 *
 * <p>Contract (checked by the store contract kit): {@link #append} numbers the entries after every
 * position already committed and in commit order: a reader that has seen position {@code p} never
 * later finds a newly committed entry at or below {@code p}, even when two units of work write at
 * once (a database store takes a per-tenant lock for the rest of the unit of work). Call it last
 * in a unit of work, so the lock is held briefly. Entries are never changed.
 */
public interface FeedStore {
    /** Appends entries (their positions are ignored) after everything committed before. */
    void append(List<FeedEntry> entries);

    /** Up to {@code limit} entries after {@code position}, in position order. */
    List<FeedEntry> after(long position, int limit);
}
