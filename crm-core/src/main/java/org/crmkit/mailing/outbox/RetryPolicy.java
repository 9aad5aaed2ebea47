package org.crmkit.mailing.outbox;

import java.time.Duration;
import java.util.Random;

import org.crmkit.common.ValidationException;

/**
 * When a temporary failure is tried again: after {@code base × 2^(attempts−1)}, at most {@code cap}, with
 * "equal jitter" (a random point in the upper half of that delay), and never before the provider's
 * {@code retryAfter}; after {@code maxAttempts} attempts an entry is dead. The random source is seeded, so a
 * test sees the same delays each run. Thread-safe.
 */
public final class RetryPolicy {
    /** 6 attempts from 30 seconds, at most an hour apart. */
    public static final int DEFAULT_MAX_ATTEMPTS = 6;

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final Random random;

    private RetryPolicy(int maxAttempts, Duration base, Duration cap, long seed) {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ValidationException("maxAttempts", maxAttempts, "must be between 1 and 100");
        }
        ValidationException.required(base, "base");
        ValidationException.required(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new ValidationException("base", base, "must be positive");
        }
        if (cap.compareTo(base) < 0) {
            throw new ValidationException("cap", cap, "must not be shorter than the base " + base);
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
        this.random = new Random(seed);
    }

    /** The policy with these figures and a jitter drawn from {@code seed}. */
    public static RetryPolicy of(int maxAttempts, Duration base, Duration cap, long seed) {
        return new RetryPolicy(maxAttempts, base, cap, seed);
    }

    /** 6 attempts, from 30 seconds, at most an hour apart, seeded from the system's time. */
    public static RetryPolicy standard() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(30), Duration.ofHours(1), System.nanoTime());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether an entry that has had {@code attempts} attempts may have another. */
    public boolean mayRetry(int attempts) {
        return attempts < maxAttempts;
    }

    /** How long to wait after the {@code attempts}-th attempt failed, honouring the provider's {@code retryAfter}. */
    public Duration delay(int attempts, Duration retryAfter) {
        ValidationException.required(retryAfter, "retryAfter");
        if (attempts < 1) {
            throw new ValidationException("attempts", attempts, "must be at least 1");
        }
        long baseMillis = base.toMillis();
        long capMillis = cap.toMillis();
        long exponential = attempts > 40 ? capMillis : Math.min(capMillis, baseMillis << Math.min(attempts - 1, 40));
        long half = exponential / 2;
        long jittered;
        synchronized (random) {
            jittered = half + (long) (random.nextDouble() * (exponential - half));
        }
        Duration backoff = Duration.ofMillis(Math.max(1, jittered));
        return backoff.compareTo(retryAfter) >= 0 ? backoff : retryAfter;
    }
}
