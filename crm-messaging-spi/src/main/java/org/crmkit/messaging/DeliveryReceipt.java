package org.crmkit.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's report on a message it accepted earlier: {@code providerMessageId} is the id from
 * {@link SendOutcome.Accepted#providerMessageId()}, {@code at} the time the provider gives for the
 * status (or the time the receipt arrived when it gives none). All fields are non-null.
 */
public record DeliveryReceipt(String providerMessageId, DeliveryStatus status, Instant at) {
    public DeliveryReceipt {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
