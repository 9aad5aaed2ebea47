package org.crmkit;

import java.util.List;

import org.crmkit.common.ValidationException;
import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;
import org.crmkit.usecase.CrmContext;

/**
 * Reading the change feed of the acting tenant from a cursor the host keeps:
 * {@code after(0, 500)}, handle the entries, keep the last position, ask again from there.
 * The feed lists every change of every kind, whatever the access policy lets the actor see of the
 * records; it holds no personal values.
 */
public final class ChangeFeed {
    /** Most entries one call returns. */
    public static final int MAX_LIMIT = 10_000;

    private final CrmContext context;

    ChangeFeed(CrmContext context) {
        this.context = context;
    }

    /** Up to {@code limit} entries after {@code position} (0 for the beginning), oldest first. */
    public List<FeedEntry> after(long position, int limit) {
        if (position < 0) {
            throw new ValidationException("position", position, "must not be negative (0 reads from the beginning)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
        return context.read(work -> work.stores().get(FeedStore.class).after(position, limit));
    }
}
