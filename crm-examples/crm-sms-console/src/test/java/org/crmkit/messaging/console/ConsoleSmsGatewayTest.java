package org.crmkit.messaging.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.CapturedLog;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

class ConsoleSmsGatewayTest {

    private static final String NL = System.lineSeparator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsSenderDestinationPartsAndEachTextLine() {
        try (ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.empty(), 10)) {
            SmsMessage message = SmsMessage.of("order-42", "Shop", "+79161234567", "Здравствуйте!\nВаш заказ готов.")
                    .withValidity(Duration.ofHours(1));

            SendOutcome outcome = gateway.send(message);

            assertThat(outcome).isEqualTo(SendOutcome.accepted("console-1", 1));
            assertThat(printed()).isEqualTo(
                    "[console-sms] console-1 from Shop to +79161234567: 1 part, UCS2, 30 units, validity PT1H, key order-42" + NL
                            + "| Здравствуйте!" + NL
                            + "| Ваш заказ готов." + NL);
        }
    }

    @Test
    void printsTheCyrillicTextAsUtf8Bytes() {
        try (ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.empty(), 10)) {
            gateway.send(SmsMessage.of("k", "Shop", "+79161234567", "Ёж"));

            assertThat(bytes.toByteArray()).containsSequence("| Ёж".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void reportsThePartCountOfALongText() {
        try (ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.empty(), 10)) {
            SendOutcome outcome = gateway.send(SmsMessage.of("k", "Shop", "+79161234567", "a".repeat(161)));

            assertThat(outcome).isEqualTo(SendOutcome.accepted("console-1", 2));
            assertThat(printed()).startsWith("[console-sms] console-1 from Shop to +79161234567: 2 parts, GSM7, 161 units, key k" + NL);
        }
    }

    @Test
    void aResubmittedIdempotencyKeyGetsTheFirstOutcomeAndIsNotPrintedAgain() {
        try (ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.empty(), 10)) {
            SmsMessage message = SmsMessage.of("same-key", "Shop", "+79161234567", "Hello");

            SendOutcome first = gateway.send(message);
            SendOutcome again = gateway.send(message);

            assertThat(again).isEqualTo(first);
            assertThat(printed().lines().filter(line -> line.startsWith("[console-sms] console-"))).hasSize(1);
            assertThat(gateway.capabilities().idempotentResubmission()).isTrue();
        }
    }

    @Test
    void refusesTextsLongerThanMaxPartsWithoutPrinting() {
        try (ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.empty(), 2)) {
            SendOutcome outcome = gateway.send(SmsMessage.of("k", "Shop", "+79161234567", "Ж".repeat(135)));

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                    failure -> assertThat(failure.code()).isEqualTo("too_many_parts"));
            assertThat(printed()).isEmpty();
        }
    }

    @Test
    void sendsTheAutomaticReceiptAfterSendReturns() throws InterruptedException {
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        try (ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.of(DeliveryStatus.DELIVERED), 10)) {
            gateway.onReceipt(receipts::add);

            SendOutcome.Accepted accepted = (SendOutcome.Accepted) gateway.send(SmsMessage.of("k", "Shop", "+79161234567", "Hi"));

            DeliveryReceipt receipt = receipts.poll(10, TimeUnit.SECONDS);
            assertThat(receipt).isEqualTo(new DeliveryReceipt(accepted.providerMessageId(), DeliveryStatus.DELIVERED, CLOCK.instant()));
            assertThat(printed()).contains("[console-sms] receipt console-1 DELIVERED at 2025-03-01T09:30:00Z");
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        try (ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.empty(), 10)) {
            gateway.onReceipt(receipt -> {
                throw new IllegalStateException("listener bug");
            });
            gateway.onReceipt(receipts::add);

            gateway.report("console-9", DeliveryStatus.EXPIRED);

            assertThat(receipts).containsExactly(new DeliveryReceipt("console-9", DeliveryStatus.EXPIRED, CLOCK.instant()));
            assertThat(printed()).contains("receipt listener failed: java.lang.IllegalStateException: listener bug");
        }
    }

    @Test
    void aClosedGatewayRefusesToSend() {
        ConsoleSmsGateway gateway = new ConsoleSmsGateway(out, CLOCK, Optional.empty(), 10);
        gateway.close();

        assertThatThrownBy(() -> gateway.send(SmsMessage.of("k", "Shop", "+79161234567", "Hi")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void isFoundByServiceLoaderAsConsoleAndPrintsToSystemOut() {
        PrintStream original = System.out;
        System.setOut(out);
        try (SmsGateway gateway = MessagingProviders.discover()
                .createSmsGateway(ProviderConfig.empty().with("provider", "console").with("auto-receipt", "none"))) {
            SendOutcome outcome = gateway.send(SmsMessage.of("k", "Shop", "+79161234567", "Привет"));

            assertThat(outcome.isAccepted()).isTrue();
            assertThat(gateway).isInstanceOf(ConsoleSmsGateway.class);
        } finally {
            System.setOut(original);
        }
        assertThat(printed()).contains("| Привет");
    }

    @Test
    void rejectDestinationsFromConfigurationArePermanentFailures() {
        PrintStream original = System.err;
        System.setErr(out);
        try (ConsoleSmsGateway gateway = new ConsoleSmsGatewayProvider().create(ProviderConfig.empty()
                .with("stream", "stderr").with("reject-destinations", "+79990000000, +79990000001"))) {
            assertThat(gateway.send(SmsMessage.of("k1", "Shop", "+79990000001", "Hi")))
                    .isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                            failure -> assertThat(failure.code()).isEqualTo("invalid_destination"));
            assertThat(gateway.send(SmsMessage.of("k2", "Shop", "+79990000002", "Hi")).isAccepted()).isTrue();
        } finally {
            System.setErr(original);
        }
        assertThat(printed()).contains("to +79990000002").doesNotContain("to +79990000001");
    }

    @Test
    void anUnknownKeyIsWarnedAboutWithTheKnownKeys() {
        ConsoleSmsGatewayProvider provider = new ConsoleSmsGatewayProvider();
        try (CapturedLog log = CapturedLog.start()) {
            provider.create(ProviderConfig.empty().with("provider", "console").with("auto-reciept", "none")).close();

            assertThat(log.linesContaining("WARN")).isEqualTo(1);
            assertThat(log.text()).contains("unknown configuration keys [auto-reciept]", "auto-receipt", "max-parts")
                    .doesNotContain("[provider");
        }
        try (CapturedLog log = CapturedLog.start()) {
            provider.create(ProviderConfig.empty().with("auto-receipt", "none")).close();

            assertThat(log.text()).isEmpty();
        }
    }

    @Test
    void badConfigurationNamesTheKeyAndValue() {
        ConsoleSmsGatewayProvider provider = new ConsoleSmsGatewayProvider();

        assertThatThrownBy(() -> provider.create(ProviderConfig.empty().with("stream", "file")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("stream"))
                .hasMessageContaining("\"file\"");
        assertThatThrownBy(() -> provider.create(ProviderConfig.empty().with("auto-receipt", "maybe")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("auto-receipt"))
                .hasMessageContaining("\"maybe\"");
        assertThatThrownBy(() -> provider.create(ProviderConfig.empty().with("reject-destinations", "+7999, 12345")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("reject-destinations"))
                .hasMessageContaining("\"+7999\"");
        assertThatThrownBy(() -> provider.create(ProviderConfig.empty().with("max-parts", "0")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("max-parts"));
        assertThatThrownBy(() -> provider.create(ProviderConfig.empty().with("charset", "no-such-charset")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("charset"));
    }
}
