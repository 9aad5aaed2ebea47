package org.crmkit.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.kit.ReceivedSms;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsParts;

/**
 * A typical JSON REST SMS service on a JDK {@link HttpServer} at 127.0.0.1 on a free port: the provider
 * double for the HTTP gateway. It checks the API key, counts parts with {@link SmsParts}, drops duplicate
 * {@code client_ref}s, can throttle (429 with {@code Retry-After}), rejects marked destinations
 * (400 {@code invalid_destination}), answers a forced status, stalls, and delivers receipts by callback or
 * serves them for polling.
 */
final class FakeSmsService implements SmsProviderDouble, AutoCloseable {

    static final String API_KEY = "test-key-123";

    /** One request as the service received it. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A canned answer to every submission while set. */
    record Forced(int status, Map<String, String> headers, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-sms-service");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient callbackClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private final Map<String, String> idsByClientRef = new ConcurrentHashMap<>();
    private final Map<String, Integer> partsById = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> statusById = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean throttled;
    private volatile boolean stalled;
    private volatile Forced forced;
    private volatile Optional<URI> callback = Optional.empty();
    private volatile Optional<String> callbackToken = Optional.empty();

    FakeSmsService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v1/messages", this::handle);
        server.start();
    }

    /** The base URL the gateway is configured with. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Deliver receipts by POSTing them here (callback mode). */
    void callback(URI address, Optional<String> token) {
        this.callback = Optional.of(address);
        this.callbackToken = token;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Answer every submission with this status, headers and body, until {@link #reset()}. */
    void force(int status, Map<String, String> headers, String body) {
        forced = new Forced(status, headers, body);
    }

    /** Take submissions but never answer them (until closed). */
    void stall() {
        stalled = true;
    }

    @Override
    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    @Override
    public void throttle(boolean on) {
        throttled = on;
    }

    @Override
    public void rejectAsInvalid(String destination) {
        invalid.add(destination);
    }

    @Override
    public void sendReceipt(String providerMessageId, DeliveryStatus status) {
        ObjectNode receipt = json.createObjectNode()
                .put("id", providerMessageId)
                .put("status", status.name().toLowerCase(Locale.ROOT))
                .put("at", Instant.now().toString());
        statusById.put(providerMessageId, receipt);
        callback.ifPresent(address -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(address)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(receipt.toString()));
            callbackToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
            try {
                HttpResponse<String> response = callbackClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 204) {
                    throw new IllegalStateException("the gateway answered the receipt with " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void reset() {
        received.clear();
        requests.clear();
        invalid.clear();
        throttled = false;
        stalled = false;
        forced = null;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "unauthorized", "invalid API key", Map.of());
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/messages")) {
                submit(exchange, body);
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v1/messages/")) {
                status(exchange, exchange.getRequestURI().getPath().substring("/v1/messages/".length()));
            } else {
                error(exchange, 404, "not_found", "no such resource " + path, Map.of());
            }
        } finally {
            exchange.close();
        }
    }

    private void submit(HttpExchange exchange, String body) throws IOException {
        if (stalled) {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        Forced answer = forced;
        if (answer != null) {
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            respond(exchange, answer.status(), answer.body());
            return;
        }
        JsonNode request = json.readTree(body);
        String from = request.path("from").asText("");
        String to = request.path("to").asText("");
        String text = request.path("text").asText("");
        String clientRef = request.path("client_ref").asText("");
        if (from.isEmpty() || to.isEmpty() || text.isEmpty() || clientRef.isEmpty()) {
            error(exchange, 400, "invalid_request", "from, to, text and client_ref are required", Map.of());
            return;
        }
        if (throttled) {
            error(exchange, 429, "throttled", "too many requests", Map.of("Retry-After", "2"));
            return;
        }
        if (invalid.contains(to)) {
            error(exchange, 400, "invalid_destination", "no such subscriber: " + to, Map.of());
            return;
        }
        String existing = idsByClientRef.get(clientRef);
        if (existing != null) {
            respond(exchange, 200, json.createObjectNode().put("id", existing).put("parts", partsById.get(existing)).toString());
            return;
        }
        String id = "msg-" + ids.incrementAndGet();
        int parts = SmsParts.of(text).count();
        idsByClientRef.put(clientRef, id);
        partsById.put(id, parts);
        statusById.put(id, json.createObjectNode().put("id", id).put("status", "queued"));
        received.add(new ReceivedSms(from, to, text, parts));
        respond(exchange, 202, json.createObjectNode().put("id", id).put("parts", parts).toString());
    }

    private void status(HttpExchange exchange, String id) throws IOException {
        ObjectNode status = statusById.get(id);
        if (status == null) {
            error(exchange, 404, "not_found", "no message " + id, Map.of());
        } else {
            respond(exchange, 200, status.toString());
        }
    }

    private void error(HttpExchange exchange, int status, String code, String message, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        respond(exchange, status, json.createObjectNode().set("error",
                json.createObjectNode().put("code", code).put("message", message)).toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
