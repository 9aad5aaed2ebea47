package org.crmkit.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.common.SortOrder;
import org.crmkit.consent.Channel;
import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.outbox.OutboxCount;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.mailing.outbox.OutboxEntryId;
import org.crmkit.mailing.outbox.OutboxLease;
import org.crmkit.mailing.outbox.OutboxState;
import org.crmkit.mailing.outbox.OutboxStore;

/**
 * The outbox in a tenant's maps. Units of work of a tenant hold its write lock one at a time, so an entry
 * claimed here is never handed to a second caller.
 */
final class MemoryOutboxStore implements OutboxStore {
    private static final Comparator<OutboxEntry> ORDER = Comparator.comparing(e -> e.id().value(), SortOrder.UUIDS);

    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryOutboxStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    private static List<Object> key(OutboxEntry e) {
        return List.of(e.mailing(), e.recipient().key());
    }

    @Override
    public int enqueue(List<OutboxEntry> entries) {
        unit.writing();
        int added = 0;
        for (OutboxEntry e : entries) {
            if (data.outboxKeys.containsKey(key(e))) {
                continue;
            }
            unit.insertNew(data.outbox, e.id(), e.withVersion(1), "id", e.id());
            unit.put(data.outboxKeys, key(e), e.id());
            added++;
        }
        return added;
    }

    @Override
    public Optional<OutboxEntry> get(OutboxEntryId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.outbox.get(id));
    }

    @Override
    public OutboxEntry update(OutboxEntry entry) {
        return unit.replaceVersioned(data.outbox, entry.id(), entry.version(), OutboxEntry::version, entry.withVersion(entry.version() + 1),
                "outbox entry");
    }

    private List<OutboxEntry> of(MailingId mailing) {
        return data.outbox.values().stream().filter(e -> e.mailing().equals(mailing)).sorted(ORDER).collect(Collectors.toList());
    }

    @Override
    public List<OutboxEntry> claim(MailingId mailing, Channel channel, Instant now, OutboxLease lease, int max, boolean resubmitUnknown,
                                   int maxAttempts) {
        unit.writing();
        List<OutboxEntry> due = of(mailing).stream().filter(e -> e.recipient().channel() == channel)
                .filter(e -> e.state() == OutboxState.PENDING
                        || e.state() == OutboxState.TEMPORARY_FAILURE && !e.nextAttemptAt().orElseThrow().isAfter(now)
                        || resubmitUnknown && e.state() == OutboxState.UNKNOWN && e.attempts() < maxAttempts)
                .limit(max).collect(Collectors.toList());
        return due.stream().map(e -> update(e.claim(lease, now))).collect(Collectors.toList());
    }

    @Override
    public int expire(MailingId mailing, Instant now) {
        unit.writing();
        List<OutboxEntry> ended = of(mailing).stream()
                .filter(e -> e.state() == OutboxState.SENDING && !e.lease().orElseThrow().until().isAfter(now)).collect(Collectors.toList());
        ended.forEach(e -> update(e.unknown("lease-expired", "the sender's lease ended before its outcome was written", now)));
        return ended.size();
    }

    @Override
    public int cancelOpen(MailingId mailing, Instant now) {
        unit.writing();
        List<OutboxEntry> open = of(mailing).stream()
                .filter(e -> e.state() == OutboxState.PENDING || e.state() == OutboxState.TEMPORARY_FAILURE).collect(Collectors.toList());
        open.forEach(e -> update(e.cancel("cancelled", "the mailing was cancelled", now)));
        return open.size();
    }

    @Override
    public List<OutboxEntry> byProviderMessageId(String providerMessageId) {
        unit.checkOpen();
        return data.outbox.values().stream().filter(e -> e.providerMessageId().equals(Optional.of(providerMessageId))).sorted(ORDER)
                .collect(Collectors.toList());
    }

    @Override
    public List<OutboxEntry> list(MailingId mailing, Set<OutboxState> states, Optional<OutboxEntryId> after, int max) {
        unit.checkOpen();
        return of(mailing).stream().filter(e -> states.isEmpty() || states.contains(e.state()))
                .filter(e -> after.isEmpty() || SortOrder.UUIDS.compare(e.id().value(), after.get().value()) > 0)
                .limit(max).collect(Collectors.toList());
    }

    @Override
    public List<OutboxCount> counts(MailingId mailing) {
        unit.checkOpen();
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        for (OutboxEntry e : of(mailing)) {
            List<Object> k = new ArrayList<>();
            k.add(e.state());
            k.add(e.reasonCode());
            k.add(e.delivery());
            counts.merge(k, 1L, Long::sum);
        }
        List<OutboxCount> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new OutboxCount((OutboxState) k.get(0), castOpt(k.get(1)), castOpt(k.get(2)), n)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> castOpt(Object o) {
        return (Optional<T>) o;
    }
}
