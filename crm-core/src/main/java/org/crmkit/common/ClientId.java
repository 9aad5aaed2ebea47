package org.crmkit.common;

import java.util.UUID;

/**
 * The identity of a client, stable for its whole life (also when another client is merged into it).
 * It sits in {@code common} because every feature (properties, interactions, deals, mailings) refers
 * to clients by it.
 */
public record ClientId(UUID value) {
    public ClientId {
        ValidationException.required(value, "value");
    }

    public static ClientId of(String text) {
        return new ClientId(Ids.parse("clientId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
