package org.crmkit.messaging.email;

import org.crmkit.messaging.SendOutcome;

/**
 * Sends e-mails through one provider (an SMTP server, an HTTP API). Created by an
 * {@link EmailSenderProvider}; may hold a connection, so the host closes it.
 *
 * <p>Invariants: {@link #send} never throws for anything that can happen to a message (refused,
 * throttled, server down, timeout): it returns a {@link SendOutcome}. It is safe to call from several
 * threads unless the implementation says otherwise. The Message-ID it sets is
 * {@link EmailMessage#messageId(String)}, so a resubmission with the same idempotency key carries the same id.
 */
public interface EmailSender extends AutoCloseable {

    SendOutcome send(EmailMessage message);

    /** Releases connections and threads; does not throw checked exceptions. */
    @Override
    void close();
}
