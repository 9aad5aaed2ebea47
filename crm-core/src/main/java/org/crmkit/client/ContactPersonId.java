package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.util.UUID;

/** The identity of a contact person. */
public record ContactPersonId(UUID value) {
    public ContactPersonId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
