package org.crmkit.messaging.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crmkit.messaging.DeliveryReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a provider's delivery callbacks for one gateway and hands the receipts to its listeners. A host mounts it
 * in its own HTTP server: copy the request into a {@link ReceiptRequest}, call {@link #handle}, write the
 * {@link ReceiptResponse} back; with the JDK's {@code com.sun.net.httpserver}, {@link #asHttpHandler()} does that.
 *
 * <p>What it checks: the method, the provider's signature where it signs (Twilio) or the {@code callback-token} in
 * the address where it does not (SMS.ru, SMSC.ru), and the fields a callback must carry. A refused callback is
 * answered 4xx with the reason (403 forged, 400 malformed, 405 method, 413 too large, 415 content type) and
 * logged at WARN; nothing reaches the listeners. Thread-safe.
 */
public final class ReceiptHandler {

    /** Callbacks are a few hundred bytes; larger bodies are refused. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptHandler.class);

    private final ProviderDialect dialect;
    private final Supplier<Optional<URI>> receiptAddress;
    private final Clock clock;
    private final Consumer<DeliveryReceipt> sink;

    ReceiptHandler(ProviderDialect dialect, Supplier<Optional<URI>> receiptAddress, Clock clock, Consumer<DeliveryReceipt> sink) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.receiptAddress = Objects.requireNonNull(receiptAddress, "receiptAddress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Reads one callback, passes its final statuses to the listeners, and says what to answer the provider. */
    public ReceiptResponse handle(ReceiptRequest request) {
        Objects.requireNonNull(request, "request");
        ProviderDialect.Receipts receipts;
        try {
            if (request.body().length > MAX_BODY_BYTES) {
                throw new ReceiptRefusedException(413, "callback bodies are limited to " + MAX_BODY_BYTES + " bytes");
            }
            receipts = dialect.receipts(request, receiptAddress.get(), clock);
        } catch (ReceiptRefusedException e) {
            LOG.warn("refused a {} callback {}: {}", dialect.name(), request, e.getMessage());
            return ReceiptResponse.text(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            LOG.warn("refused a malformed {} callback {}: {}", dialect.name(), request, e.getMessage());
            return ReceiptResponse.text(400, "malformed callback: " + e.getMessage());
        }
        receipts.receipts().forEach(sink);
        return receipts.reply();
    }

    /** This handler for the JDK's HTTP server: the request is read (at most {@link #MAX_BODY_BYTES}) and answered. */
    public HttpHandler asHttpHandler() {
        return this::exchange;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            ReceiptResponse response = handle(new ReceiptRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), body));
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }
}
