package org.crmkit.messaging;

import java.util.Objects;

/**
 * A message (e-mail or SMS) was built with a field that breaks its invariants: a destination that is
 * not E.164, a header with a line break, an e-mail without a body. It names the field and the value,
 * so that an invalid message can never be constructed silently.
 */
public class InvalidMessageException extends MessagingException {

    private final String field;
    private final String value;

    public InvalidMessageException(String field, String value, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
        this.value = value;
    }

    /** The name of the rejected field, e.g. {@code "destination"}. */
    public String field() {
        return field;
    }

    /** The rejected value as given ({@code "null"} if it was absent). */
    public String value() {
        return String.valueOf(value);
    }
}
