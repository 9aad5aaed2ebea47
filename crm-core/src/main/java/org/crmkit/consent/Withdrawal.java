package org.crmkit.consent;

import org.crmkit.common.ValidationException;

/**
 * The outcome of a withdrawal: the entry in effect afterwards and whether this call recorded it.
 * A second withdrawal of the same key changes nothing ({@code changed} false, {@code entry} the
 * earlier withdrawal): "already withdrawn".
 */
public record Withdrawal(ConsentEntry entry, boolean changed) {
    public Withdrawal {
        ValidationException.required(entry, "entry");
        if (entry.state() != ConsentState.WITHDRAWN) {
            throw new ValidationException("entry", entry.id(), "is not a withdrawal");
        }
    }

    public boolean alreadyWithdrawn() {
        return !changed;
    }
}
