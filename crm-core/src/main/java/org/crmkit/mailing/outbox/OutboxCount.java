package org.crmkit.mailing.outbox;

import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.crmkit.messaging.DeliveryStatus;

/** How many entries of a mailing are in one state with one reason code and delivery status. */
public record OutboxCount(OutboxState state, Optional<String> reasonCode, Optional<DeliveryStatus> delivery, long count) {
    public OutboxCount {
        ValidationException.required(state, "state");
        ValidationException.required(reasonCode, "reasonCode");
        ValidationException.required(delivery, "delivery");
        if (count < 0) {
            throw new ValidationException("count", count, "must not be negative");
        }
    }
}
