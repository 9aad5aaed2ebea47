package org.crmkit.messaging.smpp;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ProviderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of an {@link SmppGateway}, read from a {@link ProviderConfig} by {@link #from} and valid
 * by construction: every rejected value is an {@link InvalidConfigurationException} naming the key.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code host}</td><td>required</td><td>SMSC host name or address</td></tr>
 *   <tr><td>{@code port}</td><td>required</td><td>SMSC port, 1–65535</td></tr>
 *   <tr><td>{@code system-id}</td><td>required</td><td>bind system_id, at most 15 characters</td></tr>
 *   <tr><td>{@code password}</td><td>empty</td><td>bind password, at most 8 characters</td></tr>
 *   <tr><td>{@code system-type}</td><td>empty</td><td>bind system_type, at most 12 characters</td></tr>
 *   <tr><td>{@code window}</td><td>10</td><td>most {@code submit_sm} in flight at once, 1–1000</td></tr>
 *   <tr><td>{@code bind-timeout}</td><td>PT10S</td><td>connect and wait for {@code bind_resp}</td></tr>
 *   <tr><td>{@code response-timeout}</td><td>PT10S</td><td>wait for {@code submit_sm_resp}; past it the outcome is Unknown</td></tr>
 *   <tr><td>{@code bind-wait}</td><td>PT5S</td><td>how long {@code send} waits for a (re-)bind before a temporary failure</td></tr>
 *   <tr><td>{@code enquire-link-interval}</td><td>PT30S</td><td>idle time before an {@code enquire_link}</td></tr>
 *   <tr><td>{@code rebind-delay}</td><td>PT1S</td><td>first wait before re-binding after the link dropped; doubles per failed attempt</td></tr>
 *   <tr><td>{@code rebind-max-delay}</td><td>PT60S</td><td>cap of that backoff</td></tr>
 *   <tr><td>{@code source-ton}, {@code source-npi}</td><td>auto</td><td>source address TON / NPI by number or name
 *       ({@code international}, {@code alphanumeric}, {@code isdn}, ...); {@code auto} derives them from the sender</td></tr>
 *   <tr><td>{@code delivery-receipts}</td><td>true</td><td>request receipts ({@code registered_delivery}) and hand them to listeners</td></tr>
 *   <tr><td>{@code receipt-time-zone}</td><td>UTC</td><td>zone of the SMSC's "done date" in receipts</td></tr>
 *   <tr><td>{@code max-parts}</td><td>10</td><td>longest message in parts, 1–255; longer is a permanent failure</td></tr>
 *   <tr><td>{@code max-messages-per-second}</td><td>0</td><td>the rate agreed with the SMSC, declared to callers (0 = none declared)</td></tr>
 *   <tr><td>{@code throttle-retry-after}</td><td>PT1S</td><td>retry hint given with a throttled or queue-full answer</td></tr>
 *   <tr><td>{@code receive-threads}</td><td>window, at least 3, at most 32</td><td>threads that handle what the SMSC sends
 *       (receipts, responses), 1–256</td></tr>
 *   <tr><td>{@code receive-queue}</td><td>10 × window, at least 100</td><td>PDUs read from the SMSC and waiting for a
 *       receive thread, at least window + 16; when receipts fill it the plugin stops reading from the socket until a
 *       thread is free (TCP slows the SMSC down) instead of answering {@code ESME_RTHROTTLED}</td></tr>
 * </table>
 *
 * <p>Keys this plugin does not know are logged once at WARN when the settings are read.
 */
