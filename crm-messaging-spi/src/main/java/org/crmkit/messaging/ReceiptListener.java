package org.crmkit.messaging;

/**
 * Receives delivery receipts. It is called on a thread of the gateway's choosing, possibly
 * concurrently, and must not block for long; an exception it throws is logged and does not stop
 * other listeners or later receipts.
 */
@FunctionalInterface
public interface ReceiptListener {
    void onReceipt(DeliveryReceipt receipt);
}
