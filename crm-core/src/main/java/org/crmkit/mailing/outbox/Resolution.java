package org.crmkit.mailing.outbox;

/**
 * An operator's decision on an {@link OutboxState#UNKNOWN} entry: it was sent (it becomes {@code SENT} and
 * goes on the client's history), or it was not (it becomes {@code PENDING} and is sent again).
 */
public enum Resolution {
    SENT, NOT_SENT
}
