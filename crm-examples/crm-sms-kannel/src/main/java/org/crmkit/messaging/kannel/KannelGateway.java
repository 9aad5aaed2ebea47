package org.crmkit.messaging.kannel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ReceiptListener;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsCapabilities;
import org.crmkit.messaging.sms.SmsEncoding;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.messaging.sms.SmsParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS through Kannel's smsbox: one {@code GET <sendsms-url>} per message with the URL's own query, then
 * {@code username}, {@code password}, {@code from}, {@code to}, {@code text} (UTF-8), {@code charset=UTF-8},
 * {@code coding} (0 for a GSM-7 text, 2 for UCS-2, as {@link SmsParts} decides), {@code validity} in minutes when the
 * message has one, and, when reports are wanted, {@code dlr-mask} and a {@code dlr-url} with a token of this message
 * (see {@link DeliveryReports}). The answer maps to a {@link SendOutcome} as {@link SendsmsAnswers} says.
 *
 * <p>Transport outcomes: no connection (refused, connect time-out) is a temporary failure, since nothing was sent; no
 * answer within {@code timeout}, or a connection lost after the request went out, is {@link SendOutcome.Unknown}.
 * Kannel does not drop a resubmitted message, so the gateway does not declare idempotent resubmission. A text longer
 * than {@code max-parts} is refused here with {@code too_many_parts} (Kannel would cut it to its {@code max-messages}).
 *
 * <p>The provider message id of an accepted message is a random UUID of this gateway (Kannel gives none); delivery
 * reports carry it. Declared capabilities: {@code max-parts}, {@code max-messages-per-second}, delivery receipts when
 * {@code dlr-url-base} or {@code dlr-server-port} is set, no idempotent resubmission. Thread-safe.
 */
