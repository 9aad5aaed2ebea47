package org.crmkit.messaging.smtp;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.messaging.email.Attachment;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.Mailbox;

/**
 * Turns an {@link EmailMessage} into the MIME message that goes over the wire: UTF-8 everywhere (RFC 2047
 * encoded words in headers, RFC 2231 for attachment file names), {@code multipart/alternative} for text
 * plus HTML, {@code multipart/mixed} around it when there are attachments, and the deterministic
 * Message-ID of the idempotency key. Internationalised domains become their ASCII (punycode) form; a
 * non-ASCII local part cannot be sent without SMTPUTF8 and is refused.
 */
final class MimeComposer {

    private static final String UTF_8 = "UTF-8";

    private final Session session;
    private final Optional<String> messageIdDomain;
    private final Clock clock;

    MimeComposer(Session session, Optional<String> messageIdDomain, Clock clock) {
        this.session = session;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    /** A message ready for {@code Transport.sendMessage}, with its envelope recipients and Message-ID. */
    record Composed(MimeMessage mime, InternetAddress[] recipients, String messageId) {
    }

    /** The message cannot be put on the wire at all; {@code code} goes into a permanent failure. */
    static final class UnsendableException extends Exception {

        private final String code;

        UnsendableException(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    Composed compose(EmailMessage message) throws UnsendableException {
        InternetAddress from = internetAddress("from", message.from());
        String domain = messageIdDomain.orElseGet(() -> from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1));
        String messageId = message.messageId(domain);
        InternetAddress[] to = new InternetAddress[message.to().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = internetAddress("to", message.to().get(i));
        }
        try {
            MimeMessage mime = new IdentifiedMimeMessage(session, messageId);
            for (Map.Entry<String, String> header : message.headers().entrySet()) {
                String name = header.getKey();
                mime.setHeader(name, MimeUtility.fold(name.length() + 2,
                        MimeUtility.encodeText(header.getValue(), UTF_8, null)));
            }
            mime.setFrom(from);
            mime.setRecipients(Message.RecipientType.TO, to);
            if (message.replyTo().isPresent()) {
                mime.setReplyTo(new InternetAddress[] {internetAddress("replyTo", message.replyTo().get())});
            }
            mime.setSubject(message.subject(), UTF_8);
            mime.setSentDate(Date.from(clock.instant()));
            setBody(mime, message);
            mime.saveChanges();
            return new Composed(mime, to, messageId);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new UnsendableException("invalid_message",
                    "message " + message.idempotencyKey() + " cannot be written as MIME: " + e.getMessage(), e);
        }
    }

    private static void setBody(MimeMessage mime, EmailMessage message) throws MessagingException {
        boolean both = message.text().isPresent() && message.html().isPresent();
        String subtype = message.text().isPresent() ? "plain" : "html";
        String onlyText = message.text().or(message::html).orElse("");
        List<Attachment> attachments = message.attachments();
        if (attachments.isEmpty() && !both) {
            mime.setText(onlyText, UTF_8, subtype);
            return;
        }
        MimeBodyPart body;
        if (both) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(message.text().get(), "plain"));
            alternative.addBodyPart(textPart(message.html().get(), "html"));
            if (attachments.isEmpty()) {
                mime.setContent(alternative);
                return;
            }
            body = new MimeBodyPart();
            body.setContent(alternative);
        } else {
            body = textPart(onlyText, subtype);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        for (Attachment attachment : attachments) {
            mixed.addBodyPart(attachmentPart(attachment));
        }
        mime.setContent(mixed);
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, UTF_8, subtype);
        return part;
    }

    /**
     * The file name goes into both {@code Content-Disposition; filename} and {@code Content-Type; name},
     * encoded with an explicit UTF-8 charset: left to Jakarta Mail, non-ASCII names would be encoded in the
     * JVM's default charset, which on Java 17 may be ASCII.
     */
    private static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        ContentType type = new ContentType(attachment.contentType());
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), type.getBaseType())));
        ParameterList typeParameters = type.getParameterList() == null ? new ParameterList() : type.getParameterList();
        typeParameters.set("name", attachment.fileName(), UTF_8);
        part.setHeader("Content-Type", new ContentType(type.getPrimaryType(), type.getSubType(), typeParameters).toString());
        ParameterList dispositionParameters = new ParameterList();
        dispositionParameters.set("filename", attachment.fileName(), UTF_8);
        part.setHeader("Content-Disposition", new ContentDisposition("attachment", dispositionParameters).toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /**
     * The mailbox as an address SMTP can carry: the domain in its ASCII form, the display name encoded as UTF-8.
     */
    private static InternetAddress internetAddress(String field, Mailbox mailbox) throws UnsendableException {
        String address = mailbox.address();
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        if (!local.chars().allMatch(c -> c < 0x80)) {
            throw new UnsendableException("unsupported_address", field + " address \"" + address
                    + "\" has a non-ASCII local part, which needs SMTPUTF8 (not supported by this sender)", null);
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new UnsendableException("invalid_address", field + " address \"" + address
                    + "\" has a domain that is not a valid internationalised domain name: " + e.getMessage(), e);
        }
        InternetAddress result = new InternetAddress();
        result.setAddress(local + "@" + domain);
        if (mailbox.displayName().isPresent()) {
            try {
                result.setPersonal(mailbox.displayName().get(), UTF_8);
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("the JVM lacks UTF-8", e);
            }
        }
        return result;
    }

    /** A MIME message whose Message-ID is fixed in advance instead of generated on {@code saveChanges()}. */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
