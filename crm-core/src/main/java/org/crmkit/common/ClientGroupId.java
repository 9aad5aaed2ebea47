package org.crmkit.common;

import java.util.UUID;

/** The identity of a client group ("Покупатели и заказчики"); shared vocabulary of several features. */
public record ClientGroupId(UUID value) {
    public ClientGroupId {
        ValidationException.required(value, "value");
    }

    public static ClientGroupId of(String text) {
        return new ClientGroupId(Ids.parse("groupId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
