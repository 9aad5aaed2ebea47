package org.crmkit.messaging.http;

/** How the gateway learns the delivery status of the messages it submitted. */
public enum StatusMode {
    /** The service POSTs receipts to an endpoint the gateway serves ({@code /receipts}). */
    CALLBACK,
    /** The gateway asks {@code GET {base-url}/messages/{id}} until the status is final. */
    POLLING
}
