package org.crmkit.memory;

import java.util.List;

import org.crmkit.deal.LostReason;
import org.crmkit.deal.LostReasonStore;

/** The tenant's lost reasons in a map ordered by key. */
final class MemoryLostReasonStore implements LostReasonStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryLostReasonStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public List<LostReason> all() {
        unit.checkOpen();
        return List.copyOf(data.lostReasons.values());
    }

    @Override
    public LostReason insert(LostReason reason) {
        return unit.insertNew(data.lostReasons, reason.id(), reason.withVersion(1), "lostReason", reason.id().value());
    }

    @Override
    public LostReason update(LostReason reason) {
        return unit.replaceVersioned(data.lostReasons, reason.id(), reason.version(), LostReason::version,
                reason.withVersion(reason.version() + 1), "lost reason");
    }
}
