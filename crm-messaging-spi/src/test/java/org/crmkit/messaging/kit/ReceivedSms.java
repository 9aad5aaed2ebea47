package org.crmkit.messaging.kit;

import java.util.Objects;

/**
 * What a provider double accepted: the sender and destination as the provider saw them, the text
 * re-assembled from all its parts and decoded, and the number of parts it arrived in.
 */
public record ReceivedSms(String sender, String destination, String text, int parts) {
    public ReceivedSms {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
    }
}
