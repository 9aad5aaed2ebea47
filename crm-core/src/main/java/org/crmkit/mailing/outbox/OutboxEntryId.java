package org.crmkit.mailing.outbox;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** Identifies one outbox entry within its tenant. */
public record OutboxEntryId(UUID value) {
    public OutboxEntryId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