public record SmppSettings(
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        int window,
        Duration bindTimeout,
        Duration responseTimeout,
        Duration bindWait,
        Duration enquireLinkInterval,
        Duration rebindDelay,
        Duration rebindMaxDelay,
        Optional<Integer> sourceTon,
        Optional<Integer> sourceNpi,
        boolean deliveryReceipts,
        ZoneId receiptTimeZone,
        int maxParts,
        int maxMessagesPerSecond,
        Duration throttleRetryAfter,
        int receiveThreads,
        int receiveQueue) {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String SYSTEM_ID = "system-id";
    public static final String PASSWORD = "password";
    public static final String SYSTEM_TYPE = "system-type";
    public static final String WINDOW = "window";
    public static final String BIND_TIMEOUT = "bind-timeout";
    public static final String RESPONSE_TIMEOUT = "response-timeout";
    public static final String BIND_WAIT = "bind-wait";
    public static final String ENQUIRE_LINK_INTERVAL = "enquire-link-interval";
    public static final String REBIND_DELAY = "rebind-delay";
    public static final String REBIND_MAX_DELAY = "rebind-max-delay";
    public static final String SOURCE_TON = "source-ton";
    public static final String SOURCE_NPI = "source-npi";
    public static final String DELIVERY_RECEIPTS = "delivery-receipts";
    public static final String RECEIPT_TIME_ZONE = "receipt-time-zone";
    public static final String MAX_PARTS = "max-parts";
    public static final String MAX_MESSAGES_PER_SECOND = "max-messages-per-second";
    public static final String THROTTLE_RETRY_AFTER = "throttle-retry-after";
    public static final String RECEIVE_THREADS = "receive-threads";
    public static final String RECEIVE_QUEUE = "receive-queue";

    /** Every key this plugin reads. */
    public static final Set<String> KEYS = Set.of(HOST, PORT, SYSTEM_ID, PASSWORD, SYSTEM_TYPE, WINDOW, BIND_TIMEOUT,
            RESPONSE_TIMEOUT, BIND_WAIT, ENQUIRE_LINK_INTERVAL, REBIND_DELAY, REBIND_MAX_DELAY, SOURCE_TON, SOURCE_NPI,
            DELIVERY_RECEIPTS, RECEIPT_TIME_ZONE, MAX_PARTS, MAX_MESSAGES_PER_SECOND, THROTTLE_RETRY_AFTER,
            RECEIVE_THREADS, RECEIVE_QUEUE);

    /** PDUs other than receipts that can wait in the receive queue besides a full window of submit_sm_resp. */
    static final int RECEIVE_QUEUE_RESERVE = 16;

    private static final Logger LOG = LoggerFactory.getLogger(SmppSettings.class);

    private static final String[] TON_NAMES = {
            "unknown", "international", "national", "network-specific", "subscriber-number", "alphanumeric", "abbreviated"};
    private static final String[] NPI_NAMES = {
            "unknown", "isdn", null, "data", "telex", null, "land-mobile", null, "national", "private",
            "ermes", null, null, null, "internet", null, null, null, "wap"};

    public SmppSettings {
        requireText(HOST, host, 255);
        if (port < 1 || port > 65535) {
            throw new InvalidConfigurationException(PORT, "configuration key \"port\" has value \"" + port
                    + "\", expected a port number from 1 to 65535");
        }
        requireText(SYSTEM_ID, systemId, 15);
        Objects.requireNonNull(password, PASSWORD);
        if (password.length() > 8) {
            throw new InvalidConfigurationException(PASSWORD,
                    "configuration key \"password\" is longer than SMPP 3.4 allows (at most 8 characters)");
        }
        Objects.requireNonNull(systemType, SYSTEM_TYPE);
        if (systemType.length() > 12) {
            throw new InvalidConfigurationException(SYSTEM_TYPE, "configuration key \"system-type\" has value \""
                    + systemType + "\", expected at most 12 characters");
        }
        if (window < 1 || window > 1000) {
            throw new InvalidConfigurationException(WINDOW, "configuration key \"window\" has value \"" + window
                    + "\", expected 1 to 1000 requests in flight");
        }
        requirePositive(BIND_TIMEOUT, bindTimeout);
        requirePositive(RESPONSE_TIMEOUT, responseTimeout);
        Objects.requireNonNull(bindWait, BIND_WAIT);
        requirePositive(ENQUIRE_LINK_INTERVAL, enquireLinkInterval);
        requirePositive(REBIND_DELAY, rebindDelay);
        requirePositive(REBIND_MAX_DELAY, rebindMaxDelay);
        if (rebindMaxDelay.compareTo(rebindDelay) < 0) {
            throw new InvalidConfigurationException(REBIND_MAX_DELAY, "configuration key \"rebind-max-delay\" has value \""
                    + rebindMaxDelay + "\", expected at least rebind-delay (" + rebindDelay + ")");
        }
        Objects.requireNonNull(sourceTon, SOURCE_TON);
        Objects.requireNonNull(sourceNpi, SOURCE_NPI);
        Objects.requireNonNull(receiptTimeZone, RECEIPT_TIME_ZONE);
        if (maxParts < 1 || maxParts > 255) {
            throw new InvalidConfigurationException(MAX_PARTS, "configuration key \"max-parts\" has value \"" + maxParts
                    + "\", expected 1 to 255 (an 8-bit concatenation header counts parts in one octet)");
        }
        if (maxMessagesPerSecond < 0) {
            throw new InvalidConfigurationException(MAX_MESSAGES_PER_SECOND, "configuration key \"max-messages-per-second\" has value \""
                    + maxMessagesPerSecond + "\", expected 0 (none declared) or more");
        }
        Objects.requireNonNull(throttleRetryAfter, THROTTLE_RETRY_AFTER);
        if (receiveThreads < 1 || receiveThreads > 256) {
            throw new InvalidConfigurationException(RECEIVE_THREADS, "configuration key \"receive-threads\" has value \""
                    + receiveThreads + "\", expected 1 to 256 threads");
        }
        if (receiveQueue < window + RECEIVE_QUEUE_RESERVE || receiveQueue > 1_000_000) {
            throw new InvalidConfigurationException(RECEIVE_QUEUE, "configuration key \"receive-queue\" has value \""
                    + receiveQueue + "\", expected " + (window + RECEIVE_QUEUE_RESERVE)
                    + " (window + " + RECEIVE_QUEUE_RESERVE + ") to 1000000 PDUs");
        }
    }

    /**
     * How many receipts may be read from the SMSC and not yet answered before the plugin stops reading: the
     * receive queue less room for a full window of responses and a few other PDUs, so jSMPP never finds it full.
     */
    int receiptsInFlightLimit() {
        return receiveQueue - window - RECEIVE_QUEUE_RESERVE + 1;
    }

    /** Reads and checks every key; see the table above. */
    public static SmppSettings from(ProviderConfig config) {
        Objects.requireNonNull(config, "config");
        Set<String> unknown = config.unknownKeys(KEYS);
        if (!unknown.isEmpty()) {
            LOG.warn("SMPP gateway ignores unknown configuration keys {}; known keys are {}", unknown, new TreeSet<>(KEYS));
        }
        String host = config.require(HOST);
        config.require(PORT);
        int port = config.intValue(PORT, 0);
        int window = config.intValue(WINDOW, 10);
        return new SmppSettings(
                host,
                port,
                config.require(SYSTEM_ID),
                config.asMap().getOrDefault(PASSWORD, ""),
                config.get(SYSTEM_TYPE).orElse(""),
                window,
                config.duration(BIND_TIMEOUT, Duration.ofSeconds(10)),
                config.duration(RESPONSE_TIMEOUT, Duration.ofSeconds(10)),
                config.duration(BIND_WAIT, Duration.ofSeconds(5)),
                config.duration(ENQUIRE_LINK_INTERVAL, Duration.ofSeconds(30)),
                config.duration(REBIND_DELAY, Duration.ofSeconds(1)),
                config.duration(REBIND_MAX_DELAY, Duration.ofSeconds(60)),
                addressCode(config, SOURCE_TON, TON_NAMES),
                addressCode(config, SOURCE_NPI, NPI_NAMES),
                config.booleanValue(DELIVERY_RECEIPTS, true),
                zone(config),
                config.intValue(MAX_PARTS, 10),
                config.intValue(MAX_MESSAGES_PER_SECOND, 0),
                config.duration(THROTTLE_RETRY_AFTER, Duration.ofSeconds(1)),
                config.intValue(RECEIVE_THREADS, Math.max(3, Math.min(window, 32))),
                config.intValue(RECEIVE_QUEUE, Math.max(100, 10 * window)));
    }

    private static Optional<Integer> addressCode(ProviderConfig config, String key, String[] names) {
        Optional<String> value = config.get(key);
        if (value.isEmpty() || value.get().equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        String text = value.get().toLowerCase(Locale.ROOT).replace('_', '-');
        for (int code = 0; code < names.length; code++) {
            if (text.equals(names[code])) {
                return Optional.of(code);
            }
        }
        try {
            int code = Integer.parseInt(text);
            if (code >= 0 && code < names.length && names[code] != null) {
                return Optional.of(code);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        StringBuilder allowed = new StringBuilder("auto");
        for (int code = 0; code < names.length; code++) {
            if (names[code] != null) {
                allowed.append(", ").append(names[code]).append(" (").append(code).append(')');
            }
        }
        throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has value \"" + value.get()
                + "\", expected one of " + allowed);
    }

    private static ZoneId zone(ProviderConfig config) {
        Optional<String> value = config.get(RECEIPT_TIME_ZONE);
        if (value.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.get());
        } catch (DateTimeException e) {
            throw new InvalidConfigurationException(RECEIPT_TIME_ZONE, "configuration key \"receipt-time-zone\" has value \""
                    + value.get() + "\", expected a time zone id such as UTC or Europe/Moscow", e);
        }
    }

    private static void requireText(String key, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" is required but missing");
        }
        if (value.length() > maxLength) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has value \"" + value
                    + "\", expected at most " + maxLength + " characters");
        }
    }

    private static void requirePositive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has value \"" + value
                    + "\", expected a positive duration such as PT5S");
        }
    }

    /** The password is left out. */
    @Override
    public String toString() {
        return "SmppSettings{" + host + ":" + port + ", system-id=" + systemId + ", window=" + window
                + ", response-timeout=" + responseTimeout + ", delivery-receipts=" + deliveryReceipts + "}";
    }
}
