package org.crmkit.consent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/**
 * What an unsubscribe link stands for: the tenant's {@link ConsentSubject}, the channel and purpose
 * whose consent is withdrawn, the address or number the message went to (consent is kept per
 * address: the link withdraws it for that one only), the mailing it came with if any (an opaque
 * id of the host's, 1–64 of {@code A-Z a-z 0-9 . _ : -}), and when it was issued, to the second.
 *
 * <p>{@link UnsubscribeTokens} turns one into the text a message carries and back. The address is
 * at most 254 bytes in UTF-8 (the longest e-mail address), not blank, without control characters.
 */
public record UnsubscribeToken(TenantId tenant, ConsentSubject subject, Channel channel, Purpose purpose, String address,
        Optional<String> mailing, Instant issuedAt) {
    /** The longest address, in UTF-8 bytes. */
    public static final int MAX_ADDRESS_BYTES = 254;
    private static final Pattern MAILING = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Validates every field; {@code issuedAt} is truncated to the second, as the token text keeps it. */
    public UnsubscribeToken {
        ValidationException.required(tenant, "tenant");
        ValidationException.required(subject, "subject");
        ValidationException.required(channel, "channel");
        ValidationException.required(purpose, "purpose");
        ValidationException.required(address, "address");
        ValidationException.required(mailing, "mailing");
        ValidationException.required(issuedAt, "issuedAt");
        if (address.isBlank() || address.strip().length() != address.length()) {
            throw new ValidationException("address", address, "must be the address or number as sent, without surrounding space");
        }
        if (address.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            throw new ValidationException("address", address, "contains a control or format character");
        }
        int bytes = address.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ADDRESS_BYTES) {
            throw new ValidationException("address", address, "is " + bytes + " bytes in UTF-8; at most " + MAX_ADDRESS_BYTES + " are allowed");
        }
        mailing.ifPresent(m -> {
            if (!MAILING.matcher(m).matches()) {
                throw new ValidationException("mailing", m, "is not a mailing reference (1-64 of A-Z a-z 0-9 . _ : -)");
            }
        });
        if (issuedAt.getEpochSecond() < 0 || issuedAt.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
            throw new ValidationException("issuedAt", issuedAt, "is outside 1970-01-01..9999-12-31");
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A token without a mailing. */
    public static UnsubscribeToken of(TenantId tenant, ConsentSubject subject, Channel channel, Purpose purpose, String address,
            Instant issuedAt) {
        return new UnsubscribeToken(tenant, subject, channel, purpose, address, Optional.empty(), issuedAt);
    }

    /** This token for the mailing {@code mailing}. */
    public UnsubscribeToken forMailing(String mailing) {
        return new UnsubscribeToken(tenant, subject, channel, purpose, address, Optional.of(ValidationException.required(mailing, "mailing")),
                issuedAt);
    }
}
