package org.crmkit.mailing.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.crmkit.common.ValidationException;

/**
 * The claim of one sender on outbox entries: the token its outcome is written with, and the instant (to the
 * microsecond) after which an entry still {@code SENDING} is taken to be {@link OutboxState#UNKNOWN}.
 */
public record OutboxLease(UUID token, Instant until) {
    public OutboxLease {
        ValidationException.required(token, "token");
        until = ValidationException.required(until, "until").truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the lease still holds at {@code now}. */
    public boolean holdsAt(Instant now) {
        return until.isAfter(ValidationException.required(now, "now"));
    }
}
