package org.crmkit.messaging.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's callback as the host's HTTP server received it, independent of that server's API: the method,
 * the request URI (path and query as the provider called it), the headers and the raw body. A host that mounts
 * {@link ReceiptHandler} in its own server copies these four from its request.
 *
 * @param method  the HTTP method, e.g. {@code POST}
 * @param uri     the request URI; only its raw query is read (SMS.ru and SMSC.ru callback tokens)
 * @param headers header names to values; names are matched ignoring case
 * @param body    the request body, empty for none
 */
public record ReceiptRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    public ReceiptRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseless.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        headers = Collections.unmodifiableMap(caseless);
        body = body.clone();
    }

    /** A POST with a form body and the given headers, the shape every preset's provider uses. */
    public static ReceiptRequest post(URI uri, Map<String, List<String>> headers, byte[] body) {
        return new ReceiptRequest("POST", uri, headers, body);
    }

    /** The first value of header {@code name}, ignoring case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as a form when the content type says so (or is absent). */
    FormData form() {
        String type = header("Content-Type").orElse("application/x-www-form-urlencoded").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new ReceiptRefusedException(415, "callbacks are read as application/x-www-form-urlencoded, got " + type);
        }
        return FormData.decode(new String(body, StandardCharsets.UTF_8));
    }

    /** The query of the request URI, decoded. */
    FormData query() {
        return FormData.decode(uri.getRawQuery());
    }

    @Override
    public String toString() {
        return "ReceiptRequest[" + method + " " + uri.getRawPath() + ", " + body.length + " bytes]";
    }
}
