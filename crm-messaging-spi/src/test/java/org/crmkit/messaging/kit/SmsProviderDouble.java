package org.crmkit.messaging.kit;

import java.util.List;
import org.crmkit.messaging.DeliveryStatus;

/**
 * What a plugin's test double of its provider (an in-process SMSC, a fake HTTP service) exposes to
 * {@link SmsGatewayContract}. Each method acts the way the real provider would: a throttled submission
 * gets the provider's own "throttled" reply, a receipt is sent over the provider's own channel.
 */
public interface SmsProviderDouble {

    /** Messages the double accepted since the last {@link #reset()}, in order of arrival. */
    List<ReceivedSms> received();

    /** While on, answer every submission with the provider's "throttled" reply. */
    void throttle(boolean on);

    /** Answer submissions to this E.164 destination with the provider's "invalid destination" reply. */
    void rejectAsInvalid(String destination);

    /** Emit a delivery receipt for a message the double accepted, the way the provider does. */
    void sendReceipt(String providerMessageId, DeliveryStatus status);

    /** Forget received messages, stop throttling and rejecting. */
    void reset();
}
