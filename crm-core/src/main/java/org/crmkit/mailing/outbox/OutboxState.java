package org.crmkit.mailing.outbox;

/**
 * The states of an outbox entry. {@code PENDING} waits to be claimed; {@code SENDING} is claimed by one
 * sender under a lease; {@code SENT} was accepted by the provider; {@code TEMPORARY_FAILURE} is tried again
 * at its next attempt time; {@code PERMANENT_FAILURE} is refused for good; {@code UNKNOWN} may or may not have
 * gone out (a lease ended during the send, or the provider could not say), so it is never retried blindly;
 * {@code DEAD} ran out of attempts; {@code CANCELLED} will not be sent (the mailing was cancelled, or the
 * consent was withdrawn).
 */
public enum OutboxState {
    PENDING, SENDING, SENT, TEMPORARY_FAILURE, PERMANENT_FAILURE, UNKNOWN, DEAD, CANCELLED;

    /** Whether a sender may still send it without anybody's decision: pending, sending or waiting for a retry. */
    public boolean isOpen() {
        return this == PENDING || this == SENDING || this == TEMPORARY_FAILURE;
    }
}
