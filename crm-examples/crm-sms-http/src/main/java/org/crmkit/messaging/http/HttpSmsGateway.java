package org.crmkit.messaging.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.ReceiptListener;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsCapabilities;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.messaging.sms.SmsParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS through a JSON REST service.
 *
 * <p>Wire format. Submit: {@code POST {base-url}/messages} with {@code Authorization: Bearer <api-key>} and
 * {@code {"from", "to", "text", "validity_seconds", "client_ref"}} ({@code validity_seconds} only when the message
 * has a validity; {@code client_ref} is the idempotency key, which the service uses to drop duplicates). The
 * answer maps to a {@link SendOutcome} as {@link SubmitResponses} describes. Status: the service POSTs
 * {@code {"id", "status": "delivered|undeliverable|expired", "at"}} to {@link #callbackAddress()} (callback mode)
 * or answers {@code GET {base-url}/messages/{id}} with the same object (polling mode).
 *
 * <p>Transport outcomes: no connection (refused, connect time-out) is a temporary failure, since nothing was
 * sent; no answer within {@code timeout}, or a connection lost after the request went out, is
 * {@link SendOutcome.Unknown}; resubmitting with the same idempotency key is then safe, which the gateway
 * declares as {@link SmsCapabilities#idempotentResubmission()}. A text longer than {@code max-parts} is refused
 * locally with {@code too_many_parts}. Thread-safe.
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final HttpSmsSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final SubmitResponses responses;
    private final ExecutorService httpExecutor;
    private final HttpClient client;
    private final SmsCapabilities capabilities;
    private final List<ReceiptListener> listeners = new CopyOnWriteArrayList<>();
    private final Optional<ReceiptCallbackServer> callbackServer;
    private final Optional<StatusPoller> poller;
    private volatile boolean closed;

    public HttpSmsGateway(HttpSmsSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock used for {@code Retry-After} dates and receipts without a time */
    public HttpSmsGateway(HttpSmsSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.responses = new SubmitResponses(json, clock);
        AtomicInteger threads = new AtomicInteger();
        this.httpExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "http-sms-client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        this.capabilities = SmsCapabilities.builder()
                .maxParts(settings.maxParts())
                .maxMessagesPerSecond(settings.maxMessagesPerSecond())
                .deliveryReceipts(true)
                .idempotentResubmission(true)
                .build();
        if (settings.statusMode() == StatusMode.CALLBACK) {
            this.callbackServer = Optional.of(new ReceiptCallbackServer(settings, json, clock, this::dispatch));
            this.poller = Optional.empty();
        } else {
            this.callbackServer = Optional.empty();
            this.poller = Optional.of(new StatusPoller(settings, client, json, clock, this::dispatch));
        }
    }

    @Override
    public SendOutcome send(SmsMessage message) {
        if (closed) {
            throw new IllegalStateException("the HTTP SMS gateway for " + settings.baseUrl() + " is closed");
        }
        SmsParts parts = SmsParts.of(message.text());
        if (parts.count() > capabilities.maxParts()) {
            return SendOutcome.permanent("too_many_parts",
                    "text needs " + parts.count() + " parts, at most " + capabilities.maxParts() + " allowed (max-parts)");
        }
        HttpRequest request = HttpRequest.newBuilder(settings.messagesUri())
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(message)))
                .build();
        SendOutcome outcome = submit(request, parts.count());
        if (outcome instanceof SendOutcome.Accepted) {
            poller.ifPresent(p -> p.track(((SendOutcome.Accepted) outcome).providerMessageId()));
        }
        LOG.debug("submitted {} to {}: {}", message.idempotencyKey(), message.destination(), outcome);
        return outcome;
    }

    private SendOutcome submit(HttpRequest request, int localParts) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return SendOutcome.temporary("no connection to " + settings.baseUrl() + " within " + settings.connectTimeout(), Duration.ZERO);
        } catch (ConnectException e) {
            return SendOutcome.temporary("cannot connect to " + settings.baseUrl() + ": " + describe(e), Duration.ZERO);
        } catch (HttpTimeoutException e) {
            LOG.warn("no answer from {} within {}; the message may or may not have been taken", settings.baseUrl(), settings.timeout());
            return SendOutcome.unknown("no answer within " + settings.timeout() + " after the request was sent");
        } catch (IOException e) {
            LOG.warn("connection to {} failed during the request; the message may or may not have been taken: {}",
                    settings.baseUrl(), describe(e));
            return SendOutcome.unknown("connection failed during the request: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.unknown("interrupted while waiting for the answer");
        }
        return responses.outcome(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After"), localParts);
    }

    private byte[] body(SmsMessage message) {
        ObjectNode body = json.createObjectNode()
                .put("from", message.sender())
                .put("to", message.destination())
                .put("text", message.text());
        message.validity().ifPresent(validity -> body.put("validity_seconds", Math.max(1, validity.toSeconds())));
        body.put("client_ref", message.idempotencyKey());
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON object of strings", e);
        }
    }

    @Override
    public SmsCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void onReceipt(ReceiptListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Where the service should POST receipts, in callback mode; empty in polling mode. */
    public Optional<URI> callbackAddress() {
        return callbackServer.map(ReceiptCallbackServer::address);
    }

    private void dispatch(DeliveryReceipt receipt) {
        for (ReceiptListener listener : listeners) {
            try {
                listener.onReceipt(receipt);
            } catch (RuntimeException e) {
                LOG.warn("receipt listener failed on {}", receipt, e);
            }
        }
    }

    /** Stops the callback endpoint or the poller and the HTTP client's threads. */
    @Override
    public void close() {
        closed = true;
        callbackServer.ifPresent(ReceiptCallbackServer::close);
        poller.ifPresent(StatusPoller::close);
        httpExecutor.shutdownNow();
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
    }
}
