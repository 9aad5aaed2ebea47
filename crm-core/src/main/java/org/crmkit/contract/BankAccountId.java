package org.crmkit.contract;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** The identity of a client's bank account record. */
public record BankAccountId(UUID value) {
    public BankAccountId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
