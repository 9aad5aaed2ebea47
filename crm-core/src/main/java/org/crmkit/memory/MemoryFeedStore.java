package org.crmkit.memory;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;

/**
 * The feed as a list: units of work of a tenant are serialised by its lock, so appending numbers
 * entries in commit order by itself.
 */
final class MemoryFeedStore implements FeedStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryFeedStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public void append(List<FeedEntry> entries) {
        unit.writing();
        long last = data.feed.isEmpty() ? 0 : data.feed.get(data.feed.size() - 1).position();
        List<FeedEntry> numbered = new ArrayList<>(entries.size());
        for (FeedEntry entry : entries) {
            numbered.add(entry.numbered(++last));
        }
        unit.append(data.feed, numbered);
    }

    @Override
    public List<FeedEntry> after(long position, int limit) {
        unit.checkOpen();
        // positions are 1, 2, 3, … in list order
        int from = (int) Math.min(Math.max(position, 0), data.feed.size());
        return List.copyOf(data.feed.subList(from, Math.min(data.feed.size(), from + limit)));
    }
}
