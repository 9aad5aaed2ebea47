package org.crmkit.messaging.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.CapturedLog;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.messaging.smpp.InProcessSmsc.SubmittedPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the gateway puts on the wire and how it reacts to the SMSC, against the in-process SMSC. */
class SmppGatewayTest {

    private static final String DESTINATION = "+79161234567";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private InProcessSmsc smsc;
    private final List<SmppGateway> gateways = new ArrayList<>();
    private int keys;

    @BeforeEach
    void startSmsc() {
        smsc = InProcessSmsc.start();
    }

    @AfterEach
    void stop() {
        gateways.forEach(SmppGateway::close);
        smsc.close();
    }

    @Test
    void gsm7TextGoesAsDataCodingZeroInOnePart() {
        SmppGateway gateway = gateway(config -> config);

        SendOutcome outcome = gateway.send(sms("CrmKit", "Hello @ home, 5$ off!"));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        SubmittedPart part = onlyPart();
        assertThat(part.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(part.hasUdh()).isFalse();
        assertThat(part.shortMessage()).hasSize("Hello @ home, 5$ off!".length());
        assertThat(part.shortMessage()[6]).as("'@' is septet 0x00").isEqualTo((byte) 0x00);
        assertThat(part.shortMessage()[15]).as("'$' is septet 0x02").isEqualTo((byte) 0x02);
    }

    @Test
    void cyrillicTextGoesAsUcs2DataCodingEightInUtf16BigEndian() {
        SmppGateway gateway = gateway(config -> config);

        gateway.send(sms("CrmKit", "Привет, мир"));

        SubmittedPart part = onlyPart();
        assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(part.shortMessage()).isEqualTo("Привет, мир".getBytes(StandardCharsets.UTF_16BE));
    }

    @Test
    void extensionCharactersGoAsEscapePairsAndCountTwice() {
        SmppGateway gateway = gateway(config -> config);

        gateway.send(sms("CrmKit", "€5 [x]"));

        SubmittedPart part = onlyPart();
        assertThat(part.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(part.shortMessage()).containsExactly(0x1B, 0x65, '5', ' ', 0x1B, 0x3C, 'x', 0x1B, 0x3E);
        assertThat(smsc.received()).extracting(r -> r.text()).containsExactly("€5 [x]");
    }

    @Test
    void longTextsGoAsConcatenatedPartsWithAnEightBitReferenceHeader() {
        SmppGateway gateway = gateway(config -> config);
        String text = "x".repeat(161);

        SendOutcome.Accepted accepted = (SendOutcome.Accepted) gateway.send(sms("CrmKit", text));

        List<SubmittedPart> parts = smsc.submitted();
        assertThat(parts).hasSize(2);
        assertThat(accepted.parts()).isEqualTo(2);
        assertThat(accepted.providerMessageId()).as("the first part's id").isEqualTo(parts.get(0).messageId());
        byte reference = parts.get(0).shortMessage()[3];
        for (int i = 0; i < 2; i++) {
            SubmittedPart part = parts.get(i);
            assertThat(part.hasUdh()).isTrue();
            assertThat(part.esmClass() & 0x40).as("UDHI bit").isEqualTo(0x40);
            assertThat(Arrays.copyOf(part.shortMessage(), 6)).containsExactly(0x05, 0x00, 0x03, reference, 2, i + 1);
        }
        assertThat(parts.get(0).shortMessage()).hasSize(6 + 153);
        assertThat(parts.get(1).shortMessage()).hasSize(6 + 8);
        assertThat(smsc.received()).singleElement().satisfies(sms -> {
            assertThat(sms.text()).isEqualTo(text);
            assertThat(sms.parts()).isEqualTo(2);
        });
    }

    @Test
    void seventyOneAndHundredThirtyFiveCyrillicLettersAreTwoAndThreeParts() {
        SmppGateway gateway = gateway(config -> config);

        assertThat(((SendOutcome.Accepted) gateway.send(sms("CrmKit", "Ж".repeat(70)))).parts()).isEqualTo(1);
        assertThat(((SendOutcome.Accepted) gateway.send(sms("CrmKit", "Ж".repeat(71)))).parts()).isEqualTo(2);
        assertThat(((SendOutcome.Accepted) gateway.send(sms("CrmKit", "Ж".repeat(135)))).parts()).isEqualTo(3);
        assertThat(smsc.submitted()).hasSize(1 + 2 + 3).allSatisfy(part -> assertThat(part.dataCoding()).isEqualTo((byte) 8));
    }

    @Test
    void textsLongerThanMaxPartsArePermanentFailuresAndNothingIsSent() {
        SmppGateway gateway = gateway(config -> config.with("max-parts", "2"));

        SendOutcome outcome = gateway.send(sms("CrmKit", "Ж".repeat(135)));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("too_many_parts"));
        assertThat(smsc.submitted()).isEmpty();
        assertThat(gateway.capabilities().maxParts()).isEqualTo(2);
    }

    @Test
    void sourceAndDestinationAddressesGetTheirTypeOfNumber() {
        SmppGateway gateway = gateway(config -> config);

        gateway.send(sms("+74951234567", "international sender"));
        gateway.send(sms("7788", "short code sender"));
        gateway.send(sms("CrmKit", "alphanumeric sender"));

        List<SubmittedPart> parts = smsc.submitted();
        assertThat(parts).extracting(SubmittedPart::sourceAddr).containsExactly("74951234567", "7788", "CrmKit");
        assertThat(parts).extracting(SubmittedPart::sourceTon).containsExactly((byte) 1, (byte) 0, (byte) 5);
        assertThat(parts).extracting(SubmittedPart::sourceNpi).containsExactly((byte) 1, (byte) 1, (byte) 0);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.destAddr()).isEqualTo("79161234567");
            assertThat(part.destTon()).isEqualTo((byte) 1);
            assertThat(part.destNpi()).isEqualTo((byte) 1);
        });
    }

    @Test
    void configuredSourceTonAndNpiOverrideTheDerivedOnes() {
        SmppGateway gateway = gateway(config -> config.with("source-ton", "national").with("source-npi", "national"));

        gateway.send(sms("7788", "hello"));

        assertThat(onlyPart().sourceTon()).isEqualTo((byte) 2);
        assertThat(onlyPart().sourceNpi()).isEqualTo((byte) 8);
    }

    @Test
    void validityGoesAsRelativeTimeAndReceiptsAreRequested() {
        SmppGateway gateway = gateway(config -> config);

        gateway.send(sms("CrmKit", "valid for a while").withValidity(Duration.ofHours(26).plusMinutes(3)));

        assertThat(onlyPart().validityPeriod()).isEqualTo("000001020300000R");
        assertThat(onlyPart().registeredDelivery()).as("SMSC delivery receipt on success and failure").isEqualTo((byte) 1);
    }

    @Test
    void withReceiptsSwitchedOffNoneAreRequestedOrDeclared() {
        SmppGateway gateway = gateway(config -> config.with("delivery-receipts", "false"));

        gateway.send(sms("CrmKit", "no receipt please"));

        assertThat(onlyPart().registeredDelivery()).isEqualTo((byte) 0);
        assertThat(gateway.capabilities().deliveryReceipts()).isFalse();
    }

    @Test
    void throttledAndQueueFullAreTemporaryWithTheConfiguredRetryHint() {
        SmppGateway gateway = gateway(config -> config.with("throttle-retry-after", "PT3S"));

        smsc.throttle(true);
        SendOutcome throttled = gateway.send(sms("CrmKit", "one"));
        smsc.throttle(false);
        smsc.queueFull(true);
        SendOutcome queueFull = gateway.send(sms("CrmKit", "two"));

        assertThat(throttled).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class, failure -> {
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
            assertThat(failure.reason()).contains("ESME_RTHROTTLED");
        });
        assertThat(queueFull).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class,
                failure -> assertThat(failure.reason()).contains("ESME_RMSGQFUL"));
    }

    @Test
    void invalidDestinationAndSourceArePermanentAndCodedByStatusName() {
        SmppGateway gateway = gateway(config -> config);
        smsc.rejectAsInvalid(DESTINATION);
        smsc.rejectSourceAsInvalid("Blocked");

        SendOutcome destination = gateway.send(sms("CrmKit", "to nowhere"));
        SendOutcome source = gateway.send(SmsMessage.of(key(), "Blocked", "+79169999999", "from a blocked name"));

        assertThat(destination).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("ESME_RINVDSTADR");
            assertThat(failure.reason()).contains("0x0000000B");
        });
        assertThat(source).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("ESME_RINVSRCADR"));
    }

    @Test
    void noResponseWithinTheTimeoutIsUnknownAndTheSessionStaysUsable() {
        SmppGateway gateway = gateway(config -> config.with("response-timeout", "PT0.3S"));
        smsc.respondAfter(Duration.ofMillis(1500));

        SendOutcome outcome = gateway.send(sms("CrmKit", "slow"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("no submit_sm_resp"));
        smsc.respondAfter(Duration.ZERO);
        assertThat(gateway.send(sms("CrmKit", "fast again"))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    void rebindsAfterTheSmscDropsTheLink() {
        SmppGateway gateway = gateway(config -> config.with("rebind-delay", "PT0.1S").with("bind-wait", "PT10S"));
        assertThat(gateway.send(sms("CrmKit", "before the drop"))).isInstanceOf(SendOutcome.Accepted.class);

        smsc.dropLinks();
        // a send racing the drop may be written into the dying socket and end Unknown; wait for the re-bind
        awaitBinds(2);
        SendOutcome after = gateway.send(sms("CrmKit", "after the drop"));

        assertThat(after).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(smsc.binds()).hasSize(2).allSatisfy(bind -> {
            assertThat(bind.bindType()).isEqualTo("BIND_TRX");
            assertThat(bind.systemId()).isEqualTo("crmkit");
            assertThat(bind.password()).isEqualTo("secret");
        });
        assertThat(gateway.bindCount()).isEqualTo(2);
        assertThat(smsc.received()).extracting(r -> r.text()).containsExactly("before the drop", "after the drop");
    }

    @Test
    void anSmscThatIsDownIsATemporaryFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmppGateway gateway = new SmppGateway(SmppSettings.from(config(closedPort).with("bind-wait", "PT0.2S")));
        gateways.add(gateway);

        SendOutcome outcome = gateway.send(sms("CrmKit", "nobody listens"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class,
                failure -> assertThat(failure.reason()).contains("no SMPP session bound"));
    }

    @ParameterizedTest
    @ValueSource(ints = {CommandStatus.ESME_RBINDFAIL, CommandStatus.ESME_RINVPASWD, CommandStatus.ESME_RINVSYSID,
            CommandStatus.ESME_RINVSYSTYP})
    void aBindRefusedForTheCredentialsIsPermanentIsNotRetriedAndIsLoggedOnce(int status) throws InterruptedException {
        smsc.refuseBinds(status);
        String name = CommandStatus.name(status);
        try (CapturedLog log = CapturedLog.start()) {
            SmppGateway gateway = gateway(config -> config.with("rebind-delay", "PT0.02S").with("rebind-max-delay", "PT0.02S"));

            SendOutcome first = gateway.send(sms("CrmKit", "first"));
            // a link that kept re-binding would bind about 25 more times meanwhile
            Thread.sleep(500);
            SendOutcome second = gateway.send(sms("CrmKit", "second"));

            for (SendOutcome outcome : List.of(first, second)) {
                assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(name);
                    assertThat(failure.reason()).contains("127.0.0.1:" + smsc.port(), "system-id \"crmkit\"", name,
                            "corrected configuration");
                });
            }
            assertThat(smsc.bindAttempts()).as("binds tried").isEqualTo(1);
            assertThat(log.linesContaining("refused bind_transceiver")).as("ERROR lines about the refusal").isEqualTo(1);
            assertThat(log.text()).as("no stack trace").doesNotContain("\tat ", "Exception");
        }
        assertThat(smsc.received()).isEmpty();
    }

    @Test
    void anotherBindStatusIsRetriedAndTheGatewayBindsOnceTheSmscAccepts() {
        smsc.refuseBinds(CommandStatus.ESME_RSYSERR);
        try (CapturedLog log = CapturedLog.start()) {
            SmppGateway gateway = gateway(config -> config.with("rebind-delay", "PT0.02S").with("rebind-max-delay", "PT0.05S"));
            awaitBindAttempts(3);
            smsc.refuseBinds(0);

            assertThat(gateway.send(sms("CrmKit", "after the SMSC recovered"))).isInstanceOf(SendOutcome.Accepted.class);
            assertThat(log.text()).contains("ESME_RSYSERR").doesNotContain("\tat ");
        }
    }

    @Test
    void aMessageWaitingForItsResponseWhenTheLinkDropsIsUnknownAtOnceNotAfterTheResponseTimeout() throws Exception {
        SmppGateway gateway = gateway(config -> config.with("response-timeout", "PT60S").with("rebind-delay", "PT0.05S"));
        assertThat(gateway.send(sms("CrmKit", "bound"))).isInstanceOf(SendOutcome.Accepted.class);
        smsc.holdResponses(true);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Object[]> sent = caller.submit(() -> {
                SendOutcome outcome = gateway.send(sms("CrmKit", "in flight"));
                return new Object[] {outcome, Thread.currentThread().isInterrupted()};
            });
            awaitOutstanding(1);

            smsc.dropLinks();

            // response-timeout is 60 s: an answer within PATIENCE can only come from the closed session
            Object[] result = sent.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(result[0]).isInstanceOfSatisfying(SendOutcome.Unknown.class, unknown -> assertThat(unknown.reason())
                    .contains("dropped while part 1 of 1 waited for its submit_sm_resp"));
            assertThat(result[1]).as("the caller's thread is left uninterrupted").isEqualTo(false);
        } finally {
            caller.shutdownNow();
            smsc.holdResponses(false);
        }
        awaitBinds(2);
        assertThat(gateway.send(sms("CrmKit", "after the re-bind"))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    void closingTheGatewayEndsASendWaitingForItsResponse() throws Exception {
        SmppGateway gateway = gateway(config -> config.with("response-timeout", "PT60S"));
        assertThat(gateway.send(sms("CrmKit", "bound"))).isInstanceOf(SendOutcome.Accepted.class);
        smsc.holdResponses(true);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<SendOutcome> sent = caller.submit(() -> gateway.send(sms("CrmKit", "in flight")));
            awaitOutstanding(1);

            new Thread(gateway::close).start();

            assertThat(sent.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(SendOutcome.Unknown.class);
        } finally {
            caller.shutdownNow();
            smsc.holdResponses(false);
        }
    }

    @Test
    void theWindowLimitsSubmitsInFlight() throws Exception {
        SmppGateway gateway = gateway(config -> config.with("window", "3"));
        smsc.respondAfter(Duration.ofMillis(150));
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Callable<SendOutcome>> sends = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String text = "windowed " + i;
                sends.add(() -> gateway.send(sms("CrmKit", text)));
            }
            for (Future<SendOutcome> outcome : callers.invokeAll(sends)) {
                assertThat(outcome.get()).isInstanceOf(SendOutcome.Accepted.class);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(smsc.received()).hasSize(24);
        assertThat(smsc.maxOutstandingSubmits())
                .as("submit_sm the SMSC held at once, with 12 callers and a window of 3")
                .isLessThanOrEqualTo(3)
                .isGreaterThan(1);
    }

    @Test
    void receiptsOfAMessageInPartsArriveOnceUnderTheFirstPartsId() throws InterruptedException {
        SmppGateway gateway = gateway(config -> config);
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        gateway.onReceipt(receipts::add);
        String delivered = ((SendOutcome.Accepted) gateway.send(sms("CrmKit", "Д".repeat(135)))).providerMessageId();
        String failed = ((SendOutcome.Accepted) gateway.send(sms("CrmKit", "Е".repeat(135)))).providerMessageId();
        String single = ((SendOutcome.Accepted) gateway.send(sms("CrmKit", "short"))).providerMessageId();

        smsc.sendReceipt(delivered, DeliveryStatus.DELIVERED);
        smsc.sendReceipt(failed, DeliveryStatus.UNDELIVERABLE);
        smsc.sendReceipt(single, DeliveryStatus.EXPIRED);

        assertThat(next(receipts)).satisfies(receipt -> {
            assertThat(receipt.providerMessageId()).isEqualTo(delivered);
            assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED);
        });
        assertThat(next(receipts)).satisfies(receipt -> {
            assertThat(receipt.providerMessageId()).isEqualTo(failed);
            assertThat(receipt.status()).isEqualTo(DeliveryStatus.UNDELIVERABLE);
        });
        assertThat(next(receipts)).satisfies(receipt -> {
            assertThat(receipt.providerMessageId()).isEqualTo(single);
            assertThat(receipt.status()).isEqualTo(DeliveryStatus.EXPIRED);
        });
        assertThat(receipts).as("one receipt per message, not per part").isEmpty();
        assertThat(smsc.submitted()).hasSize(3 + 3 + 1);
    }

    @Test
    void aBurstOfTenThousandReceiptsArrivesWholeAndNoneIsAnsweredThrottled() throws InterruptedException {
        SmppGateway gateway = gateway(config -> config);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger receipts = new AtomicInteger();
        gateway.onReceipt(receipt -> {
            ids.add(receipt.providerMessageId());
            receipts.incrementAndGet();
        });
        assertThat(gateway.send(sms("CrmKit", "bound"))).isInstanceOf(SendOutcome.Accepted.class);

        // 400 receipts in flight at once: four times the default receive queue of a window of 10
        InProcessSmsc.BurstAnswers answers = smsc.sendReceiptBurst("burst-", 10_000, 400);

        assertThat(answers.negative()).as("deliver_sm answered with an error status").isEmpty();
        assertThat(answers.failed()).isZero();
        assertThat(answers.ok()).isEqualTo(10_000);
        awaitTrue(() -> ids.size() >= 10_000);
        assertThat(ids).hasSize(10_000).contains("burst-1", "burst-10000");
        assertThat(receipts.get()).as("each receipt passed on once").isEqualTo(10_000);
    }

    @Test
    void aClosedGatewayRefusesToSend() {
        SmppGateway gateway = gateway(config -> config);
        gateway.close();

        assertThatThrownBy(() -> gateway.send(sms("CrmKit", "too late"))).isInstanceOf(IllegalStateException.class);
    }

    private void awaitOutstanding(int count) {
        awaitTrue(() -> smsc.outstandingSubmits() >= count);
    }

    private void awaitBindAttempts(int count) {
        awaitTrue(() -> smsc.bindAttempts() >= count);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within " + PATIENCE).isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitBinds(int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (smsc.binds().size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private DeliveryReceipt next(BlockingQueue<DeliveryReceipt> receipts) throws InterruptedException {
        DeliveryReceipt receipt = receipts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(receipt).as("a receipt within " + PATIENCE).isNotNull();
        return receipt;
    }

    private SubmittedPart onlyPart() {
        assertThat(smsc.submitted()).hasSize(1);
        return smsc.submitted().get(0);
    }

    private SmppGateway gateway(UnaryOperator<ProviderConfig> adjust) {
        SmppGateway gateway = new SmppGateway(SmppSettings.from(adjust.apply(config(smsc.port()))));
        gateways.add(gateway);
        return gateway;
    }

    private static ProviderConfig config(int port) {
        return ProviderConfig.empty()
                .with("host", "127.0.0.1")
                .with("port", String.valueOf(port))
                .with("system-id", "crmkit")
                .with("password", "secret")
                .with("bind-wait", "PT10S");
    }

    private SmsMessage sms(String sender, String text) {
        return SmsMessage.of(key(), sender, DESTINATION, text);
    }

    private String key() {
        return "test-" + (++keys);
    }
}
