package org.crmkit.consent;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** Identifies one ledger entry. */
public record ConsentEntryId(UUID value) {
    public ConsentEntryId {
        ValidationException.required(value, "id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