public final class KannelGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(KannelGateway.class);

    private final KannelSettings settings;
    private final ExecutorService httpExecutor;
    private final HttpClient client;
    private final SmsCapabilities capabilities;
    private final List<ReceiptListener> listeners = new CopyOnWriteArrayList<>();
    private final DeliveryReports reports;
    private final Optional<DeliveryReportServer> server;
    private final Optional<String> dlrUrlPrefix;
    private final String requestPrefix;
    private volatile boolean closed;

    public KannelGateway(KannelSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the time of receipts whose report carries none, and the age of tokens */
    public KannelGateway(KannelSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reports = new DeliveryReports(settings.dlrTokenLifetime(), Objects.requireNonNull(clock, "clock"), this::dispatch);
        this.server = settings.dlrServerPort().map(port -> new DeliveryReportServer(settings.dlrServerHost(), port, reports));
        Optional<URI> base = settings.dlrUrlBase();
        if (base.isEmpty() && server.isPresent()) {
            if (server.get().wildcard()) {
                server.get().close();
                throw new InvalidConfigurationException(KannelSettings.DLR_URL_BASE, "configuration key \""
                        + KannelSettings.DLR_URL_BASE + "\" is required when \"" + KannelSettings.DLR_SERVER_HOST
                        + "\" is \"" + settings.dlrServerHost() + "\" (every interface): say how Kannel reaches this host,"
                        + " e.g. http://crm.example.com:" + settings.dlrServerPort().get() + DeliveryReportServer.PATH);
            }
            base = Optional.of(server.get().address());
        }
        this.dlrUrlPrefix = base.map(uri -> uri + (uri.getRawQuery() == null ? "?" : "&") + DeliveryReports.TOKEN + "=");
        this.requestPrefix = requestPrefix(settings);
        AtomicInteger threads = new AtomicInteger();
        this.httpExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "kannel-sendsms-" + threads.incrementAndGet());
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
                .deliveryReceipts(dlrUrlPrefix.isPresent())
                .idempotentResubmission(false)
                .build();
    }

    @Override
    public SendOutcome send(SmsMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed) {
            throw new IllegalStateException("the Kannel gateway for " + settings.sendsmsAddress() + " is closed");
        }
        SmsParts parts = SmsParts.of(message.text());
        if (parts.count() > capabilities.maxParts()) {
            return SendOutcome.permanent("too_many_parts", "the text needs " + parts.count() + " parts, at most "
                    + capabilities.maxParts() + " allowed (" + KannelSettings.MAX_PARTS + ")");
        }
        String id = UUID.randomUUID().toString();
        Optional<String> token = dlrUrlPrefix.map(prefix -> reports.issue(id));
        HttpRequest request = HttpRequest.newBuilder(URI.create(requestPrefix + parameters(message, parts, token)))
                .timeout(settings.timeout())
                .GET()
                .build();
        SendOutcome outcome = submit(request, id, parts.count());
        if (!outcome.isAccepted()) {
            token.ifPresent(reports::forget);
        }
        LOG.debug("submitted {} to {}: {}", message.idempotencyKey(), message.destination(), outcome);
        return outcome;
    }

    private SendOutcome submit(HttpRequest request, String id, int localParts) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return SendsmsAnswers.outcome(response.statusCode(), response.body(), id, localParts);
        } catch (IOException e) {
            return lost(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.unknown("interrupted while waiting for sendsms's answer");
        }
    }

    /**
     * A request that got no answer: before a connection stood nothing was sent (temporary); after, smsbox may have
     * taken the message (unknown).
     */
    private SendOutcome lost(IOException failure) {
        String what = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException) {
            return SendOutcome.temporary("no connection to smsbox at " + settings.sendsmsAddress() + " (" + what
                    + ", connect-timeout " + settings.connectTimeout() + ")", Duration.ZERO);
        }
        String reason = failure instanceof HttpTimeoutException
                ? "sendsms did not answer within " + settings.timeout()
                : "the connection to sendsms broke after the request went out (" + what + ")";
        LOG.warn("{} at {}; Kannel may or may not have the message", reason, settings.sendsmsAddress());
        return SendOutcome.unknown(reason);
    }

    /** {@code <sendsms-url>?<its query>&username=..&password=..&} (credentials only when given as keys). */
    private static String requestPrefix(KannelSettings settings) {
        StringBuilder prefix = new StringBuilder(settings.sendsmsUrl().toString());
        String query = settings.sendsmsUrl().getRawQuery();
        prefix.append(query == null ? '?' : query.isEmpty() || query.endsWith("&") ? "" : "&");
        settings.username().ifPresent(user -> prefix.append("username=").append(encode(user)).append('&'));
        settings.password().ifPresent(password -> prefix.append("password=").append(encode(password)).append('&'));
        return prefix.toString();
    }

    private String parameters(SmsMessage message, SmsParts parts, Optional<String> token) {
        StringBuilder query = new StringBuilder(96 + 3 * message.text().length());
        query.append("from=").append(encode(message.sender()))
                .append("&to=").append(encode(message.destination()))
                .append("&text=").append(encode(message.text()))
                .append("&charset=UTF-8")
                .append("&coding=").append(parts.encoding() == SmsEncoding.GSM7 ? '0' : '2');
        message.validity().ifPresent(validity -> query.append("&validity=").append(minutes(validity)));
        token.ifPresent(t -> query.append("&dlr-mask=").append(settings.dlrMask())
                .append("&dlr-url=").append(encode(dlrUrlPrefix.orElseThrow() + t + "&" + DeliveryReports.TYPE + "=%d&"
                        + DeliveryReports.TIME + "=%T&" + DeliveryReports.REPORT + "=%A")));
        return query.toString();
    }

    /** Kannel takes the validity in whole minutes; a part of a minute counts as a minute. */
    private static long minutes(Duration validity) {
        long minutes = validity.toMinutes();
        return validity.equals(Duration.ofMinutes(minutes)) ? Math.max(1, minutes) : minutes + 1;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public SmsCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void onReceipt(ReceiptListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * The handler for Kannel's delivery reports, to mount in the host's own HTTP server at the path of
     * {@code dlr-url-base}; the small server (key {@code dlr-server-port}) serves the same handler.
     */
    public DeliveryReports deliveryReports() {
        return reports;
    }

    /** The address of the small report server, when {@code dlr-server-port} is set. */
    public Optional<URI> deliveryReportAddress() {
        return server.map(DeliveryReportServer::address);
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

    /** Stops the small report server (if any) and the HTTP client's threads. */
    @Override
    public void close() {
        closed = true;
        server.ifPresent(DeliveryReportServer::close);
        httpExecutor.shutdownNow();
    }

}
