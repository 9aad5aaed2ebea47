package org.crmkit.mailing.outbox;

import java.time.Instant;

import org.crmkit.common.ValidationException;

/**
 * A token bucket on the Crm's clock: {@code perSecond} messages a second, bursts up to one second's worth.
 * It never sleeps: {@link #take} grants what the bucket holds now and the sender sends that many, leaving the
 * rest for a later call of the host. Thread-safe.
 */
public final class RateLimit {
    private final int perSecond;
    private double tokens;
    private Instant filledAt;

    private RateLimit(int perSecond) {
        if (perSecond < 1) {
            throw new ValidationException("perSecond", perSecond, "must be at least 1");
        }
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    /** At most {@code perSecond} messages per second. */
    public static RateLimit perSecond(int perSecond) {
        return new RateLimit(perSecond);
    }

    public int perSecond() {
        return perSecond;
    }

    /** Takes up to {@code wanted} tokens at {@code now} and returns how many it took (0 when the bucket is empty). */
    public synchronized int take(Instant now, int wanted) {
        ValidationException.required(now, "now");
        if (wanted < 0) {
            throw new ValidationException("wanted", wanted, "must not be negative");
        }
        if (filledAt == null) {
            filledAt = now;
        } else if (now.isAfter(filledAt)) {
            double seconds = java.time.Duration.between(filledAt, now).toNanos() / 1e9;
            tokens = Math.min(perSecond, tokens + seconds * perSecond);
            filledAt = now;
        }
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        return granted;
    }

    /** Gives back tokens taken but not used (claimed fewer entries than granted). */
    public synchronized void giveBack(int unused) {
        if (unused < 0) {
            throw new ValidationException("unused", unused, "must not be negative");
        }
        tokens = Math.min(perSecond, tokens + unused);
    }
}
