package org.crmkit.messaging.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

/**
 * The {@code smsc.ru} preset against {@link SmscDouble} (shapes and codes from {@code https://smsc.ru/api/http/}
 * and the pages named on the double, read 2026-12-05).
 */
class SmscGatewayTest extends PresetGatewayTest<SmscDouble> {

    private static final SmsMessage HELLO = SmsMessage.of("order-42", "Shop", "+79161234567", "Привет, Иван!");

    @Override
    SmscDouble newDouble() {
        return new SmscDouble();
    }

    @Override
    PresetProvider preset() {
        return new SmscGatewayProvider();
    }

    @Override
    ProviderConfig config() {
        return ProviderConfig.empty().with("base-url", provider.baseUrl().toString())
                .with("login", SmscDouble.LOGIN).with("password", SmscDouble.PASSWORD);
    }

    @Test
    void postsTheDocumentedFormWithJsonAnswersAndUtf8() {
        gateway(config().with("base-url", provider.baseUrl() + "?tz=3")).send(HELLO);

        HttpProviderDouble.Call call = provider.lastCall();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/sys/send.php");
        assertThat(call.query()).isEqualTo("tz=3");
        assertThat(call.form().fields()).containsExactly(
                Map.entry("login", List.of(SmscDouble.LOGIN)), Map.entry("psw", List.of(SmscDouble.PASSWORD)),
                Map.entry("phones", List.of("+79161234567")), Map.entry("mes", List.of("Привет, Иван!")),
                Map.entry("sender", List.of("Shop")), Map.entry("charset", List.of("utf-8")), Map.entry("fmt", List.of("3")));
    }

    @Test
    void anApiKeyReplacesLoginAndPassword() {
        gateway(ProviderConfig.empty().with("base-url", provider.baseUrl().toString()).with("api-key", "k-123")).send(HELLO);

        assertThat(provider.lastCall().form().fields()).containsKey("apikey").doesNotContainKeys("login", "psw");
    }

    @Test
    void anAcceptedMessageHasSmscsIdAndItsCount() {
        SendOutcome outcome = gateway(config()).send(SmsMessage.of("k", "Shop", "+79161234567", "Ж".repeat(71)));

        assertThat(outcome).isEqualTo(SendOutcome.accepted("1", 2));
    }

    @Test
    void aWrongPasswordIsAPermanentAuthFailureThatDoesNotShowIt() {
        SendOutcome outcome = gateway(config().with("password", "not-the-psw")).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("auth");
            assertThat(failure.reason()).contains("error 2").doesNotContain("not-the-psw");
        });
    }

    @Test
    void noMoneyIsAPermanentFailureSayingToTopUp() {
        provider.scenario(HttpProviderDouble.Scenario.NO_BALANCE);

        assertThat(gateway(config()).send(HELLO)).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("no_balance");
            assertThat(failure.reason()).contains("error 3").contains("top up");
        });
    }

    @Test
    void aWrongNumberFormatIsAPermanentFailure() {
        provider.rejectAsInvalid("+79161234567");

        assertThat(gateway(config()).send(HELLO)).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("invalid_destination"));
    }

    @Test
    void tooManyRequestsIsATemporaryFailureAskingForAMinute() {
        provider.throttle(true);

        assertThat(gateway(config()).send(HELLO)).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class, failure -> {
            assertThat(failure.reason()).contains("error 9");
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void aBlockedAddressIsTemporaryAndOtherCodesAreRefusals() {
        assertThat(SmscDialect.failure(4, "ip blocked")).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(SmscDialect.failure(6, "forbidden")).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("message_forbidden"));
        assertThat(SmscDialect.failure(1, "params")).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("smsc.ru_1"));
    }

    @Test
    void deliveredAndFailedReceiptsArriveAtTheMountedHandler() {
        HttpSmsGateway mounted = mountedWithToken("/hooks/smsc", "t0k3n");
        String first = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();
        String second = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();

        assertThat(provider.sendStatus(first, 1).status()).isEqualTo(200);
        provider.sendStatus(second, 22);
        provider.sendStatus(second, 0);

        assertThat(receipts.all()).containsExactly(
                new DeliveryReceipt(first, DeliveryStatus.DELIVERED, CLOCK.instant()),
                new DeliveryReceipt(second, DeliveryStatus.UNDELIVERABLE, CLOCK.instant()));
    }

    @Test
    void aCallbackWithoutTheTokenIsRefused() {
        mountedWithToken("/hooks/smsc", "t0k3n");
        provider.accountCallbackUrl(host.address());

        assertThat(provider.sendStatus("1", 1).status()).isEqualTo(403);
        assertThat(receipts.all()).isEmpty();
    }

    @Test
    void malformedCallbacksAreRefusedWith400() {
        ReceiptHandler handler = mountedWithToken("/hooks/smsc", "t0k3n").receiptHandler();
        URI uri = URI.create("/hooks/smsc?token=t0k3n");
        Map<String, List<String>> form = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"));

        assertThat(handler.handle(ReceiptRequest.post(uri, form, "status=1".getBytes())).status()).isEqualTo(400);
        assertThat(handler.handle(ReceiptRequest.post(uri, form, "id=7&status=delivered".getBytes())).status()).isEqualTo(400);
        assertThat(handler.handle(ReceiptRequest.post(uri, Map.of("Content-Type", List.of("application/json")),
                "{\"id\":7,\"status\":1}".getBytes())).status()).isEqualTo(415);
        assertThat(handler.handle(new ReceiptRequest("GET", URI.create("/hooks/smsc?token=t0k3n&id=7&status=1"), Map.of(),
                new byte[0])).status()).isEqualTo(200);
        assertThat(receipts.all()).extracting(DeliveryReceipt::providerMessageId).containsExactly("7");
    }
}
