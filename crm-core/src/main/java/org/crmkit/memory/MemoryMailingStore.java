package org.crmkit.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.common.SortOrder;
import org.crmkit.mailing.Mailing;
import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.MailingState;
import org.crmkit.mailing.MailingStore;

/** Mailings in a tenant's map. */
final class MemoryMailingStore implements MailingStore {
    static final Comparator<Mailing> ORDER = Comparator.comparing(Mailing::createdAt)
            .thenComparing(m -> m.id().value(), SortOrder.UUIDS);

    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryMailingStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Optional<Mailing> get(MailingId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.mailings.get(id));
    }

    @Override
    public Mailing insert(Mailing mailing) {
        return unit.insertNew(data.mailings, mailing.id(), mailing.withVersion(1), "id", mailing.id());
    }

    @Override
    public Mailing update(Mailing mailing) {
        return unit.replaceVersioned(data.mailings, mailing.id(), mailing.version(), Mailing::version, mailing.withVersion(mailing.version() + 1),
                "mailing");
    }

    @Override
    public List<Mailing> inState(MailingState state) {
        unit.checkOpen();
        return data.mailings.values().stream().filter(m -> m.state() == state).sorted(ORDER).collect(Collectors.toList());
    }
}
