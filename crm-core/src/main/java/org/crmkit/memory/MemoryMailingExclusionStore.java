package org.crmkit.memory;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.SortOrder;
import org.crmkit.consent.Channel;
import org.crmkit.mailing.MailingExclusionStore;
import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.recipient.Exclusion;
import org.crmkit.mailing.recipient.ExclusionReason;

/** A mailing's exclusions in a tenant's map, keyed by mailing, client, person or none, channel or none. */
final class MemoryMailingExclusionStore implements MailingExclusionStore {
    private static final UUID NONE = new UUID(0, 0);
    static final Comparator<Exclusion> ORDER = Comparator.<Exclusion, UUID>comparing(e -> e.client().value(), SortOrder.UUIDS)
            .thenComparing(e -> e.person().map(ContactPersonId::value).orElse(NONE), SortOrder.UUIDS)
            .thenComparing(e -> e.channel().map(Channel::name).orElse(""));

    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryMailingExclusionStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    private static List<Object> key(MailingId mailing, Exclusion e) {
        return List.of(mailing, e.client(), e.person().map(ContactPersonId::value).orElse(NONE), e.channel().map(Channel::name).orElse(""));
    }

    @Override
    public int record(MailingId mailing, List<Exclusion> exclusions) {
        unit.writing();
        int added = 0;
        for (Exclusion e : exclusions) {
            List<Object> key = key(mailing, e);
            if (!data.mailingExclusions.containsKey(key)) {
                unit.put(data.mailingExclusions, key, e);
                added++;
            }
        }
        return added;
    }

    private List<Exclusion> of(MailingId mailing) {
        return data.mailingExclusions.entrySet().stream().filter(en -> en.getKey().get(0).equals(mailing)).map(Map.Entry::getValue)
                .sorted(ORDER).collect(Collectors.toList());
    }

    @Override
    public List<Exclusion> list(MailingId mailing, long offset, int max) {
        unit.checkOpen();
        return of(mailing).stream().skip(offset).limit(max).collect(Collectors.toList());
    }

    @Override
    public Map<ExclusionReason, Long> counts(MailingId mailing) {
        unit.checkOpen();
        Map<ExclusionReason, Long> counts = new EnumMap<>(ExclusionReason.class);
        of(mailing).forEach(e -> counts.merge(e.reason(), 1L, Long::sum));
        return counts;
    }
}
