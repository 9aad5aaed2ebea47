package org.crmkit.messaging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSmsGatewayTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);
    private static final SmsMessage HELLO = SmsMessage.of("order-42", "Shop", "+79161234567", "Привет, Иван!");

    private final FakeSmsService service = new FakeSmsService();
    private final ObjectMapper json = new ObjectMapper();
    private HttpSmsGateway gateway;

    private ProviderConfig config() {
        return ProviderConfig.empty()
                .with("base-url", service.baseUrl().toString())
                .with("api-key", FakeSmsService.API_KEY);
    }

    private HttpSmsGateway gateway(ProviderConfig config) {
        gateway = new HttpSmsGateway(HttpSmsSettings.from(config), CLOCK);
        return gateway;
    }

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        service.close();
    }

    @Test
    void submitsTheDocumentedJsonWithTheApiKey() throws IOException {
        SendOutcome outcome = gateway(config()).send(HELLO.withValidity(Duration.ofMinutes(90)));

        assertThat(outcome).isEqualTo(SendOutcome.accepted("msg-1", 1));
        FakeSmsService.Request request = service.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeSmsService.API_KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = json.readTree(request.body());
        assertThat(body).isEqualTo(json.createObjectNode()
                .put("from", "Shop").put("to", "+79161234567").put("text", "Привет, Иван!")
                .put("validity_seconds", 5400).put("client_ref", "order-42"));
    }

    @Test
    void leavesOutValidityWhenTheMessageHasNone() throws IOException {
        gateway(config()).send(HELLO);

        assertThat(json.readTree(service.requests().get(0).body()).has("validity_seconds")).isFalse();
    }

    @Test
    void aResubmittedClientRefGetsTheSameIdAndIsSentOnce() {
        HttpSmsGateway gateway = gateway(config());

        SendOutcome first = gateway.send(HELLO);
        SendOutcome again = gateway.send(HELLO);

        assertThat(again).isEqualTo(first);
        assertThat(service.received()).hasSize(1);
        assertThat(gateway.capabilities().idempotentResubmission()).isTrue();
    }

    @Test
    void aWrongApiKeyIsAPermanentAuthFailure() {
        SendOutcome outcome = gateway(config().with("api-key", "wrong")).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo("auth");
            assertThat(failure.reason()).contains("HTTP 401").contains("invalid API key");
        });
        assertThat(service.received()).isEmpty();
    }

    @Test
    void forbiddenIsAPermanentAuthFailureToo() {
        service.force(403, Map.of(), "{\"error\":{\"code\":\"forbidden\",\"message\":\"account suspended\"}}");

        assertThat(gateway(config()).send(HELLO)).isEqualTo(
                SendOutcome.permanent("auth", "the service refused the API key (HTTP 403): account suspended"));
    }

    @Test
    void serverErrorsAreTemporaryAndHonourRetryAfter() {
        HttpSmsGateway gateway = gateway(config());
        service.force(503, Map.of("Retry-After", "7"), "{\"error\":{\"code\":\"maintenance\",\"message\":\"back soon\"}}");

        assertThat(gateway.send(HELLO)).isEqualTo(
                SendOutcome.temporary("service unavailable (HTTP 503): back soon", Duration.ofSeconds(7)));

        service.force(500, Map.of(), "<html>Internal Server Error</html>");

        assertThat(gateway.send(HELLO)).isEqualTo(
                SendOutcome.temporary("service unavailable (HTTP 500): <html>Internal Server Error</html>", Duration.ZERO));
    }

    @Test
    void throttlingIsTemporaryWithTheRetryAfterSeconds() {
        service.throttle(true);

        assertThat(gateway(config()).send(HELLO)).isEqualTo(
                SendOutcome.temporary("throttled (HTTP 429): too many requests", Duration.ofSeconds(2)));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        service.force(429, Map.of("Retry-After", "Sat, 01 Mar 2025 09:31:30 GMT"), "");

        SendOutcome outcome = gateway(config()).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class,
                failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void retryAfterParsing() {
        assertThat(RetryAfter.parse(Optional.of("120"), CLOCK)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(Optional.of("Sat, 01 Mar 2025 09:29:00 GMT"), CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.empty(), CLOCK)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aRejectedDestinationIsPermanentWithTheServicesCode() {
        service.rejectAsInvalid("+79161234567");

        assertThat(gateway(config()).send(HELLO)).isEqualTo(
                SendOutcome.permanent("invalid_destination", "no such subscriber: +79161234567"));
    }

    @Test
    void unprocessableWithoutAnErrorObjectIsPermanentRejected() {
        service.force(422, Map.of(), "text too long");

        assertThat(gateway(config()).send(HELLO)).isEqualTo(SendOutcome.permanent("rejected", "text too long"));
    }

    @Test
    void aWrongBaseUrlIsAPermanentHttp404() {
        SendOutcome outcome = gateway(config().with("base-url", service.baseUrl() + "/nope")).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("http_404"));
    }

    @Test
    void acceptedWithoutAnIdIsUnknown() {
        service.force(202, Map.of(), "{\"status\":\"queued\"}");

        assertThat(gateway(config()).send(HELLO)).isInstanceOfSatisfying(SendOutcome.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("without a message id"));
    }

    @Test
    void aServerThatIsDownIsATemporaryFailure() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }

        SendOutcome outcome = gateway(config().with("base-url", "http://127.0.0.1:" + freePort + "/v1")).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.TemporaryFailure.class,
                failure -> assertThat(failure.reason()).startsWith("cannot connect to http://127.0.0.1:" + freePort));
    }

    @Test
    void noAnswerWithinTheTimeoutIsUnknown() {
        service.stall();

        SendOutcome outcome = gateway(config().with("timeout", "PT0.3S")).send(HELLO);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("no answer within PT0.3S"));
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsUnknown() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> {
                try (Socket connection = socket.accept()) {
                    InputStream in = connection.getInputStream();
                    in.read(new byte[1024]);
                } catch (IOException e) {
                    // the test fails on the outcome if this goes wrong
                }
            });
            dropper.start();

            SendOutcome outcome = gateway(config().with("base-url", "http://127.0.0.1:" + socket.getLocalPort() + "/v1")).send(HELLO);

            dropper.join(10_000);
            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Unknown.class,
                    unknown -> assertThat(unknown.reason()).startsWith("connection failed during the request"));
        }
    }

    @Test
    void textsLongerThanMaxPartsAreRefusedWithoutARequest() {
        SendOutcome outcome = gateway(config().with("max-parts", "2")).send(SmsMessage.of("k", "Shop", "+79161234567", "Ж".repeat(135)));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("too_many_parts"));
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void theCallbackEndpointRefusesWrongTokensMethodsAndBodies() throws Exception {
        HttpSmsGateway gateway = gateway(config().with("status-mode", "callback").with("callback-token", "secret"));
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        gateway.onReceipt(receipts::add);
        URI endpoint = gateway.callbackAddress().orElseThrow();
        String receipt = "{\"id\":\"msg-9\",\"status\":\"expired\",\"at\":\"2025-03-01T09:00:00Z\"}";

        assertThat(post(endpoint, receipt, Optional.of("wrong"))).isEqualTo(401);
        assertThat(post(endpoint, receipt, Optional.empty())).isEqualTo(401);
        assertThat(post(endpoint, "{\"id\":\"msg-9\",\"status\":\"lost\"}", Optional.of("secret"))).isEqualTo(400);
        assertThat(post(endpoint, "not json", Optional.of("secret"))).isEqualTo(400);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        assertThat(receipts).isEmpty();

        assertThat(post(endpoint, "{\"id\":\"msg-8\",\"status\":\"sent\"}", Optional.of("secret"))).isEqualTo(204);
        assertThat(post(endpoint, receipt, Optional.of("secret"))).isEqualTo(204);

        assertThat(receipts.poll(10, TimeUnit.SECONDS))
                .isEqualTo(new DeliveryReceipt("msg-9", DeliveryStatus.EXPIRED, Instant.parse("2025-03-01T09:00:00Z")));
        assertThat(receipts).isEmpty();
    }

    @Test
    void theCallbackEndpointTakesBatchesAndMissingTimes() throws Exception {
        HttpSmsGateway gateway = gateway(config().with("status-mode", "callback"));
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        gateway.onReceipt(receipts::add);

        int status = post(gateway.callbackAddress().orElseThrow(),
                "[{\"id\":\"a\",\"status\":\"delivered\"},{\"id\":\"b\",\"status\":\"undeliverable\",\"at\":\"2025-03-01T09:10:00Z\"}]",
                Optional.empty());

        assertThat(status).isEqualTo(204);
        assertThat(List.of(receipts.poll(10, TimeUnit.SECONDS), receipts.poll(10, TimeUnit.SECONDS))).containsExactly(
                new DeliveryReceipt("a", DeliveryStatus.DELIVERED, CLOCK.instant()),
                new DeliveryReceipt("b", DeliveryStatus.UNDELIVERABLE, Instant.parse("2025-03-01T09:10:00Z")));
    }

    @Test
    void pollingAsksForTheStatusUntilItIsFinal() throws Exception {
        HttpSmsGateway gateway = gateway(config().with("status-mode", "polling").with("poll-interval", "PT0.05S"));
        BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();
        gateway.onReceipt(receipts::add);
        String id = ((SendOutcome.Accepted) gateway.send(HELLO)).providerMessageId();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (service.requests().stream().noneMatch(r -> r.method().equals("GET")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(service.requests()).as("the gateway polls the status").anyMatch(r -> r.method().equals("GET"));
        service.sendReceipt(id, DeliveryStatus.DELIVERED);

        DeliveryReceipt receipt = receipts.poll(10, TimeUnit.SECONDS);
        assertThat(receipt).isNotNull();
        assertThat(receipt.providerMessageId()).isEqualTo(id);
        assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED);
        FakeSmsService.Request poll = service.requests().stream().filter(r -> r.method().equals("GET")).findFirst().orElseThrow();
        assertThat(poll.path()).isEqualTo("/v1/messages/" + id);
        assertThat(poll.header("Authorization")).isEqualTo("Bearer " + FakeSmsService.API_KEY);
        assertThat(gateway.callbackAddress()).isEmpty();
    }

    @Test
    void isFoundByServiceLoaderAsHttpJson() {
        try (SmsGateway found = MessagingProviders.discover().createSmsGateway(config().with("provider", "http-json"))) {
            assertThat(found).isInstanceOf(HttpSmsGateway.class);
            assertThat(found.send(HELLO).isAccepted()).isTrue();
            assertThat(found.capabilities().deliveryReceipts()).isTrue();
        }
    }

    @Test
    void badConfigurationNamesTheKey() {
        HttpSmsGatewayProvider provider = new HttpSmsGatewayProvider();

        assertKey(() -> provider.create(ProviderConfig.empty().with("api-key", "k")), "base-url", "is required but missing");
        assertKey(() -> provider.create(config().with("base-url", "ftp://sms.example.com")), "base-url", "\"ftp://sms.example.com\"");
        assertKey(() -> provider.create(config().with("base-url", "sms.example.com/v1")), "base-url", "\"sms.example.com/v1\"");
        assertKey(() -> provider.create(ProviderConfig.empty().with("base-url", "https://sms.example.com")), "api-key", "is required but missing");
        assertKey(() -> provider.create(config().with("api-key", "  ")), "api-key", "is required but blank");
        assertKey(() -> provider.create(config().with("status-mode", "push")), "status-mode", "\"push\"");
        assertKey(() -> provider.create(config().with("callback-port", "70000")), "callback-port", "\"70000\"");
        assertKey(() -> provider.create(config().with("callback-port", "http")), "callback-port", "\"http\"");
        assertKey(() -> provider.create(config().with("timeout", "soon")), "timeout", "\"soon\"");
        assertKey(() -> provider.create(config().with("poll-interval", "0")), "poll-interval", "positive");
        assertKey(() -> provider.create(config().with("max-parts", "0")), "max-parts", "\"0\"");
    }

    @Test
    void settingsHideTheSecrets() {
        HttpSmsSettings settings = HttpSmsSettings.from(config().with("callback-token", "tok-secret"));

        assertThat(settings.toString()).doesNotContain(FakeSmsService.API_KEY).doesNotContain("tok-secret").contains("apiKey=****");
    }

    private static void assertKey(Runnable create, String key, String fragment) {
        assertThatThrownBy(create::run)
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining("\"" + key + "\"")
                .hasMessageContaining(fragment);
    }

    private static int post(URI endpoint, String body, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
