package org.crmkit.messaging.kannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dlr-url callback on its own: tokens, report types, and what it refuses. */
class DeliveryReportsTest {

    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final DeliveryReports reports = new DeliveryReports(Duration.ofHours(1), clock, receipts::add);

    @ParameterizedTest(name = "type {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "1 | id:7 sub:001 dlvrd:001 stat:DELIVRD err:000 | DELIVERED",
            "2 | id:7 sub:001 dlvrd:000 stat:UNDELIV err:001 | UNDELIVERABLE",
            "2 | id:7 sub:001 dlvrd:000 stat:EXPIRED err:001 | EXPIRED",
            "34 | id:7 sub:001 dlvrd:000 stat:EXPIRED err:001 | EXPIRED",
            "66 | id:7 sub:001 dlvrd:000 stat:UNKNOWN err:001 | UNDELIVERABLE",
            "16 | NACK/0x0000000b/Invalid Destination Address | UNDELIVERABLE",
    })
    void aFinalReportReachesTheListenerOnceWithTheMessagesId(String type, String report, DeliveryStatus status) {
        String token = reports.issue("message-1");

        DeliveryReports.Answer answer = reports.handle("token=" + token + "&type=" + type + "&time=1796461200&report="
                + java.net.URLEncoder.encode(report, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(receipts).containsExactly(new DeliveryReceipt("message-1", status, Instant.ofEpochSecond(1796461200L)));
        assertThat(reports.handle("token=" + token + "&type=1").status()).as("a second final report").isEqualTo(403);
        assertThat(receipts).hasSize(1);
        assertThat(reports.pendingCount()).isZero();
    }

    @Test
    void intermediateReportsAreTakenButNotPassedOn() {
        String token = reports.issue("message-2");

        assertThat(reports.handle("token=" + token + "&type=8&time=1796461200&report=ACK%2F").status()).isEqualTo(200);
        assertThat(reports.handle("token=" + token + "&type=4&time=&report=").status()).isEqualTo(200);
        assertThat(receipts).isEmpty();
        assertThat(reports.handle("token=" + token + "&type=1&time=&report=").status()).isEqualTo(200);
        assertThat(receipts).extracting(DeliveryReceipt::status).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(receipts.get(0).at()).as("no time in the report: the clock's").isEqualTo(now.get());
    }

    @Test
    void aTokenThisGatewayDidNotIssueIsRefused() {
        String token = reports.issue("message-3");
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertThat(reports.handle("token=" + forged + "&type=1").status()).isEqualTo(403);
        assertThat(reports.handle("type=1").status()).isEqualTo(403);
        assertThat(reports.handle(null).status()).isEqualTo(403);
        assertThat(reports.handle("token=&type=1").status()).isEqualTo(403);
        assertThat(receipts).isEmpty();
        assertThat(reports.pendingCount()).isEqualTo(1);
    }

    @Test
    void aForgottenOrOutlivedTokenIsRefused() {
        String forgotten = reports.issue("message-4");
        String old = reports.issue("message-5");
        reports.forget(forgotten);
        now.set(now.get().plus(Duration.ofHours(1)).plusSeconds(1));

        assertThat(reports.handle("token=" + forgotten + "&type=1").status()).isEqualTo(403);
        assertThat(reports.handle("token=" + old + "&type=1").status()).isEqualTo(403);
        assertThat(receipts).isEmpty();
        assertThat(reports.pendingCount()).isZero();
    }

    @Test
    void aReportWithoutAKnownTypeIsABadRequestAndKeepsTheToken() {
        String token = reports.issue("message-6");

        assertThat(reports.handle("token=" + token + "&type=%25d").status()).isEqualTo(400);
        assertThat(reports.handle("token=" + token + "&type=0").status()).isEqualTo(400);
        assertThat(reports.handle("token=" + token + "&type=32").status()).isEqualTo(400);
        assertThat(reports.handle("token=" + token).status()).isEqualTo(400);
        assertThat(receipts).isEmpty();
        assertThat(reports.handle("token=" + token + "&type=2").status()).isEqualTo(200);
        assertThat(receipts).extracting(DeliveryReceipt::status).containsExactly(DeliveryStatus.UNDELIVERABLE);
    }

    @Test
    void tokensAreDistinctAndUnguessablyLong() {
        String first = reports.issue("a");
        String second = reports.issue("b");

        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void theSmallServerServesTheHandlerAndRefusesOtherMethods() throws Exception {
        try (DeliveryReportServer server = new DeliveryReportServer("127.0.0.1", 0, reports)) {
            HttpClient http = HttpClient.newHttpClient();
            String token = reports.issue("message-7");
            URI base = server.address();

            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "?token=nope&type=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(base + "?token=" + token + "&type=1"))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> taken = http.send(HttpRequest.newBuilder(URI.create(base + "?token=" + token + "&type=1")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(base.toString()).startsWith("http://127.0.0.1:").endsWith("/kannel/dlr");
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(delete.statusCode()).isEqualTo(405);
            assertThat(taken.statusCode()).isEqualTo(200);
            assertThat(receipts).extracting(DeliveryReceipt::providerMessageId).containsExactly("message-7");
        }
    }
}
