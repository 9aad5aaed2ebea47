package org.crmkit.messaging.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crmkit.messaging.InvalidMessageException;

/**
 * One SMS as the caller wants it sent.
 *
 * <p>Invariants, checked on construction (an {@link InvalidMessageException} names the field and value):
 * <ul>
 *   <li>{@code idempotencyKey}: chosen by the caller, non-blank, at most 200 characters, one line; a gateway
 *       that declares {@link SmsCapabilities#idempotentResubmission()} sends a message with a key it has
 *       already accepted at most once;</li>
 *   <li>{@code sender}: an alphanumeric sender name of 1–11 characters, or a number of up to 15 digits
 *       with an optional leading {@code +}; no control characters;</li>
 *   <li>{@code destination}: E.164, a {@code +} followed by 7–15 digits, the first not 0: the rule of
 *       {@link SmsDestination};</li>
 *   <li>{@code text}: not empty; any characters (the encoding is chosen by {@link SmsParts});</li>
 *   <li>{@code validity}: when present, positive: how long the network keeps trying to deliver.</li>
 * </ul>
 */
public record SmsMessage(String idempotencyKey, String sender, String destination, String text, Optional<Duration> validity) {

    private static final Pattern NUMERIC_SENDER = Pattern.compile("\\+?[0-9]{1,15}");

    public SmsMessage {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200
                || idempotencyKey.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidMessageException("idempotencyKey", idempotencyKey,
                    "idempotencyKey must be one non-blank line of at most 200 characters, got \"" + idempotencyKey + "\"");
        }
        if (sender == null || sender.isBlank() || sender.chars().anyMatch(Character::isISOControl)
                || !(NUMERIC_SENDER.matcher(sender).matches() || sender.length() <= 11)) {
            throw new InvalidMessageException("sender", sender,
                    "sender must be a name of 1-11 characters or a number of up to 15 digits, got \"" + sender + "\"");
        }
        new SmsDestination(destination);
        if (text == null || text.isEmpty()) {
            throw new InvalidMessageException("text", text, "text must not be empty");
        }
        Objects.requireNonNull(validity, "validity");
        validity.ifPresent(v -> {
            if (v.isNegative() || v.isZero()) {
                throw new InvalidMessageException("validity", v.toString(), "validity must be positive, got " + v);
            }
        });
    }

    /** A message without a validity period (the provider's default applies). */
    public static SmsMessage of(String idempotencyKey, String sender, String destination, String text) {
        return new SmsMessage(idempotencyKey, sender, destination, text, Optional.empty());
    }

    /** A copy with the given validity period. */
    public SmsMessage withValidity(Duration validity) {
        return new SmsMessage(idempotencyKey, sender, destination, text, Optional.of(validity));
    }

    /** How the text encodes and how many parts it costs. */
    public SmsParts parts() {
        return SmsParts.of(text);
    }
}
