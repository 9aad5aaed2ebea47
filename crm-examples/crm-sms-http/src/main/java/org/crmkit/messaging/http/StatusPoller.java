package org.crmkit.messaging.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.crmkit.messaging.DeliveryReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks {@code GET {base-url}/messages/{id}} every poll interval for each message this gateway accepted,
 * until its status is final (then it becomes a receipt) or three days have passed. Only messages accepted by
 * this gateway instance are tracked.
 */
final class StatusPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

    private final HttpSmsSettings settings;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<DeliveryReceipt> sink;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "http-sms-status-poller");
        thread.setDaemon(true);
        return thread;
    });

    StatusPoller(HttpSmsSettings settings, HttpClient client, ObjectMapper json, Clock clock, Consumer<DeliveryReceipt> sink) {
        this.settings = settings;
        this.client = client;
        this.json = json;
        this.clock = clock;
        this.sink = sink;
        long interval = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollAll, interval, Math.max(1, interval), TimeUnit.MILLISECONDS);
    }

    void track(String providerMessageId) {
        pending.putIfAbsent(providerMessageId, clock.instant());
    }

    private void pollAll() {
        for (Map.Entry<String, Instant> entry : pending.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                poll(entry.getKey());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.debug("status poll of {} failed, will retry: {}", entry.getKey(), e.toString());
            }
            if (pending.containsKey(entry.getKey()) && Duration.between(entry.getValue(), clock.instant()).compareTo(GIVE_UP_AFTER) > 0) {
                LOG.warn("no final status for message {} after {}, no longer polling", entry.getKey(), GIVE_UP_AFTER);
                pending.remove(entry.getKey());
            }
        }
    }

    private void poll(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.messageUri(id))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            LOG.debug("status poll of {} answered HTTP {}", id, response.statusCode());
            return;
        }
        Optional<DeliveryReceipt> receipt = ReceiptJson.parse(json.readTree(response.body()), clock);
        if (receipt.isPresent()) {
            if (!receipt.get().providerMessageId().equals(id)) {
                LOG.warn("status poll of {} answered for message {}; ignored", id, receipt.get().providerMessageId());
                return;
            }
            pending.remove(id);
            sink.accept(receipt.get());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
