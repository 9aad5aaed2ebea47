package org.crmkit.interaction;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** The identity of a reminder, stable for its whole life. */
public record ReminderId(UUID value) {
    public ReminderId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
