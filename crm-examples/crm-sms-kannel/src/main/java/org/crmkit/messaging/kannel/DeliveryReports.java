package org.crmkit.messaging.kannel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of Kannel's {@code dlr-url}: Kannel's answer to sendsms carries no message id, so every message
 * gets a token of its own (128 random bits from {@link SecureRandom}) in its {@code dlr-url}, and a report is matched
 * to the message by that token alone. A report whose token this gateway did not issue (or whose message already had
 * its final report, or whose token outlived {@code dlr-token-lifetime}) is refused with 403 and reaches no listener.
 *
 * <p>The {@code dlr-url} the gateway gives Kannel is {@code <dlr-url-base>?token=<token>&type=%d&time=%T&report=%A}
 * (with {@code &} if the base has a query); Kannel replaces {@code %d} by the report type, {@code %T} by the time in
 * Unix seconds and {@code %A} by the SMSC's report text. Types, as Kannel numbers them:
 * <ul>
 *   <li>1 delivered: {@link DeliveryStatus#DELIVERED}, final;</li>
 *   <li>2 failed: {@link DeliveryStatus#UNDELIVERABLE}, final; Kannel 1.4.5 marks an expired message 34 (2 + 32) and
 *       an unknown state 66 (2 + 64): 34, or a 2 whose SMSC text says {@code stat:EXPIRED}, is
 *       {@link DeliveryStatus#EXPIRED}, 66 is {@link DeliveryStatus#UNDELIVERABLE};</li>
 *   <li>16 rejected by the SMSC: {@link DeliveryStatus#UNDELIVERABLE}, final;</li>
 *   <li>4 buffered and 8 accepted by the SMSC: intermediate, answered 200 and not passed on.</li>
 * </ul>
 * A message split into parts: bearerbox asks the SMSC for a report on the first part only and reports the SMSC's
 * acceptance once, after all parts, so one message has one final report, the one of its first part.
 *
 * <p>Mount it in a host's own HTTP server with {@link #httpHandler()} (the JDK's {@code com.sun.net.httpserver}) or,
 * for any other server, pass the request's raw query string to {@link #handle(String)} and write back the
 * {@link Answer}. Tokens live in memory: reports for messages sent before a restart are refused. Thread-safe.
 */
public final class DeliveryReports {

    static final String TOKEN = "token";
    static final String TYPE = "type";
    static final String TIME = "time";
    static final String REPORT = "report";

    // Kannel's report types (gw/dlr.h); 1.4.5 also marks an expired message 0x22 and an unknown state 0x42
    private static final int SUCCESS = 0x01;
    private static final int FAIL = 0x02;
    private static final int BUFFERED = 0x04;
    private static final int SMSC_SUCCESS = 0x08;
    private static final int SMSC_FAIL = 0x10;
    private static final int EXPIRED = 0x22;

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);
    private static final int MAX_BODY = 8 * 1024;
    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final Clock clock;
    private final Consumer<DeliveryReceipt> sink;
    private final AtomicLong issued = new AtomicLong();

    /** What the handler answers Kannel: an HTTP status and a short plain-text body. */
    public record Answer(int status, String body) {
        public Answer {
            Objects.requireNonNull(body, "body");
        }
    }

    private record Pending(String providerMessageId, Instant issuedAt) {
    }

    DeliveryReports(Duration lifetime, Clock clock, Consumer<DeliveryReceipt> sink) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** A fresh, unguessable token for the message accepted as {@code providerMessageId}. */
    String issue(String providerMessageId) {
        if (issued.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(token, new Pending(providerMessageId, clock.instant()));
        return token;
    }

    /** Forgets a token whose message Kannel did not take (or may not have taken): no report will be accepted for it. */
    void forget(String token) {
        pending.remove(token);
    }

    /** Tokens awaiting their final report. */
    int pendingCount() {
        return pending.size();
    }

    /**
     * Handles one report, given the raw (still percent-encoded) query string of Kannel's request: 200 when taken
     * (a final report is passed to the listeners before the answer), 400 for a report without a known type, 403 for
     * a token this gateway did not issue or no longer awaits.
     */
    public Answer handle(String rawQuery) {
        Map<String, String> parameters = KannelSettings.queryParameters(rawQuery);
        String token = parameters.getOrDefault(TOKEN, "");
        Pending message = pending.get(token);
        if (message == null || expired(message)) {
            if (message != null) {
                pending.remove(token, message);
            }
            LOG.warn("refused a delivery report with a token this gateway did not issue or no longer awaits (type {})",
                    parameters.getOrDefault(TYPE, "none"));
            return new Answer(403, "unknown token");
        }
        String type = parameters.getOrDefault(TYPE, "");
        OptionalInt bits = reportType(type);
        if (bits.isEmpty()) {
            LOG.warn("refused a delivery report for {} with type \"{}\" (expected Kannel's 1, 2, 4, 8, 16, 34 or 66)",
                    message.providerMessageId(), type);
            return new Answer(400, "unknown report type \"" + type + "\"");
        }
        Optional<DeliveryStatus> status = status(bits.getAsInt(), parameters.getOrDefault(REPORT, ""));
        if (status.isEmpty()) {
            LOG.debug("intermediate report type {} for {}", type, message.providerMessageId());
            return new Answer(200, "intermediate report taken");
        }
        if (!pending.remove(token, message)) {
            // another report for the same message won the race
            return new Answer(403, "unknown token");
        }
        sink.accept(new DeliveryReceipt(message.providerMessageId(), status.get(), time(parameters.getOrDefault(TIME, ""))));
        return new Answer(200, "report taken");
    }

    /** An {@link HttpHandler} for the JDK's HTTP server: GET (as Kannel sends) or POST, answered as {@link #handle(String)} says. */
    public HttpHandler httpHandler() {
        return this::exchange;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Answer answer;
            if (!method.equals("GET") && !method.equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "GET, POST");
                answer = new Answer(405, "reports come as GET");
            } else {
                try (InputStream body = exchange.getRequestBody()) {
                    body.readNBytes(MAX_BODY);
                }
                answer = handle(exchange.getRequestURI().getRawQuery());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private boolean expired(Pending message) {
        return message.issuedAt().plus(lifetime).isBefore(clock.instant());
    }

    private void sweep() {
        pending.values().removeIf(this::expired);
    }

    /** Kannel's type as a number, if it is one of its report bits. */
    private static OptionalInt reportType(String type) {
        try {
            int bits = Integer.parseInt(type.strip());
            return bits > 0 && bits < 128 && (bits & (SUCCESS | FAIL | BUFFERED | SMSC_SUCCESS | SMSC_FAIL)) != 0
                    ? OptionalInt.of(bits) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The final status a report type stands for; empty for an intermediate one (buffered, accepted by the SMSC). */
    private static Optional<DeliveryStatus> status(int bits, String report) {
        if ((bits & SUCCESS) != 0) {
            return Optional.of(DeliveryStatus.DELIVERED);
        }
        if ((bits & FAIL) != 0) {
            return Optional.of((bits & EXPIRED) == EXPIRED || saysExpired(report) ? DeliveryStatus.EXPIRED : DeliveryStatus.UNDELIVERABLE);
        }
        if ((bits & SMSC_FAIL) != 0) {
            return Optional.of(DeliveryStatus.UNDELIVERABLE);
        }
        return Optional.empty();
    }

    private static boolean saysExpired(String report) {
        return report.toUpperCase(Locale.ROOT).contains("STAT:EXPIRED");
    }

    private Instant time(String seconds) {
        try {
            long value = Long.parseLong(seconds.strip());
            return value > 0 ? Instant.ofEpochSecond(value) : clock.instant();
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }
}
