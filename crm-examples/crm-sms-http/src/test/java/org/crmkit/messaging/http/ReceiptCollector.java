package org.crmkit.messaging.http;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.ReceiptListener;

/**
 * Collects receipts a gateway passes on. A callback is handled before the provider gets its answer, so once the
 * double has the answer, the receipts are here: {@link #all()} needs no waiting.
 */
final class ReceiptCollector implements ReceiptListener {

    private final BlockingQueue<DeliveryReceipt> receipts = new LinkedBlockingQueue<>();

    @Override
    public void onReceipt(DeliveryReceipt receipt) {
        receipts.add(receipt);
    }

    List<DeliveryReceipt> all() {
        return List.copyOf(receipts);
    }

    DeliveryReceipt next() throws InterruptedException {
        DeliveryReceipt receipt = receipts.poll(10, TimeUnit.SECONDS);
        if (receipt == null) {
            throw new AssertionError("no receipt within 10 s");
        }
        return receipt;
    }
}
