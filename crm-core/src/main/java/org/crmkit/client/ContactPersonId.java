package org.crmkit.client;

import java.util.Objects;
import java.util.UUID;

/** The identity of a contact person. */
public record ContactPersonId(UUID value) {
    public ContactPersonId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
