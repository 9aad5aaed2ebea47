package org.crmkit.messaging.http;

import com.sun.net.httpserver.Headers;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.messaging.kit.ReceivedSms;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsParts;

/**
 * What the three provider doubles share: a JDK HTTP server on 127.0.0.1 and a free port, the calls it received,
 * the messages it accepted, the switches of {@link SmsProviderDouble} and a {@link Scenario} for the refusals
 * the kit does not name (bad credentials, no balance). Each subclass answers in its provider's documented shape.
 */
abstract class HttpProviderDouble implements SmsProviderDouble, AutoCloseable {

    /** What the double answers besides accepting. */
    enum Scenario { ACCEPT, NO_BALANCE }

    /** One request as the double saw it. */
    record Call(String method, String path, String query, Headers headers, FormData form) {
        String field(String name) {
            return form.first(name).orElseThrow(() -> new AssertionError("the request has no field " + name + ": " + form.fields()));
        }
    }

    /** One answer. */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json; charset=utf-8", body, Map.of());
        }
    }

    /** The gateway's answer to a callback the double sent. */
    record CallbackReply(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean throttled;
    private volatile Scenario scenario = Scenario.ACCEPT;
    private volatile CallbackReply lastCallbackReply;
    private volatile URI accountCallbackUrl;

    HttpProviderDouble(String contextPath) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext(contextPath, this::exchange);
        server.start();
    }

    /** The double's root, the value a test gives as {@code base-url}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The handler address set in the provider's account, for providers that do not take one per message. */
    void accountCallbackUrl(URI url) {
        this.accountCallbackUrl = url;
    }

    /** POSTs {@code form} to the account's handler address. */
    CallbackReply postToAccountCallback(String form) {
        if (accountCallbackUrl == null) {
            throw new IllegalStateException("no handler address set in the provider's account (accountCallbackUrl)");
        }
        return postForm(accountCallbackUrl, Map.of(), form);
    }

    /** The provider's answer to {@code call}. */
    abstract Reply answer(Call call);

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            FormData form = FormData.decode(exchange.getRequestMethod().equals("GET") ? exchange.getRequestURI().getRawQuery() : text);
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), form);
            calls.add(call);
            Reply reply = answer(call);
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        }
    }

    /** Records an accepted message; the parts are what the provider bills, {@link SmsParts}' count. */
    void accept(String sender, String destination, String text) {
        received.add(new ReceivedSms(sender, destination, text, SmsParts.of(text).count()));
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    boolean throttled() {
        return throttled;
    }

    boolean invalid(String e164) {
        return invalid.contains(e164);
    }

    Scenario scenario() {
        return scenario;
    }

    void scenario(Scenario scenario) {
        this.scenario = scenario;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Call lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError("the double received no request");
        }
        return calls.get(calls.size() - 1);
    }

    CallbackReply lastCallbackReply() {
        return lastCallbackReply;
    }

    /** POSTs a form to the gateway's callback address, as the provider does, and keeps the answer. */
    CallbackReply postForm(URI url, Map<String, String> headers, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            lastCallbackReply = new CallbackReply(response.statusCode(), response.body());
            return lastCallbackReply;
        } catch (IOException e) {
            throw new UncheckedIOException("callback to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
    public void reset() {
        received.clear();
        calls.clear();
        invalid.clear();
        throttled = false;
        scenario = Scenario.ACCEPT;
        lastCallbackReply = null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
