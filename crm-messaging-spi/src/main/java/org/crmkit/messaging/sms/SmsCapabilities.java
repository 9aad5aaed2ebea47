package org.crmkit.messaging.sms;

/**
 * What a gateway declares it can do, so a caller can pace itself and know whether to wait for receipts.
 * Every method has a conservative default; capabilities added later are new {@code default} methods, so
 * existing plugins keep compiling. Create a value with {@link #builder()}.
 */
public interface SmsCapabilities {

    /** The defaults: unlimited rate, 10 parts, no receipts, no idempotent resubmission. */
    SmsCapabilities DEFAULTS = new SmsCapabilities() {
        @Override
        public String toString() {
            return "SmsCapabilities.DEFAULTS";
        }
    };

    /** The most messages (submissions) per second the provider takes; 0 means no declared limit. */
    default int maxMessagesPerSecond() {
        return 0;
    }

    /** The most parts one message may have; longer texts are refused with a permanent failure. */
    default int maxParts() {
        return 10;
    }

    /** Whether listeners registered with {@link SmsGateway#onReceipt} receive delivery receipts. */
    default boolean deliveryReceipts() {
        return false;
    }

    /**
     * Whether resubmitting a message with the same idempotency key (after an {@code Unknown} outcome)
     * is safe: the provider sends it at most once.
     */
    default boolean idempotentResubmission() {
        return false;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds an immutable {@link SmsCapabilities}, starting from the defaults. */
    final class Builder {
        private int maxMessagesPerSecond = DEFAULTS.maxMessagesPerSecond();
        private int maxParts = DEFAULTS.maxParts();
        private boolean deliveryReceipts = DEFAULTS.deliveryReceipts();
        private boolean idempotentResubmission = DEFAULTS.idempotentResubmission();

        Builder() {
        }

        public Builder maxMessagesPerSecond(int maxMessagesPerSecond) {
            if (maxMessagesPerSecond < 0) {
                throw new IllegalArgumentException("maxMessagesPerSecond must be 0 (unlimited) or more, got " + maxMessagesPerSecond);
            }
            this.maxMessagesPerSecond = maxMessagesPerSecond;
            return this;
        }

        public Builder maxParts(int maxParts) {
            if (maxParts < 1 || maxParts > 255) {
                throw new IllegalArgumentException("maxParts must be between 1 and 255, got " + maxParts);
            }
            this.maxParts = maxParts;
            return this;
        }

        public Builder deliveryReceipts(boolean deliveryReceipts) {
            this.deliveryReceipts = deliveryReceipts;
            return this;
        }

        public Builder idempotentResubmission(boolean idempotentResubmission) {
            this.idempotentResubmission = idempotentResubmission;
            return this;
        }

        public SmsCapabilities build() {
            return new DeclaredCapabilities(maxMessagesPerSecond, maxParts, deliveryReceipts, idempotentResubmission);
        }
    }
}
