package org.crmkit.messaging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsGatewayProvider;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

/** What a host meets before the first message: discovery by name, bad values, unknown keys, secrets, transport. */
class PresetConfigurationTest {

    private static final SmsMessage HELLO = SmsMessage.of("k-1", "Shop", "+79161234567", "Hello");

    private static ProviderConfig smsRu() {
        return ProviderConfig.empty().with("api-key", "secret-api-id");
    }

    private static ProviderConfig twilio() {
        return ProviderConfig.empty().with("account-sid", TwilioDouble.ACCOUNT_SID).with("auth-token", "secret-token");
    }

    @Test
    void discoveryFindsTheThreePresetsByName() {
        MessagingProviders providers = MessagingProviders.discover();

        assertThat(providers.smsGatewayProviders()).extracting(SmsGatewayProvider::name).contains("sms.ru", "smsc.ru", "twilio");
        try (SmsGateway gateway = providers.createSmsGateway(twilio().with("provider", "twilio"))) {
            assertThat(gateway).isInstanceOfSatisfying(HttpSmsGateway.class, http -> assertThat(http.providerName()).isEqualTo("twilio"));
            assertThat(gateway.capabilities().deliveryReceipts()).isFalse();
            assertThat(gateway.capabilities().idempotentResubmission()).isFalse();
            assertThat(gateway.capabilities().maxParts()).isEqualTo(10);
        }
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("base-url", "ftp://sms.ru")), "base-url", "ftp://sms.ru");
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("base-url", "https://sms.ru/#x")), "base-url", "https://sms.ru/#x");
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("receipts", "webhook")), "receipts", "webhook");
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("callback-port", "70000")), "callback-port", "70000");
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("max-parts", "9")), "max-parts", "9");
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("timeout", "soon")), "timeout", "soon");
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("timeout", "PT0S")), "timeout", "PT0S");
        assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("max-messages-per-second", "-1")), "max-messages-per-second", "-1");
        assertInvalid(() -> new TwilioGatewayProvider().create(twilio().with("account-sid", "AC-bogus")), "account-sid", "AC-bogus");
        assertInvalid(() -> new TwilioGatewayProvider().create(twilio().with("messaging-service-sid", "MGx")), "messaging-service-sid", "MGx");
        assertInvalid(() -> new TwilioGatewayProvider().create(twilio().with("status-callback-url", "/hooks")), "status-callback-url", "/hooks");
    }

    @Test
    void missingOrConflictingKeysAreNamed() {
        assertInvalid(() -> new SmsRuGatewayProvider().create(ProviderConfig.empty()), "api-key", "missing");
        assertInvalid(() -> new TwilioGatewayProvider().create(twilio().with("receipts", "mounted")), "status-callback-url", "receipts=mounted");
        assertInvalid(() -> new SmscGatewayProvider().create(ProviderConfig.empty()), "login", "none is set");
        assertInvalid(() -> new SmscGatewayProvider().create(ProviderConfig.empty().with("login", "crm")), "password", "missing");
        assertInvalid(() -> new SmscGatewayProvider().create(ProviderConfig.empty().with("api-key", "k").with("login", "crm")), "api-key", "login");
    }

    @Test
    void aBusyCallbackPortIsAConfigurationError() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertInvalid(() -> new SmsRuGatewayProvider().create(smsRu().with("receipts", "server")
                    .with("callback-port", String.valueOf(busy.getLocalPort()))), "callback-port", String.valueOf(busy.getLocalPort()));
        }
    }

    @Test
    void unknownKeysAreFoundSoTheyCanBeWarnedAbout() {
        ProviderConfig config = smsRu().with("api_id", "typo").with("callbak-token", "x").with("provider", "sms.ru");

        assertThat(GatewaySettings.checkKeys(config, "sms.ru", Set.of("api-key", "callback-token"))).containsExactly("api_id", "callbak-token");
        assertThat(GatewaySettings.checkKeys(smsRu(), "sms.ru", Set.of("api-key"))).isEmpty();
    }

    @Test
    void secretKeysAreMaskedWhenAConfigurationIsPrinted() {
        ProviderConfig config = twilio().with("api-key", "secret-api-id").with("password", "secret-psw").with("callback-token", "secret-cb");

        assertThat(config.toString()).doesNotContain("secret-");
    }

    @Test
    void theBaseUrlQueryStaysOutOfPrintedSettings() {
        GatewaySettings settings = GatewaySettings.from(smsRu().with("base-url", "https://gw.example.com/api?user=u&pass=secret-in-query"),
                SmsRuGatewayProvider.DEFAULT_BASE_URL, 8);

        assertThat(settings.toString()).contains("https://gw.example.com/api").doesNotContain("secret-in-query");
        assertThat(settings.endpoint("/sms/send", "a=1").toString()).isEqualTo("https://gw.example.com/api/sms/send?user=u&pass=secret-in-query&a=1");
    }

    @Test
    void aCallbackOverSixtyFourKibibytesIsRefused() {
        try (HttpSmsGateway gateway = new SmsRuGatewayProvider().create(smsRu().with("receipts", "mounted"))) {
            ReceiptResponse answer = gateway.receiptHandler().handle(ReceiptRequest.post(java.net.URI.create("/hooks"), java.util.Map.of(),
                    new byte[ReceiptHandler.MAX_BODY_BYTES + 1]));
            assertThat(answer.status()).isEqualTo(413);
        }
    }

    @Test
    void noConnectionIsTemporaryAndNoAnswerIsUnknown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SmsGateway gateway = new SmsRuGatewayProvider().create(smsRu().with("base-url", "http://127.0.0.1:" + closedPort))) {
            assertThat(gateway.send(HELLO)).isInstanceOf(SendOutcome.TemporaryFailure.class);
        }
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SmsGateway gateway = new SmsRuGatewayProvider().create(smsRu()
                     .with("base-url", "http://127.0.0.1:" + silent.getLocalPort()).with("timeout", "PT0.3S"))) {
            SendOutcome outcome = gateway.send(HELLO);
            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Unknown.class,
                    unknown -> assertThat(unknown.reason()).contains("no answer").doesNotContain("secret-api-id"));
        }
    }

    @Test
    void aTextLongerThanMaxPartsIsRefusedLocally() {
        try (SmsGateway gateway = new SmsRuGatewayProvider().create(smsRu().with("max-parts", "2").with("base-url", "http://127.0.0.1:9"))) {
            SendOutcome outcome = gateway.send(SmsMessage.of("k", "Shop", "+79161234567", "Ж".repeat(135)));
            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                    failure -> assertThat(failure.code()).isEqualTo("too_many_parts"));
        }
    }

    @Test
    void aClosedGatewayRefusesToSend() {
        SmsGateway gateway = new SmsRuGatewayProvider().create(smsRu());
        gateway.close();

        assertThatThrownBy(() -> gateway.send(HELLO)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static void assertInvalid(Runnable creation, String key, String shown) {
        assertThatThrownBy(creation::run)
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining("\"" + key + "\"")
                .hasMessageContaining(shown);
    }
}
