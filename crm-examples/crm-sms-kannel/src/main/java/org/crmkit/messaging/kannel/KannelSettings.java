package org.crmkit.messaging.kannel;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the Kannel gateway needs, read from a {@link ProviderConfig} by {@link #from(ProviderConfig)}.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code sendsms-url}</td><td>required</td><td>smsbox's sendsms address, e.g.
 *       {@code http://127.0.0.1:13013/cgi-bin/sendsms}; a query string is kept and sent with every message
 *       (e.g. {@code ?smsc=operator-a}, or the credentials)</td></tr>
 *   <tr><td>{@code username}, {@code password}</td><td>required unless in the URL's query</td><td>a
 *       {@code sendsms-user} of smsbox</td></tr>
 *   <tr><td>{@code dlr-url-base}</td><td>the small server's address, else none</td><td>the address Kannel calls
 *       with delivery reports, as smsbox reaches the host; the gateway appends its own query</td></tr>
 *   <tr><td>{@code dlr-mask}</td><td>{@code 19}</td><td>which reports Kannel sends: 1 delivered, 2 failed,
 *       4 buffered, 8 accepted by the SMSC, 16 rejected by the SMSC (sum them)</td></tr>
 *   <tr><td>{@code dlr-server-host} / {@code dlr-server-port}</td><td>{@code 127.0.0.1} / none</td><td>when a port is
 *       set (0: any free one), the gateway serves the report callback itself</td></tr>
 *   <tr><td>{@code dlr-token-lifetime}</td><td>{@code P3D}</td><td>how long the reports of a message are awaited</td></tr>
 *   <tr><td>{@code timeout} / {@code connect-timeout}</td><td>{@code PT10S} / {@code PT5S}</td><td>waiting for
 *       sendsms's answer / for a connection</td></tr>
 *   <tr><td>{@code max-parts}</td><td>{@code 1}</td><td>the {@code max-messages} of the sendsms-user; longer texts
 *       are refused here, since Kannel would cut them</td></tr>
 *   <tr><td>{@code max-messages-per-second}</td><td>{@code 0} (none declared)</td><td>declared to callers only</td></tr>
 * </table>
 *
 * <p>Invariants: the URLs are absolute http(s) without a fragment; {@code dlr-url-base} holds no {@code %} (Kannel
 * would read it as one of its escapes) and none of the gateway's own parameters; the sendsms URL's query sets none of
 * the per-message parameters; credentials are given once; durations are positive; {@code dlr-mask} is 1–31;
 * {@code max-parts} is 1–255. Every violation is an {@link InvalidConfigurationException} naming the key and the
 * value (the password is never shown). {@link #toString()} hides the password and the URL's query.
 */
public record KannelSettings(
        URI sendsmsUrl,
        Optional<String> username,
        Optional<String> password,
        Optional<URI> dlrUrlBase,
        int dlrMask,
        String dlrServerHost,
        Optional<Integer> dlrServerPort,
        Duration dlrTokenLifetime,
        Duration timeout,
        Duration connectTimeout,
        int maxParts,
        int maxMessagesPerSecond) {

    public static final String SENDSMS_URL = "sendsms-url";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String DLR_URL_BASE = "dlr-url-base";
    public static final String DLR_MASK = "dlr-mask";
    public static final String DLR_SERVER_HOST = "dlr-server-host";
    public static final String DLR_SERVER_PORT = "dlr-server-port";
    public static final String DLR_TOKEN_LIFETIME = "dlr-token-lifetime";
    public static final String TIMEOUT = "timeout";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String MAX_PARTS = "max-parts";
    public static final String MAX_MESSAGES_PER_SECOND = "max-messages-per-second";

    /** Every key this plugin reads; others (except {@value MessagingProviders#PROVIDER_KEY}) are logged as ignored. */
    public static final Set<String> KEYS = Set.of(SENDSMS_URL, USERNAME, PASSWORD, DLR_URL_BASE, DLR_MASK,
            DLR_SERVER_HOST, DLR_SERVER_PORT, DLR_TOKEN_LIFETIME, TIMEOUT, CONNECT_TIMEOUT, MAX_PARTS,
            MAX_MESSAGES_PER_SECOND);

    /** Delivered (1) + failed (2) + rejected by the SMSC (16): the final outcomes. */
    public static final int DEFAULT_DLR_MASK = 19;

    /** The parameters the gateway sets on every sendsms request; the URL's own query must not set them. */
    static final Set<String> PER_MESSAGE_PARAMETERS = Set.of("from", "to", "text", "coding", "charset", "validity",
            "dlr-mask", "dlr-url", "udh");

    /** The parameters the gateway appends to {@code dlr-url-base}. */
    static final Set<String> REPORT_PARAMETERS = Set.of(DeliveryReports.TOKEN, DeliveryReports.TYPE,
            DeliveryReports.TIME, DeliveryReports.REPORT);

    private static final Logger LOG = LoggerFactory.getLogger(KannelSettings.class);

    public KannelSettings {
        Objects.requireNonNull(sendsmsUrl, SENDSMS_URL);
        Objects.requireNonNull(username, USERNAME);
        Objects.requireNonNull(password, PASSWORD);
        Objects.requireNonNull(dlrUrlBase, DLR_URL_BASE);
        Objects.requireNonNull(dlrServerHost, DLR_SERVER_HOST);
        Objects.requireNonNull(dlrServerPort, DLR_SERVER_PORT);
        checkHttpUrl(SENDSMS_URL, sendsmsUrl.toString());
        Map<String, String> query = queryParameters(sendsmsUrl.getRawQuery());
        for (String parameter : query.keySet()) {
            if (PER_MESSAGE_PARAMETERS.contains(parameter)) {
                throw new InvalidConfigurationException(SENDSMS_URL, "configuration key \"" + SENDSMS_URL
                        + "\" has value \"" + withoutQuery(sendsmsUrl) + "?...\" whose query sets \"" + parameter
                        + "\", which the gateway sets for each message; remove it from the URL");
            }
        }
        boolean userInUrl = query.containsKey("username") || query.containsKey("user");
        boolean passwordInUrl = query.containsKey("password") || query.containsKey("pass");
        if (username.isPresent() && userInUrl) {
            throw new InvalidConfigurationException(USERNAME, "configuration key \"" + USERNAME
                    + "\" is set although the query of \"" + SENDSMS_URL + "\" carries a username too; give it once");
        }
        if (password.isPresent() && passwordInUrl) {
            throw new InvalidConfigurationException(PASSWORD, "configuration key \"" + PASSWORD
                    + "\" is set although the query of \"" + SENDSMS_URL + "\" carries a password too; give it once");
        }
        if (username.isEmpty() && !userInUrl) {
            throw new InvalidConfigurationException(USERNAME, "configuration key \"" + USERNAME
                    + "\" is required (the sendsms-user of smsbox), unless the query of \"" + SENDSMS_URL + "\" carries it");
        }
        if (password.isEmpty() && !passwordInUrl) {
            throw new InvalidConfigurationException(PASSWORD, "configuration key \"" + PASSWORD
                    + "\" is required (the sendsms-user of smsbox), unless the query of \"" + SENDSMS_URL + "\" carries it");
        }
        dlrUrlBase.ifPresent(KannelSettings::checkDlrUrlBase);
        if (dlrMask < 1 || dlrMask > 31) {
            throw new InvalidConfigurationException(DLR_MASK, "configuration key \"" + DLR_MASK + "\" has value \""
                    + dlrMask + "\", expected 1 to 31: the sum of 1 (delivered), 2 (failed), 4 (buffered),"
                    + " 8 (accepted by the SMSC), 16 (rejected by the SMSC)");
        }
        if (dlrServerHost.isBlank() || dlrServerHost.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigurationException(DLR_SERVER_HOST, "configuration key \"" + DLR_SERVER_HOST
                    + "\" has value \"" + dlrServerHost + "\", expected a host name or address to listen on");
        }
        dlrServerPort.ifPresent(port -> {
            if (port < 0 || port > 65_535) {
                throw new InvalidConfigurationException(DLR_SERVER_PORT, "configuration key \"" + DLR_SERVER_PORT
                        + "\" has value \"" + port + "\", expected 0 (any free port) to 65535");
            }
        });
        positive(DLR_TOKEN_LIFETIME, dlrTokenLifetime);
        positive(TIMEOUT, timeout);
        positive(CONNECT_TIMEOUT, connectTimeout);
        if (maxParts < 1 || maxParts > 255) {
            throw new InvalidConfigurationException(MAX_PARTS, "configuration key \"" + MAX_PARTS + "\" has value \""
                    + maxParts + "\", expected 1 to 255 (the max-messages of the sendsms-user)");
        }
        if (maxMessagesPerSecond < 0) {
            throw new InvalidConfigurationException(MAX_MESSAGES_PER_SECOND, "configuration key \""
                    + MAX_MESSAGES_PER_SECOND + "\" has value \"" + maxMessagesPerSecond + "\", expected 0 (none) or more");
        }
    }

    /**
     * Reads the settings from {@code config}; a missing {@code sendsms-url} or any value that does not parse is an
     * {@link InvalidConfigurationException} naming the key. Keys this plugin does not know are logged once at WARN.
     */
    public static KannelSettings from(ProviderConfig config) {
        Objects.requireNonNull(config, "config");
        SortedSet<String> unknown = config.unknownKeys(KEYS);
        if (!unknown.isEmpty()) {
            LOG.warn("Kannel gateway ignores unknown configuration keys {}; known keys are {}", unknown, new TreeSet<>(KEYS));
        }
        return new KannelSettings(
                uri(SENDSMS_URL, config.require(SENDSMS_URL)),
                config.get(USERNAME),
                config.get(PASSWORD),
                config.get(DLR_URL_BASE).map(value -> uri(DLR_URL_BASE, value)),
                config.intValue(DLR_MASK, DEFAULT_DLR_MASK),
                config.get(DLR_SERVER_HOST).orElse("127.0.0.1"),
                config.get(DLR_SERVER_PORT).map(value -> config.intValue(DLR_SERVER_PORT, 0)),
                config.duration(DLR_TOKEN_LIFETIME, Duration.ofDays(3)),
                config.duration(TIMEOUT, Duration.ofSeconds(10)),
                config.duration(CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                config.intValue(MAX_PARTS, 1),
                config.intValue(MAX_MESSAGES_PER_SECOND, 0));
    }

    /** Whether Kannel is asked for delivery reports: an address for them is configured or served here. */
    boolean reportsWanted() {
        return dlrUrlBase.isPresent() || dlrServerPort.isPresent();
    }

    /** The sendsms URL without its query, safe to log. */
    String sendsmsAddress() {
        return withoutQuery(sendsmsUrl);
    }

    @Override
    public String toString() {
        return "KannelSettings[sendsmsUrl=" + sendsmsAddress() + (sendsmsUrl.getRawQuery() != null ? "?****" : "")
                + ", username=" + username.orElse("(in the URL)") + ", password=****"
                + ", dlrUrlBase=" + dlrUrlBase.map(URI::toString).orElse("(none)") + ", dlrMask=" + dlrMask
                + ", dlrServer=" + dlrServerPort.map(port -> dlrServerHost + ":" + port).orElse("(none)")
                + ", dlrTokenLifetime=" + dlrTokenLifetime + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", maxParts=" + maxParts + ", maxMessagesPerSecond=" + maxMessagesPerSecond + "]";
    }

    /** The decoded parameters of a raw query string, in order; a parameter given twice keeps its first value. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a malformed escape: keep the text as it came
            return text;
        }
    }

    private static URI uri(String key, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has value \"" + shown(key, value)
                    + "\", expected an absolute http or https URL: " + e.getReason(), e);
        }
    }

    private static void checkHttpUrl(String key, String value) {
        URI uri = uri(key, value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawFragment() != null) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has value \"" + shown(key, value)
                    + "\", expected an absolute http or https URL without a fragment, e.g. "
                    + (key.equals(SENDSMS_URL) ? "http://127.0.0.1:13013/cgi-bin/sendsms" : "http://crm.example.com:8080/kannel/dlr"));
        }
    }

    private static void checkDlrUrlBase(URI base) {
        String value = base.toString();
        checkHttpUrl(DLR_URL_BASE, value);
        if (value.indexOf('%') >= 0) {
            throw new InvalidConfigurationException(DLR_URL_BASE, "configuration key \"" + DLR_URL_BASE + "\" has value \""
                    + value + "\", which holds a %: Kannel reads % as the start of one of its escapes (%d, %T, ...);"
                    + " use an address without percent-encoding");
        }
        for (String parameter : queryParameters(base.getRawQuery()).keySet()) {
            if (REPORT_PARAMETERS.contains(parameter)) {
                throw new InvalidConfigurationException(DLR_URL_BASE, "configuration key \"" + DLR_URL_BASE
                        + "\" has value \"" + value + "\" whose query sets \"" + parameter
                        + "\", which the gateway appends itself");
            }
        }
    }

    /** The URL with its query cut off, so credentials in it are not shown. */
    private static String shown(String key, String value) {
        if (!key.equals(SENDSMS_URL)) {
            return value;
        }
        int query = value.indexOf('?');
        return query < 0 ? value : value.substring(0, query) + "?...";
    }

    private static String withoutQuery(URI uri) {
        return shown(SENDSMS_URL, uri.toString());
    }

    private static void positive(String key, Duration duration) {
        Objects.requireNonNull(duration, key);
        if (duration.isZero() || duration.isNegative()) {
            throw new InvalidConfigurationException(key,
                    "configuration key \"" + key + "\" has value \"" + duration + "\", expected a positive duration");
        }
    }
}
