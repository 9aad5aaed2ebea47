package org.crmkit.messaging.http;

/** A callback the gateway does not take: forged, malformed or of the wrong kind; carries the HTTP status to answer. */
final class ReceiptRefusedException extends RuntimeException {

    private final int status;

    ReceiptRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
