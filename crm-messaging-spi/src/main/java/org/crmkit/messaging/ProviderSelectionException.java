package org.crmkit.messaging;

import java.util.List;

/**
 * No provider could be chosen: none was found, the requested name is unknown, or several were found
 * and none was named. The message and {@link #candidates()} list the names that were available.
 */
public class ProviderSelectionException extends MessagingException {

    private final List<String> candidates;

    public ProviderSelectionException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    /** The names of the providers that were available to choose from. */
    public List<String> candidates() {
        return candidates;
    }
}
