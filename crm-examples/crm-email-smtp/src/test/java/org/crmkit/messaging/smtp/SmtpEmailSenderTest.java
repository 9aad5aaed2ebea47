package org.crmkit.messaging.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.Attachment;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.Mailbox;
import org.crmkit.messaging.kit.ReceivedEmail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP sender against GreenMail (through the fault proxy, which counts connections and produces the
 * replies GreenMail cannot): connection reuse and reconnection, the mapping of replies and failures to
 * outcomes, the wire format of UTF-8 headers and the deterministic Message-ID.
 */
class SmtpEmailSenderTest {

    private GreenMailDouble server;
    private final List<SmtpEmailSender> senders = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = GreenMailDouble.start();
    }

    @AfterEach
    void stopServer() {
        senders.forEach(SmtpEmailSender::close);
        server.close();
    }

    @Test
    void manyMessagesTravelOverOneConnection() {
        SmtpEmailSender sender = sender(server.senderConfig());

        for (int i = 0; i < 50; i++) {
            assertAccepted(sender.send(message("reuse-" + i, "Reuse " + i)));
        }

        assertThat(server.greenMail().waitForIncomingEmail(5_000, 50)).isTrue();
        assertThat(server.proxy().connections()).isEqualTo(1);
    }

    @Test
    void withoutReuseEveryMessageOpensItsOwnConnection() {
        SmtpEmailSender sender = sender(server.senderConfig().with(SmtpSettings.REUSE_CONNECTION, "false"));

        for (int i = 0; i < 5; i++) {
            assertAccepted(sender.send(message("single-" + i, "Single " + i)));
        }

        assertThat(server.greenMail().waitForIncomingEmail(5_000, 5)).isTrue();
        assertThat(server.proxy().connections()).isEqualTo(5);
    }

    @Test
    void aConnectionIsReplacedAfterTheConfiguredNumberOfMessages() {
        SmtpEmailSender sender = sender(server.senderConfig().with(SmtpSettings.MAX_MESSAGES_PER_CONNECTION, "10"));

        for (int i = 0; i < 25; i++) {
            assertAccepted(sender.send(message("capped-" + i, "Capped " + i)));
        }

        assertThat(server.proxy().connections()).isEqualTo(3);
    }

    @Test
    void concurrentSendersShareTheOneConnection() throws Exception {
        SmtpEmailSender sender = sender(server.senderConfig());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<SendOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                EmailMessage message = message("parallel-" + i, "Parallel " + i);
                outcomes.add(threads.submit(() -> sender.send(message)));
            }
            for (Future<SendOutcome> outcome : outcomes) {
                assertAccepted(outcome.get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(server.greenMail().waitForIncomingEmail(5_000, 100)).isTrue();
        assertThat(server.received().stream().map(ReceivedEmail::subject).distinct().count()).isEqualTo(100);
        assertThat(server.proxy().connections()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsReopenedAndTheMessageSentOnce() {
        SmtpEmailSender sender = sender(server.senderConfig());
        assertAccepted(sender.send(message("before-drop", "Before the drop")));

        server.proxy().dropAll();
        SendOutcome outcome = sender.send(message("after-drop", "After the drop"));

        assertAccepted(outcome);
        assertThat(server.proxy().connections()).isEqualTo(2);
        assertThat(subjects()).containsExactly("Before the drop", "After the drop");
    }

    @Test
    void aServerClosingTheConnectionWith421IsReconnectedToAndTheMessageResent() {
        SmtpEmailSender sender = sender(server.senderConfig());
        assertAccepted(sender.send(message("first", "First")));
        server.proxy().closeOnNextMailFrom("421 4.7.0 Too many messages on this connection, closing");

        assertAccepted(sender.send(message("second", "Second")));

        assertThat(server.proxy().connections()).isEqualTo(2);
        assertThat(subjects()).containsExactly("First", "Second");
    }

    @Test
    void aRestartedServerIsReconnectedTo() {
        int port = freePort();
        GreenMail first = GreenMailDouble.startGreenMail(port, GreenMailConfiguration.aConfig());
        GreenMail second = null;
        try {
            SmtpEmailSender sender = sender(ProviderConfig.of(java.util.Map.of(
                    SmtpSettings.HOST, "127.0.0.1", SmtpSettings.PORT, Integer.toString(port), SmtpSettings.SECURITY, "none")));
            assertAccepted(sender.send(message("before-restart", "Before the restart")));
            assertThat(first.getReceivedMessages()).hasSize(1);

            first.stop();
            second = GreenMailDouble.startGreenMail(port, GreenMailConfiguration.aConfig());
            SendOutcome outcome = sender.send(message("after-restart", "After the restart"));

            assertAccepted(outcome);
            assertThat(Arrays.stream(second.getReceivedMessages()).map(GreenMailDouble::decode).map(ReceivedEmail::subject))
                    .containsExactly("After the restart");
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    void aServerThatIsDownIsATemporaryFailureAndTheSenderRecoversWhenItComesUp() {
        int port = freePort();
        SmtpEmailSender sender = sender(ProviderConfig.of(java.util.Map.of(
                SmtpSettings.HOST, "127.0.0.1", SmtpSettings.PORT, Integer.toString(port), SmtpSettings.SECURITY, "none")));

        SendOutcome down = sender.send(message("while-down", "While down"));

        assertThat(down).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(((SendOutcome.TemporaryFailure) down).reason()).contains("cannot connect", "127.0.0.1:" + port);
        GreenMail late = GreenMailDouble.startGreenMail(port, GreenMailConfiguration.aConfig());
        try {
            assertAccepted(sender.send(message("while-down", "While down")));
            assertThat(late.getReceivedMessages()).hasSize(1);
        } finally {
            late.stop();
        }
    }

    @Test
    void a4xxReplyToTheRecipientIsTemporary() {
        server.proxy().replyToRecipient("ivan@crmkit.test", "452 4.2.2 Mailbox full");

        SendOutcome outcome = sender(server.senderConfig()).send(message("full", "Full"));

        assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(((SendOutcome.TemporaryFailure) outcome).reason()).contains("452 4.2.2 Mailbox full");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a5xxReplyToTheRecipientIsPermanentWithTheReplyCode() {
        server.proxy().replyToRecipient("ivan@crmkit.test", "550 5.1.1 No such user");

        SendOutcome outcome = sender(server.senderConfig()).send(message("nouser", "No user"));

        assertThat(outcome).isEqualTo(SendOutcome.permanent("550",
                "recipients refused by 127.0.0.1:" + server.proxy().port() + ": ivan@crmkit.test: 550 5.1.1 No such user"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a5xxReplyToTheSenderIsPermanent() {
        server.proxy().replyToMailFrom("553 5.7.1 Sender address rejected: not owned by user");

        SendOutcome outcome = sender(server.senderConfig()).send(message("badsender", "Bad sender"));

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(((SendOutcome.PermanentFailure) outcome).code()).isEqualTo("553");
    }

    @Test
    void repliesToTheEndOfDataMapBy4xxAnd5xxAndTheConnectionStaysUsable() {
        SmtpEmailSender sender = sender(server.senderConfig());

        server.proxy().replyToDataEnd("554 5.7.1 Message rejected as spam");
        SendOutcome spam = sender.send(message("spam", "Spam"));
        server.proxy().replyToDataEnd("451 4.7.1 Greylisted, try again in 5 minutes");
        SendOutcome greylisted = sender.send(message("grey", "Grey"));
        server.proxy().replyToDataEnd(null);
        SendOutcome fine = sender.send(message("fine", "Fine"));

        assertThat(spam).isEqualTo(SendOutcome.permanent("554", "554 5.7.1 Message rejected as spam"));
        assertThat(greylisted).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(((SendOutcome.TemporaryFailure) greylisted).reason()).contains("451 4.7.1 Greylisted");
        assertAccepted(fine);
        assertThat(subjects()).containsExactly("Fine");
        assertThat(server.proxy().connections()).isEqualTo(1);
    }

    @Test
    void noReplyAfterTheDataIsUnknownBecauseTheServerMayHaveTakenIt() {
        SmtpEmailSender sender = sender(server.senderConfig().with(SmtpSettings.TIMEOUT, "PT1S"));
        server.proxy().afterData(SmtpFaultProxy.AfterData.SWALLOW_REPLY);

        SendOutcome outcome = sender.send(message("silent", "Silent"));

        assertThat(outcome).isInstanceOf(SendOutcome.Unknown.class);
        assertThat(((SendOutcome.Unknown) outcome).reason()).contains("after the message data was sent");
        // it did arrive: this is why an unknown outcome must not be resent blindly
        assertThat(subjects()).containsExactly("Silent");
    }

    @Test
    void aConnectionClosedAfterTheDataIsUnknownAndTheNextMessageReconnects() {
        SmtpEmailSender sender = sender(server.senderConfig());
        server.proxy().afterData(SmtpFaultProxy.AfterData.CLOSE);

        SendOutcome outcome = sender.send(message("cut", "Cut"));
        server.proxy().afterData(SmtpFaultProxy.AfterData.FORWARD);
        SendOutcome next = sender.send(message("next", "Next"));

        assertThat(outcome).isInstanceOf(SendOutcome.Unknown.class);
        assertAccepted(next);
        assertThat(server.proxy().connections()).isEqualTo(2);
        assertThat(subjects()).containsExactly("Cut", "Next");
    }

    @Test
    void theMessageIdIsDeterministicAndTheProviderId() {
        SmtpEmailSender sender = sender(server.senderConfig().with(SmtpSettings.MESSAGE_ID_DOMAIN, "mail.crmkit.test"));
        EmailMessage message = message("order-42-reminder", "Reminder");

        SendOutcome first = sender.send(message);
        SendOutcome again = sender.send(message);
        SendOutcome other = sender.send(message("order-43-reminder", "Reminder"));

        String expected = message.messageId("mail.crmkit.test");
        assertThat(first).isEqualTo(SendOutcome.accepted(expected, 1));
        assertThat(again).isEqualTo(first);
        assertThat(server.received()).extracting(received -> received.header("Message-ID").orElseThrow().strip())
                .containsExactly(expected, expected, EmailMessage.builder().idempotencyKey("order-43-reminder")
                        .from(from()).to(to()).text("x").build().messageId("mail.crmkit.test"));
    }

    @Test
    void theMessageIdDomainDefaultsToTheSendersDomain() {
        EmailMessage message = message("default-domain", "Default domain");

        SendOutcome outcome = sender(server.senderConfig()).send(message);

        assertThat(outcome).isEqualTo(SendOutcome.accepted(message.messageId("crmkit.test"), 1));
    }

    @Test
    void headersGoOutAsAsciiWithUtf8EncodedWordsAndRfc2231FileNames() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);
        SmtpEmailSender sender = sender(new SmtpEmailSender(SmtpSettings.from(server.senderConfig()), clock));
        EmailMessage message = EmailMessage.builder()
                .idempotencyKey("wire-format")
                .from(Mailbox.of("shop@crmkit.test", "Магазин «Ромашка»"))
                .to(Mailbox.of("ivan@crmkit.test", "Иван Петров"))
                .subject("Счёт №42 — оплатите до пятницы")
                .text("Здравствуйте!")
                .html("<p>Здравствуйте!</p>")
                .header("List-Unsubscribe", "<https://crmkit.test/unsubscribe/abc>")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .attach(new Attachment("Счёт №42.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}))
                .build();

        assertAccepted(sender.send(message));

        MimeMessage raw = server.greenMail().getReceivedMessages()[0];
        String wire = wireText(raw);
        assertThat(wire.chars().allMatch(c -> c < 0x80)).as("the message is 7-bit ASCII on the wire:%n%s", wire).isTrue();
        assertThat(raw.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(raw.getHeader("From", null)).contains("=?UTF-8?").contains("<shop@crmkit.test>");
        assertThat(raw.getSentDate().toInstant()).isEqualTo(clock.instant());
        assertThat(raw.getContentType()).startsWith("multipart/mixed");
        assertThat(wire).contains("filename*=UTF-8''").contains("name*=UTF-8''").contains("List-Unsubscribe: <https://crmkit.test/unsubscribe/abc>")
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        ReceivedEmail decoded = GreenMailDouble.decode(raw);
        assertThat(decoded.subject()).isEqualTo("Счёт №42 — оплатите до пятницы");
        assertThat(decoded.from()).isEqualTo(Mailbox.of("shop@crmkit.test", "Магазин «Ромашка»"));
        assertThat(decoded.text()).hasValueSatisfying(text -> assertThat(text.strip()).isEqualTo("Здравствуйте!"));
        assertThat(decoded.html()).hasValueSatisfying(html -> assertThat(html.strip()).isEqualTo("<p>Здравствуйте!</p>"));
        assertThat(decoded.attachments()).containsExactly(
                new Attachment("Счёт №42.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}));
    }

    @Test
    void anHtmlOnlyMessageIsASingleHtmlPart() throws Exception {
        EmailMessage message = EmailMessage.builder().idempotencyKey("html-only").from(from()).to(to())
                .subject("HTML only").html("<h1>Привет</h1>").build();

        assertAccepted(sender(server.senderConfig()).send(message));

        MimeMessage raw = server.greenMail().getReceivedMessages()[0];
        assertThat(raw.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(GreenMailDouble.decode(raw).html()).hasValueSatisfying(html -> assertThat(html.strip()).isEqualTo("<h1>Привет</h1>"));
    }

    @Test
    void anInternationalisedDomainIsSentInItsAsciiForm() {
        EmailMessage message = EmailMessage.builder().idempotencyKey("idn").from(from())
                .to(Mailbox.of("ivan@пример.рф")).subject("IDN").text("Привет").build();

        assertAccepted(sender(server.senderConfig()).send(message));

        assertThat(server.received()).singleElement()
                .satisfies(received -> assertThat(received.to()).containsExactly("ivan@xn--e1afmkfd.xn--p1ai"));
    }

    @Test
    void aNonAsciiLocalPartIsRefusedPermanentlyWithoutConnecting() {
        EmailMessage message = EmailMessage.builder().idempotencyKey("utf8-local").from(from())
                .to(Mailbox.of("иван@crmkit.test")).subject("SMTPUTF8").text("Привет").build();

        SendOutcome outcome = sender(server.senderConfig()).send(message);

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(((SendOutcome.PermanentFailure) outcome).code()).isEqualTo("unsupported_address");
        assertThat(((SendOutcome.PermanentFailure) outcome).reason()).contains("иван@crmkit.test", "SMTPUTF8");
        assertThat(server.proxy().connections()).isZero();
    }

    @Test
    void aClosedSenderRefusesToSendAndClosingTwiceIsHarmless() {
        SmtpEmailSender sender = sender(server.senderConfig());
        assertAccepted(sender.send(message("last", "Last")));

        sender.close();
        sender.close();

        assertThatThrownBy(() -> sender.send(message("too-late", "Too late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private SmtpEmailSender sender(ProviderConfig config) {
        return sender(new SmtpEmailSender(SmtpSettings.from(config)));
    }

    private SmtpEmailSender sender(SmtpEmailSender sender) {
        senders.add(sender);
        return sender;
    }

    private List<String> subjects() {
        return server.received().stream().map(ReceivedEmail::subject).collect(Collectors.toList());
    }

    private static Mailbox from() {
        return Mailbox.of("shop@crmkit.test", "Магазин");
    }

    private static Mailbox to() {
        return Mailbox.of("ivan@crmkit.test", "Иван");
    }

    private static EmailMessage message(String key, String subject) {
        return EmailMessage.builder().idempotencyKey(key).from(from()).to(to()).subject(subject)
                .text("Текст письма " + key).build();
    }

    private static void assertAccepted(SendOutcome outcome) {
        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    }

    /** The message as GreenMail received it, bytes read as ISO-8859-1 so that any 8-bit byte shows. */
    private static String wireText(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** A port nobody listens on right now (bound and released). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
