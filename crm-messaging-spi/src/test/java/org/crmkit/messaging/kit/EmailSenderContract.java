package org.crmkit.messaging.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.Attachment;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EmailSender} passes. Extend it, return the sender under test from
 * {@link #sender()} and a double of its server from {@link #serverDouble()}; the double is reset before
 * each test.
 *
 * <p>It checks: a message is accepted and arrives; Cyrillic subject, body, display names and attachment
 * names arrive intact; text and HTML parts both arrive; extra headers (RFC 8058 List-Unsubscribe) and
 * Reply-To arrive; the Message-ID derives from the idempotency key; and, where the double can simulate
 * them, a temporary refusal is a temporary failure and a permanent refusal a permanent one. Bodies are
 * compared with line ends normalised to LF and trailing line ends removed.
 */
public abstract class EmailSenderContract {

    protected abstract EmailSender sender();

    protected abstract EmailServerDouble serverDouble();

    protected Mailbox from() {
        return Mailbox.of("shop@crmkit.test", "Магазин «Ромашка»");
    }

    protected Mailbox recipient() {
        return Mailbox.of("ivan@crmkit.test", "Иван Петров");
    }

    protected Duration patience() {
        return Duration.ofSeconds(10);
    }

    @BeforeEach
    void resetServerDouble() {
        serverDouble().reset();
    }

    @Test
    void acceptsAMessageThatThenArrives() {
        EmailMessage message = message("Order 1234").text("Your order is ready.").build();

        assertAccepted(sender().send(message));

        ReceivedEmail received = awaitReceived(email -> email.subject().equals("Order 1234"));
        assertEquals(List.of(recipient().address()), received.to());
        assertEquals(from().address(), received.from().address());
        assertEquals("Your order is ready.", normalised(received.text()));
    }

    @Test
    void cyrillicSubjectBodyNamesAndAttachmentArriveIntact() {
        String subject = "Ваш заказ №42 готов — забирайте!";
        String text = "Здравствуйте, Иван!\nЁлки-палки, щука и ъ на месте.";
        Attachment attachment = new Attachment("Счёт №42.txt", "text/plain",
                "Итого: 1 000 ₽".getBytes(StandardCharsets.UTF_8));

        assertAccepted(sender().send(message(subject).text(text).attach(attachment).build()));

        ReceivedEmail received = awaitReceived(email -> email.subject().equals(subject));
        assertEquals(text, normalised(received.text()));
        assertEquals(from().displayName(), received.from().displayName(), "sender display name");
        assertEquals(1, received.attachments().size(), "attachments " + received.attachments());
        assertEquals(attachment.fileName(), received.attachments().get(0).fileName());
        assertEquals(new String(attachment.content(), StandardCharsets.UTF_8),
                new String(received.attachments().get(0).content(), StandardCharsets.UTF_8));
    }

    @Test
    void textAndHtmlPartsBothArrive() {
        EmailMessage message = message("Both parts")
                .text("Plain: привет")
                .html("<p>HTML: <b>привет</b></p>")
                .build();

        assertAccepted(sender().send(message));

        ReceivedEmail received = awaitReceived(email -> email.subject().equals("Both parts"));
        assertEquals("Plain: привет", normalised(received.text()));
        assertEquals("<p>HTML: <b>привет</b></p>", normalised(received.html()));
    }

    @Test
    void extraHeadersAndReplyToArrive() {
        EmailMessage message = message("Newsletter")
                .text("News")
                .replyTo(Mailbox.of("support@crmkit.test", "Поддержка"))
                .header("List-Unsubscribe", "<https://crmkit.test/u/abc>, <mailto:unsubscribe@crmkit.test?subject=abc>")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .build();

        assertAccepted(sender().send(message));

        ReceivedEmail received = awaitReceived(email -> email.subject().equals("Newsletter"));
        assertEquals(message.header("List-Unsubscribe"), received.header("List-Unsubscribe").map(String::strip));
        assertEquals(Optional.of("List-Unsubscribe=One-Click"), received.header("List-Unsubscribe-Post").map(String::strip));
        assertEquals(Optional.of("support@crmkit.test"), received.replyTo().map(Mailbox::address));
        assertEquals(Optional.of("Поддержка"), received.replyTo().flatMap(Mailbox::displayName));
    }

    @Test
    void messageIdDerivesFromTheIdempotencyKey() {
        EmailMessage message = message("Message-ID check").text("id").build();

        assertAccepted(sender().send(message));

        String messageId = awaitReceived(email -> email.subject().equals("Message-ID check"))
                .header("Message-ID").map(String::strip).orElseGet(() -> fail("no Message-ID header arrived"));
        String expectedPrefix = message.messageId("x").substring(0, message.messageId("x").indexOf('@') + 1);
        assertTrue(messageId.startsWith(expectedPrefix), "Message-ID " + messageId + " should start with " + expectedPrefix);
    }

    @Test
    void temporaryRefusalIsATemporaryFailure() {
        serverDouble().rejectTemporarily(true);

        SendOutcome outcome = sender().send(message("Refused for now").text("later").build());

        assertInstanceOf(SendOutcome.TemporaryFailure.class, outcome, "outcome of a temporary refusal");
        serverDouble().rejectTemporarily(false);
        assertAccepted(sender().send(message("Accepted again").text("now").build()));
    }

    @Test
    void permanentRefusalIsAPermanentFailure() {
        serverDouble().rejectPermanently(recipient().address());

        SendOutcome outcome = sender().send(message("Refused for good").text("never").build());

        assertInstanceOf(SendOutcome.PermanentFailure.class, outcome, "outcome of a permanent refusal");
    }

    /** A builder with a fresh idempotency key, {@link #from()}, {@link #recipient()} and the subject. */
    protected EmailMessage.Builder message(String subject) {
        return EmailMessage.builder()
                .idempotencyKey("kit-" + UUID.randomUUID())
                .from(from())
                .to(recipient())
                .subject(subject);
    }

    protected static SendOutcome.Accepted assertAccepted(SendOutcome outcome) {
        if (!(outcome instanceof SendOutcome.Accepted)) {
            fail("expected the e-mail to be accepted, got " + outcome);
        }
        return (SendOutcome.Accepted) outcome;
    }

    /** Waits until the double has received one message matching {@code which}, and returns it. */
    protected ReceivedEmail awaitReceived(Predicate<ReceivedEmail> which) {
        long deadline = System.nanoTime() + patience().toNanos();
        while (true) {
            List<ReceivedEmail> matching = serverDouble().received().stream().filter(which).collect(Collectors.toList());
            if (matching.size() == 1) {
                return matching.get(0);
            }
            if (matching.size() > 1) {
                fail("the server received the message " + matching.size() + " times");
            }
            if (System.nanoTime() > deadline) {
                fail("the server did not receive the message within " + patience() + "; subjects received: "
                        + serverDouble().received().stream().map(ReceivedEmail::subject).collect(Collectors.toList()));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server double", e);
            }
        }
    }

    private static String normalised(Optional<String> body) {
        return body.map(b -> b.replace("\r\n", "\n").replaceAll("\n+$", "")).orElse("(absent)");
    }
}
