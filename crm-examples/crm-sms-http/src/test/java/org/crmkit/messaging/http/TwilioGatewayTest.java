package org.crmkit.messaging.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

/**
 * The {@code twilio} preset against {@link TwilioDouble} (shapes and codes from the Twilio pages named on the
 * double, read 2026-12-05): the request, the five answers, and signed status callbacks at a mounted handler.
 */
class TwilioGatewayTest extends PresetGatewayTest<TwilioDouble> {

    private static final SmsMessage HELLO = SmsMessage.of("order-42", "+15017122661", "+447700900123", "Hello from CrmKit");

    @Override
    TwilioDouble newDouble() {
        return new TwilioDouble();
    }

    @Override
    PresetProvider preset() {
        return new TwilioGatewayProvider();
    }

    @Override
    ProviderConfig config() {
        return ProviderConfig.empty().with("base-url", provider.baseUrl().toString())
                .with("account-sid", TwilioDouble.ACCOUNT_SID).with("auth-token", TwilioDouble.AUTH_TOKEN);
    }

    /** The host mounts the handler first, then tells the gateway the public address it is reachable at. */
    private HttpSmsGateway mounted() {
        host = new HostServer("/hooks/twilio");
        HttpSmsGateway mounted = gateway(config().with("receipts", "mounted").with("status-callback-url", host.address().toString()));
        host.mount(mounted.receiptHandler());
        return mounted;
    }

    @Test
    void postsTheMessageResourceFormWithBasicAuth() {
        gateway(config().with("receipts", "mounted").with("status-callback-url", "https://crm.example.com/hooks/twilio?site=1"))
                .send(HELLO.withValidity(Duration.ofMinutes(30)));

        HttpProviderDouble.Call call = provider.lastCall();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo(TwilioDouble.PATH);
        assertThat(call.headers().getFirst("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (TwilioDouble.ACCOUNT_SID + ":" + TwilioDouble.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(call.form().fields()).containsExactly(
                Map.entry("To", List.of("+447700900123")), Map.entry("From", List.of("+15017122661")),
                Map.entry("Body", List.of("Hello from CrmKit")),
                Map.entry("StatusCallback", List.of("https://crm.example.com/hooks/twilio?site=1")),
                Map.entry("ValidityPeriod", List.of("1800")));
    }

    @Test
    void aMessagingServiceReplacesFromAndValidityIsCappedAtTenHours() {
        SendOutcome outcome = gateway(config().with("messaging-service-sid", "MG0123456789abcdef0123456789abcdef"))
                .send(HELLO.withValidity(Duration.ofDays(2)));

        assertThat(outcome.isAccepted()).isTrue();

        assertThat(provider.lastCall().form().fields()).doesNotContainKeys("From", "StatusCallback")
                .containsEntry("MessagingServiceSid", List.of("MG0123456789abcdef0123456789abcdef"))
                .containsEntry("ValidityPeriod", List.of("36000"));
    }

    @Test
    void anAcceptedMessageHasTheSidAndTwiliosSegmentCount() {
        SendOutcome outcome = gateway(config()).send(HELLO);

        assertThat(outcome).isEqualTo(SendOutcome.accepted(String.format("SM%032x", 1), 1));
    }

    @Test
    void aWrongAuthTokenIsAPermanentAuthFailureThatDoesNotShowIt() {
        SendOutcome outcome = gateway(config().with("auth-token", "0000wrongtoken")).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("auth");
            assertThat(failure.reason()).contains("20003").doesNotContain("0000wrongtoken");
        });
    }

    @Test
    void anAccountOutOfFundsIsAPermanentFailure() {
        provider.scenario(HttpProviderDouble.Scenario.NO_BALANCE);

        assertThat(gateway(config()).send(HELLO)).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("account_inactive");
            assertThat(failure.reason()).contains("20005").contains("add funds");
        });
    }

    @Test
    void anInvalidToIsAPermanentFailure() {
        provider.rejectAsInvalid("+447700900123");

        assertThat(gateway(config()).send(HELLO)).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("invalid_destination");
            assertThat(failure.reason()).contains("21211");
        });
    }

    @Test
    void tooManyRequestsIsTemporaryHonouringRetryAfter() {
        provider.throttle(true);

        assertThat(gateway(config()).send(HELLO)).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class, failure -> {
            assertThat(failure.reason()).contains("20429");
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void theSignatureMatchesTwiliosPublishedExample() {
        // the example of https://www.twilio.com/docs/usage/security (as quoted in public client code, read 2026-12-05)
        Map<String, List<String>> params = Map.of("CallSid", List.of("CA1234567890ABCDE"), "Caller", List.of("+12349013030"),
                "Digits", List.of("1234"), "From", List.of("+12349013030"), "To", List.of("+18005551212"));

        assertThat(TwilioDialect.signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void deliveredFailedAndExpiredCallbacksArriveAtTheMountedHandler() {
        HttpSmsGateway mounted = mounted();
        String first = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();
        String second = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();
        String third = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();

        assertThat(provider.sendStatus(first, "sent", "", TwilioDouble.AUTH_TOKEN).status()).isEqualTo(200);
        provider.sendStatus(first, "delivered", "", TwilioDouble.AUTH_TOKEN);
        provider.sendStatus(second, "undelivered", "30003", TwilioDouble.AUTH_TOKEN);
        provider.sendStatus(third, "failed", "30036", TwilioDouble.AUTH_TOKEN);

        assertThat(receipts.all()).containsExactly(
                new DeliveryReceipt(first, DeliveryStatus.DELIVERED, CLOCK.instant()),
                new DeliveryReceipt(second, DeliveryStatus.UNDELIVERABLE, CLOCK.instant()),
                new DeliveryReceipt(third, DeliveryStatus.EXPIRED, CLOCK.instant()));
    }

    @Test
    void aForgedCallbackIsRefusedWith403() {
        HttpSmsGateway mounted = mounted();
        String sid = ((SendOutcome.Accepted) mounted.send(HELLO)).providerMessageId();

        assertThat(provider.sendStatus(sid, "delivered", "", "a-guessed-token").status()).isEqualTo(403);
        URI address = host.address();
        assertThat(provider.postForm(address, Map.of(), "MessageSid=" + sid + "&MessageStatus=delivered").status()).isEqualTo(403);
        String tampered = "MessageSid=" + sid + "&MessageStatus=delivered";
        String signedForOther = TwilioDialect.signature(TwilioDouble.AUTH_TOKEN, address.toString(),
                FormData.decode("MessageSid=" + sid + "&MessageStatus=failed").fields());
        assertThat(provider.postForm(address, Map.of(TwilioDialect.SIGNATURE_HEADER, signedForOther), tampered).status()).isEqualTo(403);

        assertThat(receipts.all()).isEmpty();
    }

    @Test
    void aSignedCallbackWithoutAMessageSidIsMalformed() {
        mounted();
        URI address = host.address();
        String form = "MessageStatus=delivered";
        String signature = TwilioDialect.signature(TwilioDouble.AUTH_TOKEN, address.toString(), FormData.decode(form).fields());

        assertThat(provider.postForm(address, Map.of(TwilioDialect.SIGNATURE_HEADER, signature), form).status()).isEqualTo(400);
        assertThat(receipts.all()).isEmpty();
    }
}
