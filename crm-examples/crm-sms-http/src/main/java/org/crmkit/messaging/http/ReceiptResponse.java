package org.crmkit.messaging.http;

import java.util.Objects;

/**
 * What the host's HTTP server answers the provider's callback: a status, a content type and a body. A
 * refused callback (forged, malformed) gets a 4xx status with the reason as plain text.
 */
public record ReceiptResponse(int status, String contentType, String body) {

    public ReceiptResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, got " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    static ReceiptResponse text(int status, String body) {
        return new ReceiptResponse(status, "text/plain; charset=utf-8", body);
    }
}
