package org.crmkit.messaging.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ProviderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings every preset shares, read by {@link #from(ProviderConfig, String)}:
 *
 * <table>
 *   <caption>Common configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code base-url}</td><td>the provider's API root</td><td>http(s) root the preset's path is appended to;
 *       may carry a path and a query string (kept, the preset's parameters follow)</td></tr>
 *   <tr><td>{@code timeout}</td><td>{@code PT10S}</td><td>waiting for the provider's answer</td></tr>
 *   <tr><td>{@code connect-timeout}</td><td>{@code PT5S}</td><td>waiting for a connection</td></tr>
 *   <tr><td>{@code receipts}</td><td>{@code none}</td><td>{@code none}, {@code mounted} (the host mounts
 *       {@link HttpSmsGateway#receiptHandler()}) or {@code server} (a built-in callback server)</td></tr>
 *   <tr><td>{@code callback-host}, {@code callback-port}</td><td>{@code 127.0.0.1}, {@code 0}</td><td>where the
 *       built-in callback server listens ({@code receipts=server}); 0 picks a free port</td></tr>
 *   <tr><td>{@code max-parts}</td><td>preset's limit</td><td>longer texts are refused locally</td></tr>
 *   <tr><td>{@code max-messages-per-second}</td><td>0 (none declared)</td><td>declared capability</td></tr>
 * </table>
 * Invariants: the base URL is absolute http(s) with a host and no fragment; durations are positive; the port
 * is 0–65535; {@code max-parts} is 1 to the preset's limit. Violations name the key and the value.
 */
record GatewaySettings(
        URI baseUrl,
        Duration timeout,
        Duration connectTimeout,
        ReceiptMode receipts,
        String callbackHost,
        int callbackPort,
        int maxParts,
        int maxMessagesPerSecond) {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySettings.class);

    static final String BASE_URL = "base-url";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String RECEIPTS = "receipts";
    static final String CALLBACK_HOST = "callback-host";
    static final String CALLBACK_PORT = "callback-port";
    static final String MAX_PARTS = "max-parts";
    static final String MAX_MESSAGES_PER_SECOND = "max-messages-per-second";

    /** The keys read here; each preset adds its own. */
    static final Set<String> KEYS = Set.of(BASE_URL, TIMEOUT, CONNECT_TIMEOUT, RECEIPTS, CALLBACK_HOST, CALLBACK_PORT,
            MAX_PARTS, MAX_MESSAGES_PER_SECOND);

    GatewaySettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(receipts, "receipts");
        Objects.requireNonNull(callbackHost, "callbackHost");
        positive(TIMEOUT, timeout);
        positive(CONNECT_TIMEOUT, connectTimeout);
        if (callbackPort < 0 || callbackPort > 65535) {
            throw invalid(CALLBACK_PORT, String.valueOf(callbackPort), "0 to 65535");
        }
        if (maxMessagesPerSecond < 0) {
            throw invalid(MAX_MESSAGES_PER_SECOND, String.valueOf(maxMessagesPerSecond), "0 (none declared) or more");
        }
    }

    /**
     * Reads the common keys; {@code defaultBaseUrl} is the provider's production root, {@code partLimit} the most
     * parts the provider takes (the default and the ceiling of {@code max-parts}).
     */
    static GatewaySettings from(ProviderConfig config, String defaultBaseUrl, int partLimit) {
        int maxParts = config.intValue(MAX_PARTS, partLimit);
        if (maxParts < 1 || maxParts > partLimit) {
            throw invalid(MAX_PARTS, String.valueOf(maxParts), "1 to " + partLimit + " (the provider's limit)");
        }
        return new GatewaySettings(
                baseUrl(config.get(BASE_URL).orElse(defaultBaseUrl)),
                config.duration(TIMEOUT, Duration.ofSeconds(10)),
                config.duration(CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                config.get(RECEIPTS).map(value -> ReceiptMode.parse(RECEIPTS, value)).orElse(ReceiptMode.NONE),
                config.get(CALLBACK_HOST).orElse("127.0.0.1"),
                config.intValue(CALLBACK_PORT, 0),
                maxParts,
                config.intValue(MAX_MESSAGES_PER_SECOND, 0));
    }

    /**
     * The keys of {@code config} that are neither common nor the preset's; they are logged once at WARN (a
     * misspelt key must not pass unnoticed) and returned.
     */
    static SortedSet<String> checkKeys(ProviderConfig config, String provider, Set<String> presetKeys) {
        Set<String> known = new TreeSet<>(KEYS);
        known.addAll(presetKeys);
        SortedSet<String> unknown = config.unknownKeys(known);
        if (!unknown.isEmpty()) {
            LOG.warn("{} SMS gateway ignores unknown configuration keys {}; known keys are {}", provider, unknown, known);
        }
        return unknown;
    }

    /**
     * {@code base-url} with {@code path} appended to its path; the base URL's query, if any, comes first in the
     * result's query, followed by {@code query} when given.
     */
    URI endpoint(String path, String query) {
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        StringBuilder uri = new StringBuilder(baseUrl.getScheme()).append("://").append(baseUrl.getRawAuthority())
                .append(basePath).append(path);
        String baseQuery = baseUrl.getRawQuery();
        boolean hasBaseQuery = baseQuery != null && !baseQuery.isEmpty();
        boolean hasQuery = query != null && !query.isEmpty();
        if (hasBaseQuery || hasQuery) {
            uri.append('?');
            if (hasBaseQuery) {
                uri.append(baseQuery);
            }
            if (hasBaseQuery && hasQuery) {
                uri.append('&');
            }
            if (hasQuery) {
                uri.append(query);
            }
        }
        return URI.create(uri.toString());
    }

    /** The base URL without its query (which may hold credentials), for messages and logs. */
    String safeBaseUrl() {
        return baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + (baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath());
    }

    /** The settings with the base URL's query left out: a provider's credentials may ride in it. */
    @Override
    public String toString() {
        return "GatewaySettings[baseUrl=" + safeBaseUrl() + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", receipts=" + receipts + ", callback=" + callbackHost + ":" + callbackPort + ", maxParts=" + maxParts
                + ", maxMessagesPerSecond=" + maxMessagesPerSecond + "]";
    }

    private static URI baseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(BASE_URL, "configuration key \"" + BASE_URL + "\" has value \""
                    + value + "\", expected an absolute http or https URL, e.g. https://sms.ru", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawFragment() != null) {
            throw invalid(BASE_URL, value, "an absolute http or https URL with a host and no fragment, e.g. https://sms.ru");
        }
        return uri;
    }

    private static void positive(String key, Duration duration) {
        Objects.requireNonNull(duration, key);
        if (duration.isZero() || duration.isNegative()) {
            throw invalid(key, duration.toString(), "a positive duration such as PT10S");
        }
    }

    static InvalidConfigurationException invalid(String key, String value, String expected) {
        return new InvalidConfigurationException(key,
                "configuration key \"" + key + "\" has value \"" + value + "\", expected " + expected);
    }
}
