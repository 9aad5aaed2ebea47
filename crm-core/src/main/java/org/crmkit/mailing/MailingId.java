package org.crmkit.mailing;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** Identifies a mailing within its tenant. */
public record MailingId(UUID value) {
    public MailingId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
