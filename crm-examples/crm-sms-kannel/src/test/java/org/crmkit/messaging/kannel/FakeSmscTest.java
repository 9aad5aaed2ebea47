package org.crmkit.messaging.kannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sending through Kannel to its fake SMSC ({@code /usr/lib/kannel/test/fakesmsc}). The fake link reports every
 * message accepted by the SMSC (type 8) and then delivered (type 1); asked for both (dlr-mask 9), the gateway passes
 * on only the delivery.
 */
@ExtendWith(RequiresKannel.class)
class FakeSmscTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void messagesReachTheFakeSmscAndItsDeliveryReportsComeBack() throws Exception {
        try (LocalKannel kannel = LocalKannel.start(LocalKannel.Options.of(LocalKannel.Smsc.fake()));
             KannelGateway gateway = new KannelGatewayProvider().create(ProviderConfig.of(Map.of(
                     "sendsms-url", kannel.sendsmsUrl().toString(),
                     "username", LocalKannel.USERNAME,
                     "password", LocalKannel.PASSWORD,
                     "dlr-server-port", "0",
                     "dlr-mask", "9")))) {
            BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
            gateway.onReceipt(receipts::add);

            String latin = send(gateway, "Your order 1234 is ready");
            String cyrillic = send(gateway, "Ваш заказ 1234 готов");

            assertThat(awaitLine(kannel, "Your order 1234 is ready")).isEqualTo("CrmKit +447700900123 Your order 1234 is ready");
            assertThat(awaitLine(kannel, "Ваш заказ 1234 готов")).isEqualTo("CrmKit +447700900123 Ваш заказ 1234 готов");
            DeliveryReceipt first = receipts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            DeliveryReceipt second = receipts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(List.of(first.providerMessageId(), second.providerMessageId())).containsExactlyInAnyOrder(latin, cyrillic);
            assertThat(List.of(first.status(), second.status())).containsOnly(DeliveryStatus.DELIVERED);
            assertThat(receipts.poll(300, TimeUnit.MILLISECONDS)).as("the SMSC-level reports are not passed on").isNull();
        }
    }

    private static String send(KannelGateway gateway, String text) {
        SendOutcome outcome = gateway.send(SmsMessage.of("fake-" + text.hashCode(), "CrmKit", "+447700900123", text));
        assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
        return ((SendOutcome.Accepted) outcome).providerMessageId();
    }

    /** The fake SMSC's line for a message with this text, as {@code <from> <to> <decoded text>}. */
    private static String awaitLine(LocalKannel kannel, String text) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = kannel.fakeSmscReceived().stream().map(FakeSmscTest::decoded)
                    .filter(decoded -> decoded.endsWith(" " + text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the fake SMSC did not get \"" + text + "\"; it got " + kannel.fakeSmscReceived() + "\n" + kannel.logTail());
    }

    /** {@code <from> <to> text <text>} as is, {@code <from> <to> ucs-2 <url-encoded UTF-16BE>} decoded. */
    private static String decoded(String line) {
        String[] fields = line.split(" ", 4);
        if (fields.length < 4) {
            return line;
        }
        String text = fields[3];
        if (fields[2].equals("ucs-2")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%') {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c == '+' ? ' ' : c);
                }
            }
            text = new String(bytes.toByteArray(), StandardCharsets.UTF_16BE);
        }
        return fields[0] + " " + fields[1] + " " + text;
    }
}
