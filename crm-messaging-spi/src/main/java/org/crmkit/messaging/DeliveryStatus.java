package org.crmkit.messaging;

/** The final state a provider reports for a message it accepted. */
public enum DeliveryStatus {
    /** The handset (or mailbox) has the message. */
    DELIVERED,
    /** The provider gave up: unknown subscriber, blocked, rejected downstream. */
    UNDELIVERABLE,
    /** The validity period ran out before the message could be delivered. */
    EXPIRED
}
