package org.crmkit.deal;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * An entry of the tenant's list of reasons a deal is lost ("Цена", "Выбрали конкурента"). A
 * retired reason stays on the deals lost for it; new losses cannot name it.
 */
public record LostReason(LostReasonId id, String name, boolean retired, long version) {
    public LostReason {
        ValidationException.required(id, "id");
        name = CleanText.require("lostReason.name", name, 100);
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    public LostReason rename(String newName) {
        return new LostReason(id, newName, retired, version);
    }

    public LostReason retire() {
        return new LostReason(id, name, true, version);
    }

    public LostReason withVersion(long storedVersion) {
        return new LostReason(id, name, retired, storedVersion);
    }
}
