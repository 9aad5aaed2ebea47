package org.crmkit.memory;

import java.util.List;

import org.crmkit.common.DuplicateException;
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
        unit.writing();
        if (data.lostReasons.containsKey(reason.id())) {
            throw new DuplicateException("lostReason", reason.id().value());
        }
        LostReason stored = reason.withVersion(1);
        unit.put(data.lostReasons, reason.id(), stored);
        return stored;
    }

    @Override
    public LostReason update(LostReason reason) {
        unit.writing();
        LostReason current = data.lostReasons.get(reason.id());
        MemoryUnit.checkVersion("lost reason", reason.id(), current == null ? -1 : current.version(), reason.version());
        LostReason stored = reason.withVersion(reason.version() + 1);
        unit.put(data.lostReasons, reason.id(), stored);
        return stored;
    }
}
