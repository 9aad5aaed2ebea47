package org.crmkit.deal;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** The identity of a deal, stable for its whole life. */
public record DealId(UUID value) {
    public DealId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
