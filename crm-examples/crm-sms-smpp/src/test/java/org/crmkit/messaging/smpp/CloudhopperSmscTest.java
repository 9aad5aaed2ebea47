package org.crmkit.messaging.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.CapturedLog;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway against an SMSC written on Cloudhopper SMPP, an implementation that shares no code with jSMPP:
 * bind refusals and a burst of receipts sent the way Cloudhopper sends them, asynchronously within a window.
 */
class CloudhopperSmscTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private CloudhopperSmsc smsc;
    private SmppGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        smsc.close();
    }

    @Test
    void sendsAndIsAcceptedByAnIndependentSmsc() {
        smsc = CloudhopperSmsc.start(10);
        gateway = gateway(config -> config);

        SendOutcome outcome = gateway.send(SmsMessage.of("ch-1", "CrmKit", "+79161234567", "Привет от jSMPP"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Accepted.class,
                accepted -> assertThat(accepted.providerMessageId()).isEqualTo("9000000001"));
    }

    @Test
    void aBindRefusedWithAWrongPasswordIsPermanentAndNotRetried() throws Exception {
        smsc = CloudhopperSmsc.start(10);
        smsc.refuseBinds(CommandStatus.ESME_RINVPASWD);
        try (CapturedLog log = CapturedLog.start()) {
            gateway = gateway(config -> config.with("rebind-delay", "PT0.02S").with("rebind-max-delay", "PT0.02S"));

            SendOutcome first = gateway.send(SmsMessage.of("ch-2", "CrmKit", "+79161234567", "first"));
            // a link that kept re-binding would bind about 25 more times meanwhile
            Thread.sleep(500);
            SendOutcome second = gateway.send(SmsMessage.of("ch-3", "CrmKit", "+79161234567", "second"));

            assertThat(first).isEqualTo(second).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                    failure -> assertThat(failure.code()).isEqualTo("ESME_RINVPASWD"));
            assertThat(smsc.bindAttempts()).isEqualTo(1);
            assertThat(log.linesContaining("refused bind_transceiver")).isEqualTo(1);
        }
    }

    @Test
    void aBurstOfTenThousandReceiptsFromAWindowOfTwoThousandArrivesWhole() throws Exception {
        // twenty times the receive queue a window of 10 gets by default
        smsc = CloudhopperSmsc.start(2000);
        gateway = gateway(config -> config);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger receipts = new AtomicInteger();
        gateway.onReceipt(receipt -> {
            ids.add(receipt.providerMessageId());
            receipts.incrementAndGet();
        });
        assertThat(gateway.send(SmsMessage.of("ch-4", "CrmKit", "+79161234567", "bind first")).isAccepted()).isTrue();

        Map<Integer, Integer> refused = smsc.sendReceiptBurst("ch-burst-", 10_000, PATIENCE);

        assertThat(refused).as("deliver_sm answered with an error status, by status").isEmpty();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (ids.size() < 10_000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(ids).hasSize(10_000).contains("ch-burst-1", "ch-burst-10000");
        assertThat(receipts.get()).isEqualTo(10_000);
    }

    private SmppGateway gateway(java.util.function.UnaryOperator<ProviderConfig> adjust) {
        return new SmppGateway(SmppSettings.from(adjust.apply(ProviderConfig.empty()
                .with("host", "127.0.0.1")
                .with("port", String.valueOf(smsc.port()))
                .with("system-id", "crmkit")
                .with("password", "secret")
                .with("bind-wait", "PT10S"))));
    }
}
