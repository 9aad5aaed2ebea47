package org.crmkit.examples.unsubscribe;

import org.crmkit.consent.UnsubscribeToken;

/**
 * What the endpoint asks once a token is verified: withdraw the consent the token stands for
 * (its subject, channel, purpose and address), idempotently. A second withdrawal of the same
 * consent changes nothing and answers {@link Outcome#ALREADY_WITHDRAWN}.
 *
 * <p>A {@link org.crmkit.common.ValidationException} thrown here is shown to the person as a 400
 * with its field and problem (never the rejected value); anything else as a 500 without details
 * (and logged).
 */
@FunctionalInterface
public interface Unsubscriber {
    Outcome unsubscribe(UnsubscribeToken token);

    /** What a withdrawal did. */
    enum Outcome {
        /** Consent was in effect and is withdrawn now. */
        WITHDRAWN,
        /** It was withdrawn before (or never given): nothing changed. */
        ALREADY_WITHDRAWN
    }
}
