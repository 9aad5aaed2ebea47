package org.crmkit.interaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.crmkit.common.ValidationException;

/**
 * A reminder handed to one caller of {@link Reminders#due}: the token that caller acknowledges
 * with, and the instant after which, unacknowledged, it is due again (to the microsecond).
 */
public record Lease(UUID token, Instant until) {
    public Lease {
        ValidationException.required(token, "token");
        until = ValidationException.required(until, "until").truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the lease still holds at {@code now} (it ends at {@code until}, exclusive). */
    public boolean holdsAt(Instant now) {
        return until.isAfter(ValidationException.required(now, "now"));
    }
}
