package org.crmkit.messaging.http;

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
 * Sends SMS through a provider's HTTP API, in the dialect of one preset (SMS.ru, SMSC.ru, Twilio), created by
 * {@link SmsRuGatewayProvider}, {@link SmscGatewayProvider} or {@link TwilioGatewayProvider}.
 *
 * <p>Transport outcomes, the same for every preset: no connection (refused, connect time-out) is a temporary
 * failure, since nothing was sent; no answer within {@code timeout}, or a connection lost after the request went
 * out, is {@link SendOutcome.Unknown}. None of the three providers drops a resubmitted duplicate, so the gateway
 * does not declare {@link SmsCapabilities#idempotentResubmission()}: resend an unknown outcome only after checking
 * with the provider. A text needing more than {@code max-parts} parts is refused locally with {@code too_many_parts}.
 *
 * <p>Receipts ({@code receipts} is {@code mounted} or {@code server}): the provider's callbacks go to
 * {@link #receiptHandler()} (mounted by the host, or served by the built-in server at {@link #callbackAddress()}),
 * which passes final statuses to the listeners registered with {@link #onReceipt}. Credentials never appear in
 * logs or failure reasons. Thread-safe.
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final ProviderDialect dialect;
    private final GatewaySettings settings;
    private final Clock clock;
    private final ExecutorService httpExecutor;
    private final HttpClient client;
    private final SmsCapabilities capabilities;
    private final List<ReceiptListener> listeners = new CopyOnWriteArrayList<>();
    private final ReceiptHandler receiptHandler;
    private final Optional<ReceiptCallbackServer> callbackServer;
    private final Optional<URI> receiptAddress;
    private volatile boolean closed;

    /**
     * @param publicReceiptAddress where the provider reaches the receipt handler, when the host said (Twilio's
     *                             {@code status-callback-url}); with {@code receipts=server} and none given, the
     *                             built-in server's own address
     */
    HttpSmsGateway(ProviderDialect dialect, GatewaySettings settings, Optional<URI> publicReceiptAddress, Clock clock) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(publicReceiptAddress, "publicReceiptAddress");
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
                .deliveryReceipts(settings.receipts() != ReceiptMode.NONE)
                .idempotentResubmission(false)
                .build();
        this.receiptHandler = new ReceiptHandler(dialect, this::receiptAddress, clock, this::dispatch);
        if (settings.receipts() == ReceiptMode.SERVER) {
            ReceiptCallbackServer server;
            try {
                server = new ReceiptCallbackServer(settings.callbackHost(), settings.callbackPort(), receiptHandler);
            } catch (RuntimeException e) {
                httpExecutor.shutdownNow();
                throw e;
            }
            this.callbackServer = Optional.of(server);
            this.receiptAddress = Optional.of(publicReceiptAddress.orElse(server.address()));
        } else {
            this.callbackServer = Optional.empty();
            this.receiptAddress = settings.receipts() == ReceiptMode.NONE ? Optional.empty() : publicReceiptAddress;
        }
    }

    @Override
    public SendOutcome send(SmsMessage message) {
        if (closed) {
            throw new IllegalStateException("the " + dialect.name() + " gateway for " + settings.safeBaseUrl() + " is closed");
        }
        SmsParts parts = SmsParts.of(message.text());
        if (parts.count() > capabilities.maxParts()) {
            return SendOutcome.permanent("too_many_parts",
                    "text needs " + parts.count() + " parts, at most " + capabilities.maxParts() + " allowed (max-parts)");
        }
        HttpRequest request = dialect.request(message, receiptAddress).timeout(settings.timeout()).build();
        SendOutcome outcome = submit(request, parts.count());
        LOG.debug("submitted {} to {} via {}: {}", message.idempotencyKey(), message.destination(), dialect.name(), outcome);
        return outcome;
    }

    private SendOutcome submit(HttpRequest request, int localParts) {
        String where = dialect.name() + " at " + settings.safeBaseUrl();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return SendOutcome.temporary("no connection to " + where + " within " + settings.connectTimeout(), Duration.ZERO);
        } catch (ConnectException e) {
            return SendOutcome.temporary("cannot connect to " + where + ": " + describe(e), Duration.ZERO);
        } catch (HttpTimeoutException e) {
            LOG.warn("no answer from {} within {}; the message may or may not have been taken", where, settings.timeout());
            return SendOutcome.unknown("no answer from " + where + " within " + settings.timeout() + " after the request was sent");
        } catch (IOException e) {
            LOG.warn("connection to {} failed during the request; the message may or may not have been taken: {}", where, describe(e));
            return SendOutcome.unknown("connection to " + where + " failed during the request: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.unknown("interrupted while waiting for the answer of " + where);
        }
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
        return dialect.outcome(new ProviderDialect.Answer(response.statusCode(), response.body(), retryAfter), localParts);
    }

    @Override
    public SmsCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void onReceipt(ReceiptListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The handler a host mounts in its own HTTP server to take this provider's delivery callbacks. */
    public ReceiptHandler receiptHandler() {
        return receiptHandler;
    }

    /** The built-in callback server's address ({@code receipts=server}); empty otherwise. */
    public Optional<URI> callbackAddress() {
        return callbackServer.map(ReceiptCallbackServer::address);
    }

    /** The preset's provider name, e.g. {@code sms.ru}. */
    public String providerName() {
        return dialect.name();
    }

    private Optional<URI> receiptAddress() {
        return receiptAddress;
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

    /** Stops the callback server, if any, and the HTTP client's threads. */
    @Override
    public void close() {
        closed = true;
        callbackServer.ifPresent(ReceiptCallbackServer::close);
        httpExecutor.shutdownNow();
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
    }
}
