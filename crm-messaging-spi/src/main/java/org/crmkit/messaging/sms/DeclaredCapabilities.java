package org.crmkit.messaging.sms;

/** The value {@link SmsCapabilities.Builder} builds. */
record DeclaredCapabilities(int maxMessagesPerSecond, int maxParts, boolean deliveryReceipts, boolean idempotentResubmission)
        implements SmsCapabilities {
}
