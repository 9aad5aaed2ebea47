package org.crmkit.messaging.kannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway against a real Kannel whose SMPP link is bound to the in-process SMSC (bearerbox queues without limit
 * here): Kannel's answers as outcomes, a sendsms URL with a query string, and 1,000 messages whose delivery reports
 * come back interleaved with the sending, each matched to its message by the token in its dlr-url.
 */
@ExtendWith(RequiresKannel.class)
class KannelGatewayTest {

    private static final String DENIED = "+447700900888";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static InProcessSmsc smsc;
    private static LocalKannel kannel;
    private static KannelGateway gateway;
    private static final BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        smsc = InProcessSmsc.start();
        kannel = LocalKannel.start(LocalKannel.Options.of(LocalKannel.Smsc.smpp(smsc.port())).deniedPrefix(DENIED));
        gateway = new KannelGatewayProvider().create(config());
        gateway.onReceipt(receipts::add);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (kannel != null) {
            kannel.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @BeforeEach
    void clean() {
        if (!smsc.bound()) {
            smsc.acceptLinks();
            kannel.awaitSmscOnline(true);
        }
        smsc.forgetReceived();
        receipts.clear();
    }

    private static ProviderConfig config() {
        return ProviderConfig.of(Map.of(
                "sendsms-url", kannel.sendsmsUrl().toString(),
                "username", LocalKannel.USERNAME,
                "password", LocalKannel.PASSWORD,
                "dlr-server-port", "0",
                "max-parts", "10"));
    }

    @Test
    void declaresWhatItDoes() {
        assertThat(gateway.capabilities().deliveryReceipts()).isTrue();
        assertThat(gateway.capabilities().idempotentResubmission()).isFalse();
        assertThat(gateway.capabilities().maxParts()).isEqualTo(10);
        try (KannelGateway noReports = new KannelGatewayProvider().create(config().with("dlr-server-port", ""))) {
            assertThat(noReports.capabilities().deliveryReceipts()).as("without an address for reports").isFalse();
            assertThat(noReports.send(message("No report wanted")).isAccepted()).isTrue();
        }
    }

    @Test
    void wrongCredentialsArePermanent() {
        try (KannelGateway wrong = new KannelGatewayProvider().create(config().with("password", "wrong"))) {
            SendOutcome outcome = wrong.send(message("Hello"));

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
                assertThat(failure.code()).isEqualTo("auth");
                assertThat(failure.reason()).contains("Authorization failed for sendsms");
            });
        }
    }

    @Test
    void aDestinationNoLinkMayCarryIsNotRoutable() {
        int pending = gateway.deliveryReports().pendingCount();

        SendOutcome outcome = gateway.send(SmsMessage.of(key(), "CrmKit", DENIED, "Hello"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                failure -> assertThat(failure.code()).isEqualTo("not_routable"));
        assertThat(gateway.deliveryReports().pendingCount()).as("no token kept for a refused message").isEqualTo(pending);
    }

    @Test
    void aTextLongerThanMaxPartsIsRefusedBeforeKannelCutsIt() {
        try (KannelGateway onePart = new KannelGatewayProvider().create(config().with("max-parts", "1"))) {
            SendOutcome outcome = onePart.send(message("x".repeat(161)));

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class,
                    failure -> assertThat(failure.code()).isEqualTo("too_many_parts"));
        }
    }

    @Test
    void aSendsmsUrlWithAQueryStringCarriesCredentialsAndRouting() {
        String url = kannel.sendsmsUrl() + "?username=" + LocalKannel.USERNAME + "&password="
                + LocalKannel.PASSWORD.replace(" ", "+") + "&smsc=link";
        try (KannelGateway viaQuery = new KannelGatewayProvider().create(ProviderConfig.of(Map.of("sendsms-url", url)))) {
            assertThat(viaQuery.send(message("Credentials in the query")).isAccepted()).isTrue();
        }
        assertThat(smsc.awaitMessage("Credentials in the query", PATIENCE).sms().destination()).isEqualTo("+447700900123");
    }

    @Test
    void withTheLinkDownKannelQueuesAndDeliversLater() {
        smsc.dropLinks(true);
        kannel.awaitSmscOnline(false);

        SendOutcome queued = gateway.send(message("Queued while the link is down"));

        assertThat(queued.isAccepted()).as("3: Queued for later delivery, got " + queued).isTrue();
        assertThat(smsc.received()).isEmpty();
        smsc.acceptLinks();
        assertThat(smsc.awaitMessage("Queued while the link is down", PATIENCE).sms().parts()).isEqualTo(1);
    }

    @Test
    void aLongMessageHasOneFinalReportTheOneOfItsFirstPart() throws InterruptedException {
        String text = "Ж".repeat(140);
        SendOutcome.Accepted accepted = (SendOutcome.Accepted) gateway.send(message(text));
        InProcessSmsc.Message arrived = smsc.awaitMessage(text, PATIENCE);

        smsc.sendReceipt(arrived, DeliveryStatus.DELIVERED);

        assertThat(arrived.partIds()).hasSize(3);
        DeliveryReceipt receipt = receipts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(receipt).isNotNull();
        assertThat(receipt.providerMessageId()).isEqualTo(accepted.providerMessageId());
        assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aForgedReportIsRefusedAndReachesNoListener() throws Exception {
        URI forged = URI.create(gateway.deliveryReportAddress().orElseThrow() + "?token=AAAAAAAAAAAAAAAAAAAAAA&type=1");

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(forged).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(receipts.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aThousandMessagesWhoseReportsArriveInterleavedAreEachMatchedToTheirMessage() throws Exception {
        int messages = 1000;
        int pending = gateway.deliveryReports().pendingCount();
        DeliveryStatus[] statuses = DeliveryStatus.values();
        Map<String, DeliveryStatus> expected = new ConcurrentHashMap<>();
        Map<String, String> idByText = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            int n = i;
            sent.add(senders.submit(() -> {
                String text = "Interleaved message " + n;
                SendOutcome outcome = gateway.send(message(text));
                assertThat(outcome.isAccepted()).as("message %d: %s", n, outcome).isTrue();
                String id = ((SendOutcome.Accepted) outcome).providerMessageId();
                idByText.put(text, id);
                expected.put(id, statuses[n % statuses.length]);
            }));
        }
        // the SMSC answers in its own order while the sending goes on: each batch of arrivals is shuffled
        Random random = new Random(13);
        List<InProcessSmsc.Message> receipted = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (receipted.size() < messages && System.nanoTime() < deadline) {
            // a message of an earlier test may still arrive: only this test's messages get receipts
            List<InProcessSmsc.Message> fresh = smsc.received().stream()
                    .filter(m -> m.sms().text().startsWith("Interleaved message ") && !receipted.contains(m))
                    .collect(Collectors.toCollection(ArrayList::new));
            Collections.shuffle(fresh, random);
            for (InProcessSmsc.Message message : fresh) {
                int n = Integer.parseInt(message.sms().text().substring("Interleaved message ".length()));
                smsc.sendReceipt(message, statuses[n % statuses.length]);
                receipted.add(message);
            }
            Thread.sleep(5);
        }
        for (Future<?> each : sent) {
            each.get();
        }
        senders.shutdown();

        Map<String, DeliveryStatus> got = new HashMap<>();
        while (got.size() < messages) {
            DeliveryReceipt receipt = receipts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(receipt).as("receipt %d of %d", got.size() + 1, messages).isNotNull();
            assertThat(got.put(receipt.providerMessageId(), receipt.status())).as("a second receipt for " + receipt).isNull();
        }
        assertThat(receipted).hasSize(messages);
        assertThat(got).isEqualTo(expected);
        assertThat(receipts.poll(200, TimeUnit.MILLISECONDS)).as("no receipt beyond one per message").isNull();
        assertThat(gateway.deliveryReports().pendingCount()).as("every token finished").isEqualTo(pending);
    }

    private static SmsMessage message(String text) {
        return SmsMessage.of(key(), "CrmKit", "+447700900123", text);
    }

    private static String key() {
        return "test-" + java.util.UUID.randomUUID();
    }
}
