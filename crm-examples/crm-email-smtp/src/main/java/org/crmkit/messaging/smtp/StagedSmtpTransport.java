package org.crmkit.messaging.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, remembering how far the current message got. The sender needs this to
 * tell a failure the server cannot have acted on (before the terminating {@code "."} went out: safe to
 * resend) from one it may have acted on (after it: the outcome is unknown).
 */
final class StagedSmtpTransport extends SMTPTransport {

    /** How far the message in flight got; only ever moves forward until {@link #beginMessage()}. */
    enum Stage {
        /** {@code MAIL FROM} / {@code RCPT TO} / {@code DATA} exchanged, no content sent yet. */
        ENVELOPE,
        /** The server answered {@code 354}; content is being written, without the terminator. */
        CONTENT,
        /** The terminating {@code "."} is being written or was written; the reply is awaited. */
        AWAITING_REPLY
    }

    private volatile Stage stage = Stage.ENVELOPE;

    StagedSmtpTransport(Session session, URLName url, boolean ssl) {
        super(session, url, ssl ? "smtps" : "smtp", ssl);
    }

    void beginMessage() {
        stage = Stage.ENVELOPE;
    }

    Stage stage() {
        return stage;
    }

    @Override
    protected OutputStream data() throws MessagingException {
        OutputStream out = super.data();
        stage = Stage.CONTENT;
        return out;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        stage = Stage.AWAITING_REPLY;
        super.finishData();
    }
}
