package org.crmkit.messaging.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsCapabilities;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.messaging.sms.SmsParts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SmsGateway} passes. Extend it in the plugin's tests, return the gateway under
 * test from {@link #gateway()} and a double of its provider from {@link #providerDouble()} (both may be
 * created once per class); the double is reset before each test.
 *
 * <p>It checks: a valid message is accepted with an id; Cyrillic text, GSM-7 extension characters and
 * emoji arrive intact; long texts report the part count {@link SmsParts} gives, and the provider saw that
 * many parts; an invalid destination is a permanent failure; throttling is a temporary failure (and the
 * gateway recovers); receipts reach the listener when the gateway declares them.
 *
 * <p>Override {@link #sender()}, {@link #destination()} and {@link #invalidDestination()} if the provider
 * needs particular values. Waiting (for messages to show up at the double, for receipts) is bounded by
 * {@link #patience()}; it is a time-out, not a speed assertion.
 */
public abstract class SmsGatewayContract {

    /** The gateway under test; it stays open across tests. */
    protected abstract SmsGateway gateway();

    /** The double of the provider the gateway talks to. */
    protected abstract SmsProviderDouble providerDouble();

    protected String sender() {
        return "CrmKit";
    }

    protected String destination() {
        return "+447700900123";
    }

    protected String invalidDestination() {
        return "+447700900999";
    }

    protected Duration patience() {
        return Duration.ofSeconds(10);
    }

    @BeforeEach
    void resetProviderDouble() {
        providerDouble().reset();
    }

    @Test
    void acceptsAValidMessageWithAnId() {
        SendOutcome outcome = send("Your order 1234 is ready for pickup.");

        SendOutcome.Accepted accepted = assertAccepted(outcome);
        assertFalse(accepted.providerMessageId().isBlank(), "accepted message has a provider message id");
        assertEquals(1, accepted.parts(), "a short GSM-7 text is one part");
        ReceivedSms received = awaitReceived(sms -> sms.text().equals("Your order 1234 is ready for pickup."));
        assertEquals(destination(), received.destination(), "destination as the provider saw it");
        assertEquals(sender(), received.sender(), "sender as the provider saw it");
    }

    @Test
    void distinctMessagesGetDistinctIds() {
        String first = assertAccepted(send("First message")).providerMessageId();
        String second = assertAccepted(send("Second message")).providerMessageId();

        assertFalse(first.equals(second), "two messages share the provider message id " + first);
    }

    @Test
    void cyrillicTextArrivesIntact() {
        String text = "Здравствуйте, Иван! Ваш заказ №42 готов. Ёлка, щука, ъ.";

        SendOutcome.Accepted accepted = assertAccepted(send(text));

        assertEquals(1, accepted.parts(), "56 UCS-2 characters are one part");
        assertEquals(text, awaitReceived(sms -> sms.text().equals(text)).text());
    }

    @Test
    void gsm7ExtensionCharactersAndEmojiArriveIntact() {
        String gsm = "Price 10€ [promo] {code} ^~\\| end";
        String emoji = "Спасибо 👍 за заказ 🎉";

        assertAccepted(send(gsm));
        assertAccepted(send(emoji));

        assertEquals(gsm, awaitReceived(sms -> sms.text().equals(gsm)).text());
        assertEquals(emoji, awaitReceived(sms -> sms.text().equals(emoji)).text());
    }

    @Test
    void longTextsReportTheirPartCount() {
        String gsm = "A".repeat(150) + " end of the long GSM-7 text: " + "B".repeat(150);
        String cyrillic = "Ж".repeat(135);
        assumeTrue(gateway().capabilities().maxParts() >= 3, "gateway sends fewer than 3 parts");

        for (String text : List.of(gsm, cyrillic)) {
            int expected = SmsParts.of(text).count();
            SendOutcome.Accepted accepted = assertAccepted(send(text));

            assertEquals(expected, accepted.parts(), "parts reported for " + SmsParts.of(text));
            ReceivedSms received = awaitReceived(sms -> sms.text().equals(text));
            assertEquals(expected, received.parts(), "parts the provider saw for " + SmsParts.of(text));
        }
    }

    @Test
    void invalidDestinationIsAPermanentFailure() {
        providerDouble().rejectAsInvalid(invalidDestination());

        SendOutcome outcome = gateway().send(SmsMessage.of(key(), sender(), invalidDestination(), "Hello"));

        assertInstanceOf(SendOutcome.PermanentFailure.class, outcome, "outcome for an invalid destination");
        assertEquals(SendOutcome.Kind.PERMANENT_FAILURE, outcome.kind());
        assertFalse(outcome.isAccepted());
    }

    @Test
    void throttlingIsATemporaryFailureAndTheGatewayRecovers() {
        providerDouble().throttle(true);

        SendOutcome throttled = send("Throttled message");

        assertInstanceOf(SendOutcome.TemporaryFailure.class, throttled, "outcome while the provider throttles");
        assertFalse(((SendOutcome.TemporaryFailure) throttled).retryAfter().isNegative());
        providerDouble().throttle(false);
        assertAccepted(send("After throttling"));
    }

    @Test
    void declaredCapabilitiesAreConsistent() {
        SmsCapabilities capabilities = gateway().capabilities();

        assertNotNull(capabilities);
        assertTrue(capabilities.maxParts() >= 1, "maxParts " + capabilities.maxParts());
        assertTrue(capabilities.maxMessagesPerSecond() >= 0, "maxMessagesPerSecond " + capabilities.maxMessagesPerSecond());
    }

    @Test
    void receiptsArriveWhenDeclared() throws InterruptedException {
        assumeTrue(gateway().capabilities().deliveryReceipts(), "gateway does not declare delivery receipts");
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        gateway().onReceipt(receipts::add);

        for (DeliveryStatus status : DeliveryStatus.values()) {
            String id = assertAccepted(send("Receipt test " + status)).providerMessageId();
            providerDouble().sendReceipt(id, status);

            DeliveryReceipt receipt = awaitReceipt(receipts, id);
            assertEquals(status, receipt.status(), "status of the receipt for " + id);
            assertNotNull(receipt.at());
        }
    }

    /** Sends {@code text} from {@link #sender()} to {@link #destination()} with a fresh idempotency key. */
    protected SendOutcome send(String text) {
        return gateway().send(SmsMessage.of(key(), sender(), destination(), text));
    }

    protected static String key() {
        return "kit-" + UUID.randomUUID();
    }

    protected static SendOutcome.Accepted assertAccepted(SendOutcome outcome) {
        if (!(outcome instanceof SendOutcome.Accepted)) {
            fail("expected the message to be accepted, got " + outcome);
        }
        return (SendOutcome.Accepted) outcome;
    }

    /** Waits until the double has received one message matching {@code which}, and returns it. */
    protected ReceivedSms awaitReceived(Predicate<ReceivedSms> which) {
        long deadline = System.nanoTime() + patience().toNanos();
        while (true) {
            List<ReceivedSms> matching = providerDouble().received().stream().filter(which).collect(Collectors.toList());
            if (matching.size() == 1) {
                return matching.get(0);
            }
            if (matching.size() > 1) {
                fail("the provider received the message " + matching.size() + " times: " + matching);
            }
            if (System.nanoTime() > deadline) {
                fail("the provider did not receive the message within " + patience() + "; it received " + providerDouble().received());
            }
            pause();
        }
    }

    private DeliveryReceipt awaitReceipt(BlockingQueue<DeliveryReceipt> receipts, String id) throws InterruptedException {
        long deadline = System.nanoTime() + patience().toNanos();
        while (true) {
            DeliveryReceipt receipt = receipts.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (receipt == null) {
                fail("no delivery receipt for " + id + " within " + patience());
            }
            if (receipt.providerMessageId().equals(id)) {
                return receipt;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider double", e);
        }
    }
}
