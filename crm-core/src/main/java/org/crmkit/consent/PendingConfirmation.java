package org.crmkit.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * What a store keeps of a confirmation token: its SHA-256 hash (64 lower-case hex digits), the
 * pending entry it confirms, when it expires and, once used, when. Never the token itself.
 */
public record PendingConfirmation(String tokenHash, ConsentEntryId entry, Instant expires, Optional<Instant> used) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public PendingConfirmation {
        if (tokenHash == null || !HASH.matcher(tokenHash).matches()) {
            throw new ValidationException("tokenHash", tokenHash, "is not a SHA-256 hash in hex");
        }
        ValidationException.required(entry, "entry");
        ValidationException.required(expires, "expires");
        ValidationException.required(used, "used");
        expires = expires.truncatedTo(ChronoUnit.MICROS);
        used = used.map(u -> u.truncatedTo(ChronoUnit.MICROS));
    }
}
