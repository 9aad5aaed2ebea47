package org.crmkit.messaging.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint {@code POST /receipts} the service calls with {@code {"id", "status", "at"}} (or an array of
 * them). Answers 204 when read, 400 for a malformed body, 401 without the configured token, 405 for other
 * methods, 413 for a body over 64 KiB.
 */
final class ReceiptCallbackServer implements AutoCloseable {

    static final String PATH = "/receipts";
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptCallbackServer.class);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<byte[]> expectedAuthorization;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<DeliveryReceipt> sink;

    ReceiptCallbackServer(HttpSmsSettings settings, ObjectMapper json, Clock clock, Consumer<DeliveryReceipt> sink) {
        this.json = json;
        this.clock = clock;
        this.sink = sink;
        this.expectedAuthorization = settings.callbackToken().map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpServer.create(new InetSocketAddress(settings.callbackHost(), settings.callbackPort()), 16);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException("callback-port", "cannot listen for receipts on "
                    + settings.callbackHost() + ":" + settings.callbackPort() + " (keys \"callback-host\", \"callback-port\"): " + e, e);
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "http-sms-receipts");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    URI address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + PATH);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, "method_not_allowed", "receipts are POSTed");
                return;
            }
            if (expectedAuthorization.isPresent()) {
                String given = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
                if (!MessageDigest.isEqual(expectedAuthorization.get(), given.getBytes(StandardCharsets.UTF_8))) {
                    LOG.warn("refused a receipt from {} without the callback token", exchange.getRemoteAddress());
                    respond(exchange, 401, "unauthorized", "missing or wrong callback token");
                    return;
                }
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                respond(exchange, 413, "too_large", "receipt bodies are limited to " + MAX_BODY + " bytes");
                return;
            }
            List<DeliveryReceipt> receipts;
            try {
                receipts = parse(body);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.warn("refused a malformed receipt: {}", e.getMessage());
                respond(exchange, 400, "bad_receipt", e.getMessage());
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            receipts.forEach(sink);
        } finally {
            exchange.close();
        }
    }

    private List<DeliveryReceipt> parse(byte[] body) throws JsonProcessingException {
        JsonNode tree = json.readTree(new String(body, StandardCharsets.UTF_8));
        List<DeliveryReceipt> receipts = new ArrayList<>();
        if (tree != null && tree.isArray()) {
            for (JsonNode node : tree) {
                ReceiptJson.parse(node, clock).ifPresent(receipts::add);
            }
        } else {
            ReceiptJson.parse(tree, clock).ifPresent(receipts::add);
        }
        return receipts;
    }

    private void respond(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = json.writeValueAsBytes(json.createObjectNode().set("error",
                json.createObjectNode().put("code", code).put("message", message)));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
