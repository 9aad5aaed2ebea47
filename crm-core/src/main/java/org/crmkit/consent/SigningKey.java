package org.crmkit.consent;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * A secret the host gives crmkit to sign and encrypt {@link UnsubscribeTokens unsubscribe tokens},
 * under a short id that every token carries in clear so that the right key is found after a
 * {@link SigningKeys rotation}.
 *
 * <p>crmkit never makes a key up: the host generates one (32 or more random bytes, e.g.
 * {@code openssl rand -base64 32}), keeps it where it keeps its other secrets (a secret manager, an
 * environment variable of the service, a file readable by the service only; never in the database
 * next to the data the tokens point at, never in source control), and passes it in through
 * {@link #fromBase64(String, String)} or {@link #of(String, byte[])} at start-up. A lost key makes
 * the links already sent unusable; a leaked key lets anybody forge unsubscribe links of the tenants
 * it serves, so a leaked key is retired at once (without grace) and replaced.
 *
 * <p>The id is 1–16 of {@code A-Z a-z 0-9 _ -} (a date such as {@code 2026-12} is a good id). The
 * secret is copied in and out; {@link #toString()} shows the id only.
 */
public final class SigningKey {
    /** The shortest secret accepted: 256 bits, the HMAC-SHA256 block key size that gives full strength. */
    public static final int MIN_SECRET_BYTES = 32;
    /** The longest secret accepted (HMAC-SHA256 hashes longer keys first; nothing is gained beyond its block). */
    public static final int MAX_SECRET_BYTES = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final String id;
    private final byte[] secret;

    private SigningKey(String id, byte[] secret) {
        this.id = id;
        this.secret = secret;
    }

    /** The key {@code id} with the host's {@code secret} (copied), or a {@link ValidationException} naming the field. */
    public static SigningKey of(String id, byte[] secret) {
        checkId(id);
        ValidationException.required(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            // the value is never shown, only its length
            throw new ValidationException("secret", "(" + secret.length + " bytes)", "must be " + MIN_SECRET_BYTES + " to "
                    + MAX_SECRET_BYTES + " random bytes given by the host");
        }
        return new SigningKey(id, secret.clone());
    }

    /** The key {@code id} with a secret written in Base64 (standard or URL-safe alphabet), as a host keeps it in its configuration. */
    public static SigningKey fromBase64(String id, String secret) {
        checkId(id);
        ValidationException.required(secret, "secret");
        String trimmed = secret.strip();
        byte[] bytes;
        try {
            bytes = trimmed.contains("-") || trimmed.contains("_") ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException notBase64) {
            throw new ValidationException("secret", "(" + trimmed.length() + " characters)", "is not Base64");
        }
        try {
            return of(id, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ValidationException("keyId", id, "is not a key id (1-16 of A-Z a-z 0-9 _ -)");
        }
    }

    public String id() {
        return id;
    }

    /** A copy of the secret: crmkit's own code reads it once to derive the per-tenant keys. */
    byte[] secret() {
        return secret.clone();
    }

    /** Whether {@code other} has the same secret (compared in constant time), whatever its id. */
    boolean sameSecretAs(SigningKey other) {
        return MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
