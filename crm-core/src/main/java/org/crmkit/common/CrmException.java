package org.crmkit.common;

/**
 * The one unchecked base of every error crmkit raises. Subclasses carry the offending value and
 * say what to do; a failed operation never leaves anything half-saved.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrmException(String message) {
        super(message);
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
