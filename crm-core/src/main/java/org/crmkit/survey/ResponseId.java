package org.crmkit.survey;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** Identifies one recorded survey response. */
public record ResponseId(UUID value) {
    public ResponseId {
        ValidationException.required(value, "response id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
