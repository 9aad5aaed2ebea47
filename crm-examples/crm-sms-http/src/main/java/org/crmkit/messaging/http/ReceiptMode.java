package org.crmkit.messaging.http;

import java.util.Locale;
import org.crmkit.messaging.InvalidConfigurationException;

/** How delivery receipts reach the gateway: configuration key {@code receipts}. */
public enum ReceiptMode {
    /** No receipts: the gateway declares none. */
    NONE,
    /** The host mounts {@link HttpSmsGateway#receiptHandler()} in its own HTTP server. */
    MOUNTED,
    /** The gateway starts a small HTTP server of its own on {@code callback-host}:{@code callback-port}. */
    SERVER;

    static ReceiptMode parse(String key, String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none":
                return NONE;
            case "mounted":
                return MOUNTED;
            case "server":
                return SERVER;
            default:
                throw new InvalidConfigurationException(key, "configuration key \"" + key + "\" has value \"" + value
                        + "\", expected none, mounted or server");
        }
    }
}
