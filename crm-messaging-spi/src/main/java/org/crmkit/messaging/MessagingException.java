package org.crmkit.messaging;

/**
 * The unchecked base of every error the messaging SPI raises. Expected outcomes of a send (throttled,
 * rejected, timed out) are never exceptions: they are {@link SendOutcome} values.
 */
public class MessagingException extends RuntimeException {

    public MessagingException(String message) {
        super(message);
    }

    public MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
