package org.crmkit.messaging.smtp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.crmkit.messaging.InvalidConfigurationException;

/**
 * How the connection to the SMTP server is protected, the value of the {@code security} key.
 * {@link #STARTTLS} requires the upgrade: a server that does not offer it is refused rather than
 * spoken to in plain text.
 */
public enum SmtpSecurity {

    /** Plain text; only for a relay on the same host or a test server. */
    NONE("none", 25),
    /** Plain connect, then {@code STARTTLS}, which the server must offer (RFC 3207). */
    STARTTLS("starttls", 587),
    /** TLS from the first byte ("implicit TLS", RFC 8314), usually port 465. */
    SSL("ssl", 465);

    private final String configValue;
    private final int defaultPort;

    SmtpSecurity(String configValue, int defaultPort) {
        this.configValue = configValue;
        this.defaultPort = defaultPort;
    }

    /** The value as written in configuration: {@code none}, {@code starttls} or {@code ssl}. */
    public String configValue() {
        return configValue;
    }

    /** The port used when the configuration names none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Parses {@code value} (any case) for {@code key}; anything else is an error naming key and value. */
    static SmtpSecurity parse(String key, String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (SmtpSecurity security : values()) {
            if (security.configValue.equals(wanted)) {
                return security;
            }
        }
        String allowed = Arrays.stream(values()).map(SmtpSecurity::configValue).collect(Collectors.joining(", "));
        throw new InvalidConfigurationException(key,
                "configuration key \"" + key + "\" has value \"" + value + "\", expected one of " + allowed);
    }
}
