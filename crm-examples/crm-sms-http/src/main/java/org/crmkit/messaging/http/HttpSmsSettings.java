package org.crmkit.messaging.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ProviderConfig;

/**
 * The gateway's settings, read from a {@link ProviderConfig} by {@link #from(ProviderConfig)}:
 * <ul>
 *   <li>{@code base-url} (required): the service's API root, http or https, e.g. {@code https://sms.example.com/v1};</li>
 *   <li>{@code api-key} (required): sent as {@code Authorization: Bearer <api-key>};</li>
 *   <li>{@code timeout}: how long to wait for the answer to a request, {@code PT10S} by default;</li>
 *   <li>{@code connect-timeout}: how long to wait for a connection, {@code PT5S} by default;</li>
 *   <li>{@code status-mode}: {@code polling} (default) or {@code callback};</li>
 *   <li>{@code callback-host} / {@code callback-port}: where the receipt endpoint listens in callback mode,
 *       {@code 127.0.0.1} and {@code 0} (any free port) by default; bind a public address only behind TLS;</li>
 *   <li>{@code callback-token}: if set, receipts must carry {@code Authorization: Bearer <callback-token>};</li>
 *   <li>{@code poll-interval}: time between status polls, {@code PT30S} by default;</li>
 *   <li>{@code max-parts} (10) and {@code max-messages-per-second} (0, no limit): declared capabilities.</li>
 * </ul>
 * Invariants: durations are positive, the port is 0–65535, the base URL is absolute http(s) without query.
 * {@link #toString()} hides the key and the token.
 */
public record HttpSmsSettings(
        URI baseUrl,
        String apiKey,
        Duration timeout,
        Duration connectTimeout,
        StatusMode statusMode,
        String callbackHost,
        int callbackPort,
        Optional<String> callbackToken,
        Duration pollInterval,
        int maxParts,
        int maxMessagesPerSecond) {

    public HttpSmsSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(statusMode, "statusMode");
        Objects.requireNonNull(callbackHost, "callbackHost");
        Objects.requireNonNull(callbackToken, "callbackToken");
        positive("timeout", timeout);
        positive("connect-timeout", connectTimeout);
        positive("poll-interval", pollInterval);
        if (callbackPort < 0 || callbackPort > 65535) {
            throw new InvalidConfigurationException("callback-port",
                    "configuration key \"callback-port\" has value \"" + callbackPort + "\", expected 0 to 65535");
        }
        if (maxParts < 1 || maxParts > 255) {
            throw new InvalidConfigurationException("max-parts",
                    "configuration key \"max-parts\" has value \"" + maxParts + "\", expected 1 to 255");
        }
        if (maxMessagesPerSecond < 0) {
            throw new InvalidConfigurationException("max-messages-per-second", "configuration key"
                    + " \"max-messages-per-second\" has value \"" + maxMessagesPerSecond + "\", expected 0 or more");
        }
    }

    public static HttpSmsSettings from(ProviderConfig config) {
        return new HttpSmsSettings(
                baseUrl(config.require("base-url")),
                config.require("api-key"),
                config.duration("timeout", Duration.ofSeconds(10)),
                config.duration("connect-timeout", Duration.ofSeconds(5)),
                statusMode(config.get("status-mode").orElse("polling")),
                config.get("callback-host").orElse("127.0.0.1"),
                config.intValue("callback-port", 0),
                config.get("callback-token"),
                config.duration("poll-interval", Duration.ofSeconds(30)),
                config.intValue("max-parts", 10),
                config.intValue("max-messages-per-second", 0));
    }

    /** {@code {base-url}/messages}. */
    URI messagesUri() {
        return URI.create(root() + "/messages");
    }

    /** {@code {base-url}/messages/{id}}, the id percent-encoded as a path segment. */
    URI messageUri(String id) {
        return URI.create(root() + "/messages/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private String root() {
        String root = baseUrl.toString();
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    @Override
    public String toString() {
        return "HttpSmsSettings[baseUrl=" + baseUrl + ", apiKey=****, timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", statusMode=" + statusMode + ", callback=" + callbackHost + ":" + callbackPort
                + ", callbackToken=" + (callbackToken.isPresent() ? "****" : "none") + ", pollInterval=" + pollInterval
                + ", maxParts=" + maxParts + ", maxMessagesPerSecond=" + maxMessagesPerSecond + "]";
    }

    private static URI baseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw badBaseUrl(value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw badBaseUrl(value, null);
        }
        return uri;
    }

    private static InvalidConfigurationException badBaseUrl(String value, Throwable cause) {
        return new InvalidConfigurationException("base-url", "configuration key \"base-url\" has value \"" + value
                + "\", expected an absolute http or https URL without query, e.g. https://sms.example.com/v1", cause);
    }

    private static StatusMode statusMode(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "polling":
                return StatusMode.POLLING;
            case "callback":
                return StatusMode.CALLBACK;
            default:
                throw new InvalidConfigurationException("status-mode",
                        "configuration key \"status-mode\" has value \"" + value + "\", expected callback or polling");
        }
    }

    private static void positive(String key, Duration duration) {
        Objects.requireNonNull(duration, key);
        if (duration.isZero() || duration.isNegative()) {
            throw new InvalidConfigurationException(key,
                    "configuration key \"" + key + "\" has value \"" + duration + "\", expected a positive duration");
        }
    }
}
