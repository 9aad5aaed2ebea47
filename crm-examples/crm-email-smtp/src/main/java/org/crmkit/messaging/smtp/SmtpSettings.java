package org.crmkit.messaging.smtp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the SMTP sender needs to reach its server, read from a {@link ProviderConfig} by
 * {@link #from(ProviderConfig)}.
 *
 * <p>Invariants: the host is non-blank without spaces; the port is 1–65535; the timeouts are positive and
 * fit in an {@code int} of milliseconds (the write timeout may be zero, meaning none); a username comes
 * with a password and the other way round; {@code maxMessagesPerConnection} is not negative (0 means no
 * limit). Every violation is an {@link InvalidConfigurationException} naming the configuration key.
 * {@link #toString()} never shows the password.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code host}</td><td>required</td><td>SMTP server name or address</td></tr>
 *   <tr><td>{@code security}</td><td>{@code starttls}</td><td>{@code none}, {@code starttls} (required, never
 *       downgraded) or {@code ssl} (implicit TLS)</td></tr>
 *   <tr><td>{@code port}</td><td>25 / 587 / 465 by security</td><td></td></tr>
 *   <tr><td>{@code username}, {@code password}</td><td>none</td><td>SMTP AUTH credentials, both or neither</td></tr>
 *   <tr><td>{@code connection-timeout}</td><td>{@code PT10S}</td><td>TCP connect timeout</td></tr>
 *   <tr><td>{@code timeout}</td><td>{@code PT30S}</td><td>waiting for any server reply</td></tr>
 *   <tr><td>{@code write-timeout}</td><td>none</td><td>writing to the server (costs a thread per connection)</td></tr>
 *   <tr><td>{@code message-id-domain}</td><td>the From address's domain</td><td>right side of the Message-ID</td></tr>
 *   <tr><td>{@code helo-name}</td><td>the local host name</td><td>name sent in EHLO</td></tr>
 *   <tr><td>{@code envelope-from}</td><td>the From address</td><td>{@code MAIL FROM} address (bounces go there)</td></tr>
 *   <tr><td>{@code ssl-trust}</td><td>none (the JDK's trust store)</td><td>hosts whose certificate is trusted
 *       without a CA, space separated, or {@code *}</td></tr>
 *   <tr><td>{@code ssl-check-server-identity}</td><td>{@code true}</td><td>check the certificate names the host</td></tr>
 *   <tr><td>{@code reuse-connection}</td><td>{@code true}</td><td>keep the connection for the next message</td></tr>
 *   <tr><td>{@code max-messages-per-connection}</td><td>0 (no limit)</td><td>reconnect after this many</td></tr>
 * </table>
 */
public record SmtpSettings(
        String host,
        int port,
        SmtpSecurity security,
        Optional<String> username,
        Optional<String> password,
        Duration connectionTimeout,
        Duration timeout,
        Duration writeTimeout,
        Optional<String> messageIdDomain,
        Optional<String> heloName,
        Optional<String> envelopeFrom,
        Optional<String> sslTrust,
        boolean sslCheckServerIdentity,
        boolean reuseConnection,
        int maxMessagesPerConnection) {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String SECURITY = "security";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String CONNECTION_TIMEOUT = "connection-timeout";
    public static final String TIMEOUT = "timeout";
    public static final String WRITE_TIMEOUT = "write-timeout";
    public static final String MESSAGE_ID_DOMAIN = "message-id-domain";
    public static final String HELO_NAME = "helo-name";
    public static final String ENVELOPE_FROM = "envelope-from";
    public static final String SSL_TRUST = "ssl-trust";
    public static final String SSL_CHECK_SERVER_IDENTITY = "ssl-check-server-identity";
    public static final String REUSE_CONNECTION = "reuse-connection";
    public static final String MAX_MESSAGES_PER_CONNECTION = "max-messages-per-connection";

    /** Every key this plugin reads; others (except {@value MessagingProviders#PROVIDER_KEY}) are logged as ignored. */
    public static final Set<String> KEYS = Set.of(HOST, PORT, SECURITY, USERNAME, PASSWORD, CONNECTION_TIMEOUT,
            TIMEOUT, WRITE_TIMEOUT, MESSAGE_ID_DOMAIN, HELO_NAME, ENVELOPE_FROM, SSL_TRUST,
            SSL_CHECK_SERVER_IDENTITY, REUSE_CONNECTION, MAX_MESSAGES_PER_CONNECTION);

    static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSettings.class);

    public SmtpSettings {
        Objects.requireNonNull(security, SECURITY);
        Objects.requireNonNull(username, USERNAME);
        Objects.requireNonNull(password, PASSWORD);
        Objects.requireNonNull(messageIdDomain, MESSAGE_ID_DOMAIN);
        Objects.requireNonNull(heloName, HELO_NAME);
        Objects.requireNonNull(envelopeFrom, ENVELOPE_FROM);
        Objects.requireNonNull(sslTrust, SSL_TRUST);
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigurationException(HOST,
                    "configuration key \"" + HOST + "\" has value \"" + host + "\", expected a host name or address");
        }
        if (port < 1 || port > 65_535) {
            throw new InvalidConfigurationException(PORT,
                    "configuration key \"" + PORT + "\" has value \"" + port + "\", expected a port from 1 to 65535");
        }
        requireMillis(CONNECTION_TIMEOUT, connectionTimeout, false);
        requireMillis(TIMEOUT, timeout, false);
        requireMillis(WRITE_TIMEOUT, writeTimeout, true);
        if (username.isPresent() && password.isEmpty()) {
            throw new InvalidConfigurationException(PASSWORD,
                    "configuration key \"" + PASSWORD + "\" is required when \"" + USERNAME + "\" is set");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new InvalidConfigurationException(USERNAME,
                    "configuration key \"" + USERNAME + "\" is required when \"" + PASSWORD + "\" is set");
        }
        messageIdDomain.ifPresent(domain -> {
            if (domain.isBlank() || domain.chars().anyMatch(c -> c <= ' ' || c == '@' || c == '<' || c == '>' || c >= 0x7f)) {
                throw new InvalidConfigurationException(MESSAGE_ID_DOMAIN, "configuration key \"" + MESSAGE_ID_DOMAIN
                        + "\" has value \"" + domain + "\", expected an ASCII domain such as mail.example.com");
            }
        });
        envelopeFrom.ifPresent(address -> {
            if (address.indexOf('@') <= 0 || address.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>')) {
                throw new InvalidConfigurationException(ENVELOPE_FROM, "configuration key \"" + ENVELOPE_FROM
                        + "\" has value \"" + address + "\", expected an e-mail address");
            }
        });
        if (maxMessagesPerConnection < 0) {
            throw new InvalidConfigurationException(MAX_MESSAGES_PER_CONNECTION, "configuration key \""
                    + MAX_MESSAGES_PER_CONNECTION + "\" has value \"" + maxMessagesPerConnection
                    + "\", expected 0 (no limit) or more");
        }
    }

    /**
     * Reads the settings from {@code config}; a missing {@code host} or any value that does not parse is an
     * {@link InvalidConfigurationException} naming the key. Keys this plugin does not know are logged.
     */
    public static SmtpSettings from(ProviderConfig config) {
        Objects.requireNonNull(config, "config");
        Set<String> unknown = config.unknownKeys(KEYS);
        if (!unknown.isEmpty()) {
            LOG.warn("SMTP sender ignores unknown configuration keys {}; known keys are {}", unknown, new TreeSet<>(KEYS));
        }
        SmtpSecurity security = config.get(SECURITY)
                .map(value -> SmtpSecurity.parse(SECURITY, value))
                .orElse(SmtpSecurity.STARTTLS);
        return new SmtpSettings(
                config.require(HOST),
                config.intValue(PORT, security.defaultPort()),
                security,
                config.get(USERNAME),
                config.get(PASSWORD),
                config.duration(CONNECTION_TIMEOUT, DEFAULT_CONNECTION_TIMEOUT),
                config.duration(TIMEOUT, DEFAULT_TIMEOUT),
                config.duration(WRITE_TIMEOUT, Duration.ZERO),
                config.get(MESSAGE_ID_DOMAIN),
                config.get(HELO_NAME),
                config.get(ENVELOPE_FROM),
                config.get(SSL_TRUST),
                config.booleanValue(SSL_CHECK_SERVER_IDENTITY, true),
                config.booleanValue(REUSE_CONNECTION, true),
                config.intValue(MAX_MESSAGES_PER_CONNECTION, 0));
    }

    /** The settings with the password masked. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security.configValue()
                + ", username=" + username.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)")
                + ", connectionTimeout=" + connectionTimeout + ", timeout=" + timeout + ", writeTimeout=" + writeTimeout
                + ", messageIdDomain=" + messageIdDomain.orElse("(From domain)") + ", heloName=" + heloName.orElse("(local)")
                + ", envelopeFrom=" + envelopeFrom.orElse("(From)") + ", sslTrust=" + sslTrust.orElse("(JDK)")
                + ", sslCheckServerIdentity=" + sslCheckServerIdentity + ", reuseConnection=" + reuseConnection
                + ", maxMessagesPerConnection=" + maxMessagesPerConnection + "]";
    }

    private static void requireMillis(String key, Duration value, boolean zeroAllowed) {
        Objects.requireNonNull(value, key);
        boolean tooSmall = zeroAllowed ? value.isNegative() : value.isNegative() || value.isZero();
        boolean tooLarge = value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0;
        if (tooSmall || tooLarge || (!value.isZero() && value.toMillis() == 0)) {
            throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has value \"" + value
                    + "\", expected " + (zeroAllowed ? "zero (none) or " : "") + "a positive duration of whole milliseconds"
                    + " up to " + Integer.MAX_VALUE + " ms");
        }
    }
}
