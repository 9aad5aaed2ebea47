package org.crmkit.contract;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** The identity of a contract. */
public record ContractId(UUID value) {
    public ContractId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
