package org.crmkit.messaging.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.email.Attachment;
import org.crmkit.messaging.email.Mailbox;
import org.crmkit.messaging.kit.EmailServerDouble;
import org.crmkit.messaging.kit.ReceivedEmail;

/**
 * GreenMail on 127.0.0.1 (an ephemeral port) behind an {@link SmtpFaultProxy}: the real server receives,
 * the proxy adds the refusals GreenMail cannot produce and counts connections. Senders are pointed at the
 * proxy by {@link #senderConfig()}.
 */
final class GreenMailDouble implements EmailServerDouble, AutoCloseable {

    private final GreenMail greenMail;
    private final SmtpFaultProxy proxy;

    private GreenMailDouble(GreenMail greenMail, SmtpFaultProxy proxy) {
        this.greenMail = greenMail;
        this.proxy = proxy;
    }

    static GreenMailDouble start() {
        return start(GreenMailConfiguration.aConfig());
    }

    static GreenMailDouble start(GreenMailConfiguration configuration) {
        GreenMail greenMail = startGreenMail(0, configuration);
        try {
            return new GreenMailDouble(greenMail, new SmtpFaultProxy(greenMail.getSmtp().getPort()));
        } catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException(e);
        }
    }

    /** Plain SMTP GreenMail bound to 127.0.0.1 on {@code port} (0: any free port). */
    static GreenMail startGreenMail(int port, GreenMailConfiguration configuration) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.withConfiguration(configuration);
        greenMail.start();
        return greenMail;
    }

    /** Settings for a plain-text sender pointed at the proxy. */
    ProviderConfig senderConfig() {
        return ProviderConfig.of(Map.of(
                SmtpSettings.HOST, "127.0.0.1",
                SmtpSettings.PORT, Integer.toString(proxy.port()),
                SmtpSettings.SECURITY, "none",
                SmtpSettings.HELO_NAME, "crmkit.test"));
    }

    GreenMail greenMail() {
        return greenMail;
    }

    SmtpFaultProxy proxy() {
        return proxy;
    }

    @Override
    public List<ReceivedEmail> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(GreenMailDouble::decode).collect(Collectors.toList());
    }

    @Override
    public void rejectTemporarily(boolean on) {
        proxy.replyToMailFrom(on ? "451 4.3.0 Temporary local problem, try again later" : null);
    }

    @Override
    public void rejectPermanently(String address) {
        proxy.replyToRecipient(address, "550 5.1.1 <" + address + ">: Recipient address rejected: no such user");
    }

    @Override
    public void reset() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("GreenMail could not purge its mailboxes", e);
        }
        proxy.reset();
    }

    @Override
    public void close() {
        proxy.close();
        greenMail.stop();
    }

    /** A received message decoded the way a mail client shows it. */
    static ReceivedEmail decode(MimeMessage message) {
        try {
            Mailbox from = mailbox(message.getFrom()[0]);
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(address -> ((InternetAddress) address).getAddress())
                    .collect(Collectors.toList());
            Optional<Mailbox> replyTo = message.getHeader("Reply-To") == null
                    ? Optional.empty() : Optional.of(mailbox(message.getReplyTo()[0]));
            Map<String, String> headers = new LinkedHashMap<>();
            for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
                Header header = all.nextElement();
                headers.putIfAbsent(header.getName(), MimeUtility.decodeText(MimeUtility.unfold(header.getValue())));
            }
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new ReceivedEmail(from, to, replyTo, Optional.ofNullable(message.getSubject()).orElse(""),
                    Optional.ofNullable(bodies.text), Optional.ofNullable(bodies.html), headers, bodies.attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("GreenMail received a message that cannot be decoded", e);
        }
    }

    private static Mailbox mailbox(Address address) {
        InternetAddress internet = (InternetAddress) address;
        String personal = internet.getPersonal();
        return personal == null || personal.isBlank()
                ? Mailbox.of(internet.getAddress()) : Mailbox.of(internet.getAddress(), personal);
    }

    /** Walks the MIME tree: the first text/plain and text/html parts, and every attachment. */
    private static final class Bodies {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                try (var content = part.getInputStream()) {
                    attachments.add(new Attachment(part.getFileName(),
                            new ContentType(part.getContentType()).getBaseType(), content.readAllBytes()));
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }
    }
}
