package org.crmkit.messaging.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ReceiptListener;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.ReceivedSms;
import org.crmkit.messaging.kit.SmsProviderDouble;

/**
 * An in-memory gateway that is also the double of its own provider: the simplest thing that passes
 * {@code SmsGatewayContract}, used to check the kit itself. Subclasses break one rule each.
 */
class ReferenceSmsGateway implements SmsGateway, SmsProviderDouble {

    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private final List<ReceiptListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean throttled;

    @Override
    public SendOutcome send(SmsMessage message) {
        if (throttled) {
            return SendOutcome.temporary("throttled", Duration.ofSeconds(1));
        }
        if (invalid.contains(message.destination())) {
            return SendOutcome.permanent("invalid_destination", "no such subscriber " + message.destination());
        }
        String id = "ref-" + ids.incrementAndGet();
        idsByKey.put(message.idempotencyKey(), id);
        int parts = reportedParts(message);
        received.add(new ReceivedSms(message.sender(), message.destination(), deliveredText(message), parts));
        return SendOutcome.accepted(id, parts);
    }

    protected int reportedParts(SmsMessage message) {
        return SmsParts.of(message.text()).count();
    }

    protected String deliveredText(SmsMessage message) {
        return message.text();
    }

    @Override
    public SmsCapabilities capabilities() {
        return SmsCapabilities.builder().deliveryReceipts(true).build();
    }

    @Override
    public void onReceipt(ReceiptListener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }

    @Override
    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    @Override
    public void throttle(boolean on) {
        throttled = on;
    }

    @Override
    public void rejectAsInvalid(String destination) {
        invalid.add(destination);
    }

    @Override
    public void sendReceipt(String providerMessageId, DeliveryStatus status) {
        DeliveryReceipt receipt = new DeliveryReceipt(providerMessageId, status, Instant.now());
        listeners.forEach(listener -> listener.onReceipt(receipt));
    }

    @Override
    public void reset() {
        received.clear();
        invalid.clear();
        throttled = false;
    }
}
