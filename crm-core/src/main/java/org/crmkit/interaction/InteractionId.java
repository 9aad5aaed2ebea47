package org.crmkit.interaction;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** The identity of an interaction, stable for its whole life. */
public record InteractionId(UUID value) {
    public InteractionId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
