package org.crmkit.deal;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** The identity of a stage, stable for its whole life. */
public record StageId(UUID value) {
    public StageId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
