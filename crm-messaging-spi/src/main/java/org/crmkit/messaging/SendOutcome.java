package org.crmkit.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one send, as a value the caller can always tell apart by {@link #kind()}:
 * <ul>
 *   <li>{@link Accepted}: the provider took the message; it has an id and a number of SMS parts
 *       (1 for e-mail);</li>
 *   <li>{@link TemporaryFailure}: not taken, try again (after {@code retryAfter} when the provider said);</li>
 *   <li>{@link PermanentFailure}: not taken and never will be (invalid destination, rejected credentials);</li>
 *   <li>{@link Unknown}: the provider may or may not have taken it (a timeout after the request was
 *       written); resubmit only with the same idempotency key, and only where the provider honours it.</li>
 * </ul>
 * A sender or gateway returns these instead of throwing for everything that can happen to a message;
 * exceptions are left for programming errors and misconfiguration.
 */
public sealed interface SendOutcome
        permits SendOutcome.Accepted, SendOutcome.TemporaryFailure, SendOutcome.PermanentFailure, SendOutcome.Unknown {

    /** The four alternatives, for a {@code switch}. */
    enum Kind { ACCEPTED, TEMPORARY_FAILURE, PERMANENT_FAILURE, UNKNOWN }

    Kind kind();

    default boolean isAccepted() {
        return kind() == Kind.ACCEPTED;
    }

    static Accepted accepted(String providerMessageId, int parts) {
        return new Accepted(providerMessageId, parts);
    }

    static TemporaryFailure temporary(String reason, Duration retryAfter) {
        return new TemporaryFailure(reason, retryAfter);
    }

    static PermanentFailure permanent(String code, String reason) {
        return new PermanentFailure(code, reason);
    }

    static Unknown unknown(String reason) {
        return new Unknown(reason);
    }

    /** Taken by the provider under {@code providerMessageId} (non-blank), as {@code parts} (at least 1) parts. */
    record Accepted(String providerMessageId, int parts) implements SendOutcome {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
            if (providerMessageId.isBlank()) {
                throw new IllegalArgumentException("providerMessageId must not be blank");
            }
            if (parts < 1) {
                throw new IllegalArgumentException("parts must be at least 1, got " + parts);
            }
        }

        @Override
        public Kind kind() {
            return Kind.ACCEPTED;
        }
    }

    /**
     * Not taken this time. {@code retryAfter} is the provider's hint, {@link Duration#ZERO} when it gave
     * none (the caller's retry policy decides); it is never negative.
     */
    record TemporaryFailure(String reason, Duration retryAfter) implements SendOutcome {
        public TemporaryFailure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
            }
        }

        @Override
        public Kind kind() {
            return Kind.TEMPORARY_FAILURE;
        }
    }

    /**
     * Refused for good. {@code code} is short and machine-readable (e.g. {@code invalid_destination},
     * {@code auth}, {@code 550}), {@code reason} is the provider's text.
     */
    record PermanentFailure(String code, String reason) implements SendOutcome {
        public PermanentFailure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.PERMANENT_FAILURE;
        }
    }

    /** The provider may or may not have taken the message, e.g. a timeout after the request was written. */
    record Unknown(String reason) implements SendOutcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.UNKNOWN;
        }
    }
}
