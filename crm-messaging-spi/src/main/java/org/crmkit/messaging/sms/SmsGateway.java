package org.crmkit.messaging.sms;

import org.crmkit.messaging.ReceiptListener;
import org.crmkit.messaging.SendOutcome;

/**
 * Sends SMS through one provider (an SMPP centre, an HTTP API, the console). Created by an
 * {@link SmsGatewayProvider}; may hold a connection or threads, so the host closes it.
 *
 * <p>Invariants an implementation keeps (the kit {@code SmsGatewayContract} checks them):
 * <ul>
 *   <li>{@link #send} never throws for anything that can happen to a message: throttled is a
 *       {@link SendOutcome.TemporaryFailure}, an invalid destination a {@link SendOutcome.PermanentFailure},
 *       a timeout after submitting {@link SendOutcome.Unknown};</li>
 *   <li>an accepted message reports the provider's id and the number of parts it was sent as, which is
 *       {@link SmsParts#of(String)}{@code .count()} unless the provider says otherwise;</li>
 *   <li>the text arrives as given, Cyrillic and emoji included;</li>
 *   <li>if {@link #capabilities()} declares delivery receipts, listeners registered with {@link #onReceipt}
 *       receive them, carrying the id that {@code send} returned;</li>
 *   <li>{@code send} may be called from several threads at once.</li>
 * </ul>
 */
public interface SmsGateway extends AutoCloseable {

    SendOutcome send(SmsMessage message);

    /** What this gateway and its provider can do; the defaults are conservative. */
    default SmsCapabilities capabilities() {
        return SmsCapabilities.DEFAULTS;
    }

    /**
     * Registers a listener for delivery receipts. Gateways that declare
     * {@link SmsCapabilities#deliveryReceipts()} override this; the default ignores the listener.
     */
    default void onReceipt(ReceiptListener listener) {
        // no receipts from this gateway
    }

    /** Releases connections and threads; does not throw checked exceptions. */
    @Override
    void close();
}
