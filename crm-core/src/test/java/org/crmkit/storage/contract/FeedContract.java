package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;
import org.crmkit.common.TenantId;
import org.junit.jupiter.api.Test;

/** The change feed's part of the store kit: entries in commit order, none skipped by a reader that keeps a cursor. */
abstract class FeedContract extends QuickSearchContract {

    private static FeedEntry entry(String id) {
        return FeedEntry.unnumbered("client", id, "changed", Set.of("shortName"), "test", Instant.parse("2026-12-05T10:00:00Z"));
    }

    private List<FeedEntry> after(TenantId in, long position) {
        return storage().read(in, s -> s.get(FeedStore.class).after(position, 100));
    }

    @Test
    void theFeedNumbersEntriesOfATenantInOrderAndReadsFromACursor() {
        storage().inTransaction(tenant, s -> {
            s.get(FeedStore.class).append(List.of(entry("a"), entry("b")));
            return null;
        });
        TenantId other = newTenant();
        storage().inTransaction(other, s -> {
            s.get(FeedStore.class).append(List.of(entry("x")));
            return null;
        });
        storage().inTransaction(tenant, s -> {
            s.get(FeedStore.class).append(List.of(entry("c")));
            return null;
        });

        List<FeedEntry> all = after(tenant, 0);
        assertThat(all).extracting(FeedEntry::id).containsExactly("a", "b", "c");
        assertThat(all).extracting(FeedEntry::position).isSorted().doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo(entry("a").numbered(all.get(0).position()));
        assertThat(after(tenant, all.get(1).position())).extracting(FeedEntry::id).containsExactly("c");
        assertThat(after(other, 0)).extracting(FeedEntry::id).containsExactly("x");
        assertThat(storage().<List<FeedEntry>>read(tenant, s -> s.get(FeedStore.class).after(0, 2))).hasSize(2);
    }

    @Test
    void aRolledBackUnitOfWorkLeavesNoEntry() {
        try {
            storage().inTransaction(tenant, s -> {
                s.get(FeedStore.class).append(List.of(entry("lost")));
                throw new IllegalStateException("the work failed");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }
        storage().inTransaction(tenant, s -> {
            s.get(FeedStore.class).append(List.of(entry("kept")));
            return null;
        });
        assertThat(after(tenant, 0)).extracting(FeedEntry::id).containsExactly("kept");
    }

    /**
     * Writer A appends first and commits last; writer B appends while A is open. A reader polling
     * all the while from its cursor must end up with both entries: with positions handed out in
     * append order and no lock, B would commit position 2 first, the reader would move its cursor
     * to 2, and A's position 1 would be skipped for ever.
     */
    @Test
    void aReaderMissesNoEntryWhenTwoWritersCommitOutOfOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            storage().inTransaction(tenant, s -> {
                s.get(FeedStore.class).append(List.of(entry("before")));
                return null;
            });
            CountDownLatch aAppended = new CountDownLatch(1);
            CountDownLatch releaseA = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<FeedEntry> seen = new ArrayList<>();
            Future<?> reader = pool.submit(() -> {
                long cursor = 0;
                while (true) {
                    boolean last = !writing.get();
                    for (FeedEntry e : after(tenant, cursor)) {
                        seen.add(e);
                        cursor = e.position();
                    }
                    if (last) {
                        return null;
                    }
                    Thread.sleep(5);
                }
            });
            Future<?> a = pool.submit(() -> storage().inTransaction(tenant, s -> {
                s.get(FeedStore.class).append(List.of(entry("a")));
                aAppended.countDown();
                await(releaseA);
                return null;
            }));
            assertThat(aAppended.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> b = pool.submit(() -> storage().inTransaction(tenant, s -> {
                s.get(FeedStore.class).append(List.of(entry("b")));
                return null;
            }));
            // give B every chance to commit before A, as it would without the feed's lock
            Thread.sleep(300);
            releaseA.countDown();
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
            writing.set(false);
            reader.get(30, TimeUnit.SECONDS);

            assertThat(seen).extracting(FeedEntry::id).containsExactlyInAnyOrder("before", "a", "b");
            assertThat(seen).extracting(FeedEntry::position).isSorted();
            assertThat(after(tenant, 0)).extracting(FeedEntry::id).containsExactly("before", "a", "b");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("writer A was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
