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
 * The {@code sms.ru} preset against {@link SmsRuDouble} (shapes and codes from {@code https://sms.ru/api/send} and
 * the sources named on the double, read 2026-12-05): the request, the five answers a host meets, and receipts
 * arriving at a handler mounted in the host's own server.
 */
class SmsRuGatewayTest extends PresetGatewayTest<SmsRuDouble> {

    private static final SmsMessage HELLO = SmsMessage.of("order-42", "Shop", "+79161234567", "Привет, Иван!");

    @Override
    SmsRuDouble newDouble() {
        return new SmsRuDouble();
    }

    @Override
    PresetProvider preset() {
        return new SmsRuGatewayProvider();
    }

    @Override
    ProviderConfig config() {
        return ProviderConfig.empty().with("base-url", provider.baseUrl().toString()).with("api-key", SmsRuDouble.API_ID);
    }

    @Test
    void postsTheDocumentedFormAndKeepsTheBaseUrlQuery() {
        gateway(config().with("base-url", provider.baseUrl() + "/?partner_id=42")).send(HELLO);

        HttpProviderDouble.Call call = provider.lastCall();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/sms/send");
        assertThat(call.query()).isEqualTo("partner_id=42");
        assertThat(call.form().fields()).containsExactly(
                Map.entry("api_id", List.of(SmsRuDouble.API_ID)), Map.entry("to", List.of("79161234567")),
                Map.entry("msg", List.of("Привет, Иван!")), Map.entry("from", List.of("Shop")), Map.entry("json", List.of("1")));
    }

    @Test
    void anAcceptedMessageHasSmsRusIdAndTheLocalPartCount() {
        SendOutcome outcome = gateway(config()).send(HELLO);

        assertThat(outcome).isEqualTo(SendOutcome.accepted("000000-10000001", 1));
        assertThat(provider.received()).singleElement().satisfies(sms -> assertThat(sms.destination()).isEqualTo("+79161234567"));
    }

    @Test
    void aWrongApiIdIsAPermanentAuthFailureThatDoesNotShowTheKey() {
        SendOutcome outcome = gateway(config().with("api-key", "WRONG-API-ID-0000")).send(HELLO);

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        SendOutcome.PermanentFailure failure = (SendOutcome.PermanentFailure) outcome;
        assertThat(failure.code()).isEqualTo("auth");
        assertThat(failure.reason()).contains("200").contains("Неправильный api_id").doesNotContain("WRONG-API-ID-0000");
    }

    @Test
    void noMoneyIsAPermanentFailureSayingToTopUp() {
        provider.scenario(HttpProviderDouble.Scenario.NO_BALANCE);

        SendOutcome outcome = gateway(config()).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("no_balance");
            assertThat(failure.reason()).contains("201").contains("top up");
        });
        assertThat(provider.received()).isEmpty();
    }

    @Test
    void anInvalidNumberIsAPermanentFailureFromThePerNumberEntry() {
        provider.rejectAsInvalid("+79161234567");

        SendOutcome outcome = gateway(config()).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("invalid_destination");
            assertThat(failure.reason()).contains("202");
        });
    }

    @Test
    void aServiceThatIsTemporarilyUnavailableIsATemporaryFailure() {
        provider.throttle(true);

        SendOutcome outcome = gateway(config()).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class,
                failure -> assertThat(failure.reason()).contains("220"));
    }

    @Test
    void limitCodesAreTemporaryAndThePerMinuteLimitAsksForAMinute() {
        assertThat(SmsRuDialect.failure(231, "limit")).isEqualTo(SendOutcome.temporary("throttled, SMS.ru status 231: limit", Duration.ofMinutes(1)));
        assertThat(SmsRuDialect.failure(230, "limit")).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(SmsRuDialect.failure(207, "no route")).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("invalid_destination"));
        assertThat(SmsRuDialect.failure(999, "new")).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("sms.ru_999"));
    }

    @Test
    void anAnswerThatIsNotSmsRusJsonIsUnknownBecauseTheMessageMayHaveBeenTaken() {
        SmsRuDialect dialect = new SmsRuDialect(GatewaySettings.from(config(), SmsRuGatewayProvider.DEFAULT_BASE_URL, 8), "x",
                java.util.Optional.empty());

        assertThat(dialect.outcome(new ProviderDialect.Answer(200, "100\n000000-10000000\nbalance=1", Duration.ZERO), 1))
                .isInstanceOf(SendOutcome.Unknown.class);
        assertThat(dialect.outcome(new ProviderDialect.Answer(503, "", Duration.ofSeconds(7)), 1))
                .isEqualTo(SendOutcome.temporary("SMS.ru answered HTTP 503: (empty body)", Duration.ofSeconds(7)));
    }

    @Test
    void deliveredAndFailedReceiptsArriveAtTheMountedHandler() {
        HttpSmsGateway mounted = mountedWithToken("/hooks/sms.ru", "t0k3n");
        String first = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();
        String second = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();

        assertThat(provider.sendStatus(first, 103)).isEqualTo(new HttpProviderDouble.CallbackReply(200, "100"));
        provider.sendStatus(second, 107);

        assertThat(receipts.all()).containsExactly(
                new DeliveryReceipt(first, DeliveryStatus.DELIVERED, Instant.ofEpochSecond(1764931200)),
                new DeliveryReceipt(second, DeliveryStatus.UNDELIVERABLE, Instant.ofEpochSecond(1764931200)));
        assertThat(mounted.capabilities().deliveryReceipts()).isTrue();
    }

    @Test
    void aStatusThatIsNotFinalIsAnsweredButGivesNoReceipt() {
        HttpSmsGateway mounted = mountedWithToken("/hooks/sms.ru", "t0k3n");
        String id = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();

        assertThat(provider.sendStatus(id, 102).body()).isEqualTo("100");

        assertThat(receipts.all()).isEmpty();
    }

    @Test
    void aCallbackWithoutTheTokenIsRefusedAndReachesNoListener() {
        mountedWithToken("/hooks/sms.ru", "t0k3n");
        provider.accountCallbackUrl(host.address());

        assertThat(provider.sendStatus("000000-10000001", 103).status()).isEqualTo(403);
        provider.accountCallbackUrl(URI.create(host.address() + "?token=guess"));
        assertThat(provider.sendStatus("000000-10000001", 103).status()).isEqualTo(403);

        assertThat(receipts.all()).isEmpty();
    }

    @Test
    void malformedCallbacksAreRefusedWith400() {
        HttpSmsGateway mounted = mountedWithToken("/hooks/sms.ru", "t0k3n");
        ReceiptHandler handler = mounted.receiptHandler();
        URI uri = URI.create("/hooks/sms.ru?token=t0k3n");

        assertThat(handler.handle(form(uri, "data%5B0%5D=sms_status%0A000000-1%0Aabc")).status()).isEqualTo(400);
        assertThat(handler.handle(form(uri, "data%5B0%5D=sms_status%0A000000-1")).status()).isEqualTo(400);
        assertThat(handler.handle(form(uri, "nothing=here")).status()).isEqualTo(400);
        assertThat(handler.handle(form(uri, "data%5B0%5D=%ZZ")).status()).isEqualTo(400);
        assertThat(handler.handle(new ReceiptRequest("GET", uri, Map.of(), new byte[0])).status()).isEqualTo(405);
        assertThat(receipts.all()).isEmpty();
    }

    private static ReceiptRequest form(URI uri, String body) {
        return ReceiptRequest.post(uri, Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
