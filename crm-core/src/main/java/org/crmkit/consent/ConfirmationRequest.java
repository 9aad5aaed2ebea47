package org.crmkit.consent;

import org.crmkit.common.ValidationException;

/**
 * A pending consent and the single-use token the host sends to its address (in a link). The token
 * is random (32 bytes, base64url, 43 characters) and tells nothing about the address or the
 * client; only its SHA-256 hash is stored, so a leaked database cannot confirm anything.
 */
public record ConfirmationRequest(ConsentEntry pending, String token) {
    public ConfirmationRequest {
        ValidationException.required(pending, "pending");
        ValidationException.required(token, "token");
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "ConfirmationRequest[pending=" + pending + ", token=…]";
    }
}
