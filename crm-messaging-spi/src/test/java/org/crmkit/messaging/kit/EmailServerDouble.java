package org.crmkit.messaging.kit;

import java.util.List;

/**
 * What a plugin's test double of its e-mail provider (GreenMail, a fake HTTP API) exposes to
 * {@link EmailSenderContract}. The failure switches are optional: a double that cannot simulate them
 * keeps the default, which throws {@link UnsupportedOperationException}, and the kit skips those tests.
 */
public interface EmailServerDouble {

    /** Messages received since the last {@link #reset()}, in order of arrival. */
    List<ReceivedEmail> received();

    /** While on, answer every submission with the provider's temporary refusal (for SMTP a 4xx reply). */
    default void rejectTemporarily(boolean on) {
        throw new UnsupportedOperationException("this double cannot refuse temporarily");
    }

    /** Answer submissions to this address with the provider's permanent refusal (for SMTP a 5xx reply). */
    default void rejectPermanently(String address) {
        throw new UnsupportedOperationException("this double cannot refuse permanently");
    }

    /** Forget received messages and stop refusing. */
    void reset();
}
