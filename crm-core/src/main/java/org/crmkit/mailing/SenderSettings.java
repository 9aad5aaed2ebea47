package org.crmkit.mailing;

import org.crmkit.common.ValidationException;
import org.crmkit.consent.UnsubscribeHeaders;
import org.crmkit.consent.UnsubscribeTokens;
import org.crmkit.messaging.email.Mailbox;

/**
 * What the host gives the sender that composes messages from a mailing's own templates
 * ({@link Mailings#sender(org.crmkit.mailing.outbox.Outlets, SenderSettings)}): the e-mail sender's mailbox,
 * the SMS source address, and for one-click unsubscribe (RFC 8058) the token issuer (its signing keys are the
 * host's, from its secret store) and the headers' https base URL and mailbox. Every marketing e-mail carries
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} with a token for its recipient.
 */
public record SenderSettings(Mailbox from, String smsSource, UnsubscribeTokens tokens, UnsubscribeHeaders unsubscribe) {
    public SenderSettings {
        ValidationException.required(from, "from");
        ValidationException.required(smsSource, "smsSource");
        ValidationException.required(tokens, "tokens");
        ValidationException.required(unsubscribe, "unsubscribe");
        if (smsSource.isBlank() || smsSource.length() > 20 || smsSource.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("smsSource", smsSource, "must be one line of 1 to 20 characters");
        }
    }
}
