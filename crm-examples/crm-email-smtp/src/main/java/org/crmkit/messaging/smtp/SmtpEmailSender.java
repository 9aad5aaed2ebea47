package org.crmkit.messaging.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.EmailSender;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EmailSender} that speaks SMTP through Angus Mail, keeping one connection open for many messages.
 *
 * <p>Invariants and guarantees:
 * <ul>
 *   <li>At most one connection is open at a time; sends are serialised on it (the class is thread-safe;
 *       composing the MIME message happens outside the lock). With {@code reuse-connection=false} the
 *       connection is closed after every message.</li>
 *   <li>A reused connection that turns out to be dead (closed by the server, {@code 421}, reset) is
 *       detected on the next send, which reconnects once and resends. That is safe because the failure
 *       came before the terminating {@code "."}: the server cannot have accepted the message.</li>
 *   <li>Replies map to outcomes: {@code 2xx} after the data is {@link SendOutcome.Accepted} with the
 *       message's Message-ID as provider id; {@code 4xx} is {@link SendOutcome.TemporaryFailure};
 *       {@code 5xx} is {@link SendOutcome.PermanentFailure} with the reply code as its code; a server
 *       that cannot be reached is temporary; rejected credentials are permanent ({@code auth}); a timeout
 *       or a dropped connection after the data was sent is {@link SendOutcome.Unknown}.</li>
 *   <li>The Message-ID is {@link EmailMessage#messageId(String)}, so a resend of the same idempotency key
 *       carries the same id and the receiving side can recognise the duplicate.</li>
 * </ul>
 */
public final class SmtpEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailSender.class);

    private final SmtpSettings settings;
    private final MimeComposer composer;
    private final StagedSmtpTransport transport;
    private final Object lock = new Object();

    /** The transport is connected as far as this sender knows; guarded by {@link #lock}. */
    private boolean open;
    private int sentOnConnection;
    private boolean closed;

    public SmtpEmailSender(SmtpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A sender that dates its messages by {@code clock}. Nothing is connected until the first send. */
    public SmtpEmailSender(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Session session = Session.getInstance(sessionProperties(settings));
        boolean ssl = settings.security() == SmtpSecurity.SSL;
        this.transport = new StagedSmtpTransport(session,
                new URLName(ssl ? "smtps" : "smtp", settings.host(), settings.port(), null, null, null), ssl);
        this.composer = new MimeComposer(session, settings.messageIdDomain(), Objects.requireNonNull(clock, "clock"));
    }

    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public SendOutcome send(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        MimeComposer.Composed composed;
        try {
            composed = composer.compose(message);
        } catch (MimeComposer.UnsendableException e) {
            return SendOutcome.permanent(e.code(), e.getMessage());
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this SMTP sender for " + where() + " is closed");
            }
            boolean reused = open;
            Attempt first = attempt(composed);
            if (first.resendable() && reused) {
                LOG.debug("SMTP connection to {} was lost before message {} was sent; reconnecting once: {}",
                        where(), composed.messageId(), first.outcome());
                return attempt(composed).outcome();
            }
            return first.outcome();
        }
    }

    /** Closes the connection (sending {@code QUIT}); later sends are refused. Calling it twice is harmless. */
    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                disconnect();
            }
        }
    }

    /** One try on the current (or a fresh) connection; {@code resendable} when nothing can have reached the server. */
    private record Attempt(SendOutcome outcome, boolean resendable) {

        static Attempt done(SendOutcome outcome) {
            return new Attempt(outcome, false);
        }
    }

    private Attempt attempt(MimeComposer.Composed composed) {
        if (!open) {
            try {
                transport.connect(settings.host(), settings.port(),
                        settings.username().orElse(null), settings.password().orElse(null));
                open = true;
                sentOnConnection = 0;
            } catch (AuthenticationFailedException e) {
                disconnect();
                return Attempt.done(SendOutcome.permanent("auth", "SMTP server " + where() + " rejected the credentials of \""
                        + settings.username().orElse("") + "\": " + describe(e)));
            } catch (jakarta.mail.MessagingException | IllegalStateException e) {
                disconnect();
                return Attempt.done(SendOutcome.temporary("cannot connect to SMTP server " + where() + " ("
                        + settings.security().configValue() + "): " + describe(e), Duration.ZERO));
            }
        }
        transport.beginMessage();
        try {
            transport.sendMessage(composed.mime(), composed.recipients());
        } catch (SMTPSendFailedException e) {
            return replied(e.getReturnCode(), e.getMessage());
        } catch (SendFailedException e) {
            return recipientsRefused(e);
        } catch (jakarta.mail.MessagingException | IllegalStateException e) {
            StagedSmtpTransport.Stage stage = transport.stage();
            disconnect();
            return lost(stage, describe(e));
        }
        sentOnConnection++;
        if (!settings.reuseConnection()
                || (settings.maxMessagesPerConnection() > 0 && sentOnConnection >= settings.maxMessagesPerConnection())) {
            disconnect();
        }
        return Attempt.done(SendOutcome.accepted(composed.messageId(), 1));
    }

    /** The server answered {@code MAIL FROM}, {@code DATA} or the end of data with something other than success. */
    private Attempt replied(int code, String reply) {
        StagedSmtpTransport.Stage stage = transport.stage();
        String text = oneLine(reply);
        if (code == 421) {
            // the server is closing the channel: the connection is gone either way
            disconnect();
            if (stage != StagedSmtpTransport.Stage.AWAITING_REPLY) {
                return new Attempt(SendOutcome.temporary("SMTP server " + where() + " is closing the connection: " + text,
                        Duration.ZERO), true);
            }
        }
        if (code >= 400 && code < 500) {
            return Attempt.done(SendOutcome.temporary("SMTP server " + where() + " answered " + text, Duration.ZERO));
        }
        if (code >= 500 && code < 600) {
            return Attempt.done(SendOutcome.permanent(Integer.toString(code), text));
        }
        disconnect();
        return lost(stage, "no valid reply (" + (text.isEmpty() ? "connection closed" : text) + ")");
    }

    /** One or more {@code RCPT TO} were refused; the message was not sent to anyone. */
    private Attempt recipientsRefused(SendFailedException refused) {
        List<String> temporary = new ArrayList<>();
        List<String> permanent = new ArrayList<>();
        String firstPermanentCode = null;
        Exception next = refused;
        while (next != null) {
            if (next instanceof SMTPAddressFailedException) {
                SMTPAddressFailedException address = (SMTPAddressFailedException) next;
                int code = address.getReturnCode();
                String line = address.getAddress().getAddress() + ": " + oneLine(address.getMessage());
                if (code >= 500 && code < 600) {
                    permanent.add(line);
                    firstPermanentCode = firstPermanentCode == null ? Integer.toString(code) : firstPermanentCode;
                } else if (code >= 400 && code < 500) {
                    temporary.add(line);
                } else {
                    StagedSmtpTransport.Stage stage = transport.stage();
                    disconnect();
                    return lost(stage, "no valid reply to RCPT TO for " + address.getAddress().getAddress());
                }
            }
            next = next instanceof jakarta.mail.MessagingException ? ((jakarta.mail.MessagingException) next).getNextException() : null;
        }
        if (!permanent.isEmpty()) {
            List<String> all = new ArrayList<>(permanent);
            all.addAll(temporary);
            return Attempt.done(SendOutcome.permanent(firstPermanentCode, "recipients refused by " + where() + ": "
                    + String.join("; ", all)));
        }
        if (!temporary.isEmpty()) {
            return Attempt.done(SendOutcome.temporary("recipients deferred by " + where() + ": " + String.join("; ", temporary),
                    Duration.ZERO));
        }
        return Attempt.done(SendOutcome.permanent("rejected", "SMTP send to " + where() + " refused: " + describe(refused)));
    }

    /** The connection broke or timed out; what that means depends on how far the message got. */
    private Attempt lost(StagedSmtpTransport.Stage stage, String detail) {
        if (stage == StagedSmtpTransport.Stage.AWAITING_REPLY) {
            return Attempt.done(SendOutcome.unknown("no reply from SMTP server " + where()
                    + " after the message data was sent; it may have accepted the message: " + detail));
        }
        return new Attempt(SendOutcome.temporary("connection to SMTP server " + where()
                + " failed before the message was sent: " + detail, Duration.ZERO), true);
    }

    private void disconnect() {
        open = false;
        try {
            transport.close();
        } catch (jakarta.mail.MessagingException | IllegalStateException e) {
            LOG.debug("closing the SMTP connection to {} failed (ignored): {}", where(), e.toString());
        }
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    static Properties sessionProperties(SmtpSettings settings) {
        String prefix = settings.security() == SmtpSecurity.SSL ? "mail.smtps." : "mail.smtp.";
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(settings.connectionTimeout().toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(settings.timeout().toMillis()));
        if (!settings.writeTimeout().isZero()) {
            properties.setProperty(prefix + "writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        }
        properties.setProperty(prefix + "auth", Boolean.toString(settings.username().isPresent()));
        boolean startTls = settings.security() == SmtpSecurity.STARTTLS;
        properties.setProperty(prefix + "starttls.enable", Boolean.toString(startTls));
        properties.setProperty(prefix + "starttls.required", Boolean.toString(startTls));
        properties.setProperty(prefix + "ssl.enable", Boolean.toString(settings.security() == SmtpSecurity.SSL));
        properties.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(settings.sslCheckServerIdentity()));
        settings.sslTrust().ifPresent(hosts -> properties.setProperty(prefix + "ssl.trust", hosts));
        settings.heloName().ifPresent(name -> properties.setProperty(prefix + "localhost", name));
        settings.envelopeFrom().ifPresent(address -> properties.setProperty(prefix + "from", address));
        // a dead connection must not hold the sender for a whole timeout while closing
        properties.setProperty(prefix + "quitwait", "false");
        return properties;
    }

    private static String oneLine(String reply) {
        return reply == null ? "" : reply.strip().replaceAll("\\s*[\\r\\n]+\\s*", " / ");
    }

    /** The exception and its causes on one line, e.g. "Exception reading response: SocketTimeoutException: Read timed out". */
    private static String describe(Throwable error) {
        List<String> pieces = new ArrayList<>();
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : oneLine(cause.getMessage());
            boolean repeated = !message.isEmpty() && pieces.stream().anyMatch(piece -> piece.contains(message));
            String piece = cause == error ? message
                    : cause.getClass().getSimpleName() + (message.isEmpty() || repeated ? "" : ": " + message);
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces.isEmpty() ? error.getClass().getSimpleName() : String.join(": ", pieces);
    }
}
