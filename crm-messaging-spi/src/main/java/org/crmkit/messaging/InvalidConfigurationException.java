package org.crmkit.messaging;

import java.util.Objects;

/**
 * A provider's configuration is missing a required key or holds a value that does not parse.
 * The message names the key (and the rejected value, unless the key holds a secret).
 */
public class InvalidConfigurationException extends MessagingException {

    private final String key;

    public InvalidConfigurationException(String key, String message) {
        super(message);
        this.key = Objects.requireNonNull(key, "key");
    }

    public InvalidConfigurationException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The configuration key at fault, e.g. {@code "base-url"}. */
    public String key() {
        return key;
    }
}
