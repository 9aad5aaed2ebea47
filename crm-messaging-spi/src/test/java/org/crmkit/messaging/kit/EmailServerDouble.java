package org.crmkit.messaging.kit;

import java.util.List;

/**
 * What a plugin's test double of its e-mail provider (GreenMail, a fake HTTP API) exposes to
 * {@link EmailSenderContract}. The failure switches are required: how a plugin classifies a
 * provider's temporary and permanent refusals is part of its contract (a mailing retries the one
 * and gives up on the other), and a kit that skipped those cases would prove nothing about them.
 */
public interface EmailServerDouble {

    /** Messages received since the last {@link #reset()}, in order of arrival. */
    List<ReceivedEmail> received();

    /** While on, answer every submission with the provider's temporary refusal (for SMTP a 4xx reply). */
    void rejectTemporarily(boolean on);

    /** Answer submissions to this address with the provider's permanent refusal (for SMTP a 5xx reply). */
    void rejectPermanently(String address);

    /** Forget received messages and stop refusing. */
    void reset();
}
