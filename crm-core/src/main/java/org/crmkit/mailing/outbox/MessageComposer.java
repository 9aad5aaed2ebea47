package org.crmkit.mailing.outbox;

import org.crmkit.mailing.Mailing;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.sms.SmsMessage;

/**
 * Gives the content of an outbox entry at send time (templates plug in here). The sender calls it outside
 * any unit of work, once per submission; it must put {@code idempotencyKey} on the message, so that a
 * resubmission carries the same key (and an e-mail the same Message-ID). Anything it throws makes the entry a
 * permanent failure with the code {@code compose} and the exception's message; nothing is sent.
 */
public interface MessageComposer {
    /** The e-mail for an entry on the channel {@code EMAIL}. */
    EmailMessage email(Mailing mailing, OutboxEntry entry, String idempotencyKey);

    /** The SMS for an entry on the channel {@code SMS}. */
    SmsMessage sms(Mailing mailing, OutboxEntry entry, String idempotencyKey);
}
