package org.crmkit.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes new record ids. The default makes time-ordered UUIDs (version 7, RFC 9562) so that B-tree
 * indexes stay append-mostly; tests inject a deterministic one. Implementations must be
 * thread-safe and never return the same id twice; crmkit asks them only on the thread of the use case.
 */
@FunctionalInterface
public interface IdGenerator {
    UUID next();

    /** Time-ordered version-7 UUIDs from the given clock, monotonic within this generator. */
    static IdGenerator timeOrdered(Clock clock) {
        ValidationException.required(clock, "clock");
        SecureRandom random = new SecureRandom();
        AtomicLong last = new AtomicLong();
        return () -> {
            // 48 bits of milliseconds, then a 12-bit counter that keeps ids ordered within one millisecond
            long stamp = last.updateAndGet(prev -> Math.max(prev + 1, clock.millis() << 12));
            long millis = stamp >>> 12;
            long counter = stamp & 0xFFF;
            long high = (millis << 16) | 0x7000L | counter;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low);
        };
    }

    /** Ids 00000000-0000-7000-8000-000000000001, …2, …: readable, for tests and examples. */
    static IdGenerator sequential() {
        AtomicLong n = new AtomicLong();
        return () -> new UUID(0x7000L, 0x8000000000000000L | n.incrementAndGet());
    }
}
