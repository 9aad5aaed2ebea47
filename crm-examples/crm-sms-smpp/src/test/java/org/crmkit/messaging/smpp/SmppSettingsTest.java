package org.crmkit.messaging.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.CapturedLog;
import org.crmkit.messaging.sms.SmsGatewayProvider;
import org.junit.jupiter.api.Test;

/** Configuration: defaults, and a clear error naming the key for every missing or invalid value. */
class SmppSettingsTest {

    private static final ProviderConfig MINIMAL = ProviderConfig.of(Map.of(
            "host", "smsc.example.org", "port", "2775", "system-id", "crmkit"));

    @Test
    void minimalConfigurationTakesTheDefaults() {
        SmppSettings settings = SmppSettings.from(MINIMAL);

        assertThat(settings.host()).isEqualTo("smsc.example.org");
        assertThat(settings.port()).isEqualTo(2775);
        assertThat(settings.password()).isEmpty();
        assertThat(settings.window()).isEqualTo(10);
        assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.rebindDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.sourceTon()).isEmpty();
        assertThat(settings.deliveryReceipts()).isTrue();
        assertThat(settings.receiptTimeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.maxParts()).isEqualTo(10);
        assertThat(settings.receiveThreads()).isEqualTo(10);
        assertThat(settings.receiveQueue()).isEqualTo(100);
    }

    @Test
    void theReceiveSideIsSizedForTheWindow() {
        SmppSettings narrow = SmppSettings.from(MINIMAL.with("window", "1"));
        SmppSettings wide = SmppSettings.from(MINIMAL.with("window", "200"));

        assertThat(narrow.receiveThreads()).isEqualTo(3);
        assertThat(narrow.receiveQueue()).isEqualTo(100);
        assertThat(wide.receiveThreads()).isEqualTo(32);
        assertThat(wide.receiveQueue()).isEqualTo(2000);
        assertThat(wide.receiptsInFlightLimit()).as("the queue less a window of responses and the reserve")
                .isEqualTo(2000 - 200 - SmppSettings.RECEIVE_QUEUE_RESERVE + 1);
    }

    @Test
    void anUnknownKeyIsWarnedAboutWithTheKnownKeys() {
        try (CapturedLog log = CapturedLog.start()) {
            SmppSettings.from(MINIMAL.with("pasword", "secret").with("provider", "smpp"));

            assertThat(log.linesContaining("WARN")).isEqualTo(1);
            assertThat(log.text()).contains("unknown configuration keys [pasword]", "password", "receive-queue")
                    .doesNotContain("[provider");
        }
        try (CapturedLog log = CapturedLog.start()) {
            SmppSettings.from(MINIMAL);

            assertThat(log.text()).isEmpty();
        }
    }

    @Test
    void everyKeyIsRead() {
        SmppSettings settings = SmppSettings.from(MINIMAL
                .with("password", "pw").with("system-type", "crm").with("window", "25")
                .with("bind-timeout", "PT3S").with("response-timeout", "2500").with("bind-wait", "PT1S")
                .with("enquire-link-interval", "PT15S").with("rebind-delay", "PT0.5S").with("rebind-max-delay", "PT20S")
                .with("source-ton", "international").with("source-npi", "1").with("delivery-receipts", "false")
                .with("receipt-time-zone", "Europe/Moscow").with("max-parts", "6").with("max-messages-per-second", "50")
                .with("throttle-retry-after", "PT2S").with("receive-threads", "7").with("receive-queue", "5000"));

        assertThat(settings.password()).isEqualTo("pw");
        assertThat(settings.systemType()).isEqualTo("crm");
        assertThat(settings.window()).isEqualTo(25);
        assertThat(settings.bindTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.responseTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.bindWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.enquireLinkInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.rebindDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.rebindMaxDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.sourceTon()).isEqualTo(Optional.of(1));
        assertThat(settings.sourceNpi()).isEqualTo(Optional.of(1));
        assertThat(settings.deliveryReceipts()).isFalse();
        assertThat(settings.receiptTimeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(settings.maxParts()).isEqualTo(6);
        assertThat(settings.maxMessagesPerSecond()).isEqualTo(50);
        assertThat(settings.throttleRetryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.receiveThreads()).isEqualTo(7);
        assertThat(settings.receiveQueue()).isEqualTo(5000);
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertKey(ProviderConfig.of(Map.of("port", "2775", "system-id", "x")), "host", "missing");
        assertKey(ProviderConfig.of(Map.of("host", "h", "system-id", "x")), "port", "missing");
        assertKey(ProviderConfig.of(Map.of("host", "h", "port", "2775")), "system-id", "missing");
        assertKey(MINIMAL.with("host", "  "), "host", "blank");
    }

    @Test
    void invalidValuesAreNamedWithTheValue() {
        assertKey(MINIMAL.with("port", "smpp"), "port", "\"smpp\"");
        assertKey(MINIMAL.with("port", "70000"), "port", "70000");
        assertKey(MINIMAL.with("window", "0"), "window", "\"0\"");
        assertKey(MINIMAL.with("window", "many"), "window", "\"many\"");
        assertKey(MINIMAL.with("response-timeout", "soon"), "response-timeout", "\"soon\"");
        assertKey(MINIMAL.with("response-timeout", "0"), "response-timeout", "PT0S");
        assertKey(MINIMAL.with("rebind-delay", "PT10S").with("rebind-max-delay", "PT5S"), "rebind-max-delay", "PT5S");
        assertKey(MINIMAL.with("source-ton", "martian"), "source-ton", "\"martian\"");
        assertKey(MINIMAL.with("source-npi", "2"), "source-npi", "\"2\"");
        assertKey(MINIMAL.with("delivery-receipts", "maybe"), "delivery-receipts", "\"maybe\"");
        assertKey(MINIMAL.with("receipt-time-zone", "Mars/Olympus"), "receipt-time-zone", "\"Mars/Olympus\"");
        assertKey(MINIMAL.with("max-parts", "300"), "max-parts", "\"300\"");
        assertKey(MINIMAL.with("system-id", "a-system-id-too-long"), "system-id", "at most 15");
        assertKey(MINIMAL.with("system-type", "much-too-long-type"), "system-type", "at most 12");
        assertKey(MINIMAL.with("receive-threads", "0"), "receive-threads", "\"0\"");
        assertKey(MINIMAL.with("receive-threads", "lots"), "receive-threads", "\"lots\"");
        assertKey(MINIMAL.with("window", "50").with("receive-queue", "60"), "receive-queue", "expected 66 (window + 16)");
    }

    @Test
    void aTooLongPasswordIsNamedButNotShown() {
        assertThatThrownBy(() -> SmppSettings.from(MINIMAL.with("password", "hunter2-and-more")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("password"))
                .hasMessageContaining("at most 8")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringLeavesThePasswordOut() {
        assertThat(SmppSettings.from(MINIMAL.with("password", "s3cret")).toString()).doesNotContain("s3cret");
    }

    @Test
    void theProviderIsFoundByServiceLoaderAsSmppAndRejectsBadConfigurationBeforeConnecting() {
        Map<String, SmsGatewayProvider> providers = ServiceLoader.load(SmsGatewayProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(SmsGatewayProvider::name, provider -> provider));

        assertThat(providers).containsKey("smpp");
        assertThat(providers.get("smpp")).isInstanceOf(SmppGatewayProvider.class);
        assertThatThrownBy(() -> providers.get("smpp").create(MINIMAL.with("window", "-1")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("window"));
    }

    private static void assertKey(ProviderConfig config, String key, String messagePart) {
        assertThatThrownBy(() -> SmppSettings.from(config))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining("\"" + key + "\"")
                .hasMessageContaining(messagePart);
    }
}
