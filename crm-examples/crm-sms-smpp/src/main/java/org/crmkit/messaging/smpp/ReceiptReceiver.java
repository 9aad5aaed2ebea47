package org.crmkit.messaging.smpp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ReceiptListener;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SMSC's {@code deliver_sm} delivery receipts into {@link DeliveryReceipt}s for the
 * gateway's listeners.
 *
 * <p>The message id is taken from the {@code receipted_message_id} TLV when the SMSC sends it, from
 * the {@code id:} field of the receipt text otherwise; the time is the receipt's "done date" read in
 * {@code receipt-time-zone}, or the arrival time when it has none. {@code DELIVRD} is
 * {@link DeliveryStatus#DELIVERED}; {@code UNDELIV}, {@code REJECTD} and {@code DELETED}
 * {@link DeliveryStatus#UNDELIVERABLE}; {@code EXPIRED} {@link DeliveryStatus#EXPIRED}; intermediate
 * states ({@code ENROUTE}, {@code ACCEPTD}, {@code UNKNOWN}) are not final and are not passed on.
 *
 * <p>A message sent in several parts gets one receipt per part from the SMSC, but its sender knows
 * only the id of the first part ({@link SmppGateway} reports that one). Parts are therefore tracked:
 * listeners get one receipt under the first part's id, {@code DELIVERED} once every part is
 * delivered, or the first failure as soon as one part fails. Tracking is bounded (100,000 part ids,
 * the oldest forgotten first); a receipt for an id it does not track is passed on under that id, after
 * waiting (at most the hold-back time) for concatenated messages still being submitted.
 */
final class ReceiptReceiver implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(ReceiptReceiver.class);
    private static final int TRACKED_PARTS = 100_000;

    private final ZoneId smscZone;
    private final Duration holdBack;
    private final Clock clock;
    private final List<ReceiptListener> listeners = new CopyOnWriteArrayList<>();

    /** Part id to its message; guarded by "this". */
    private final Map<String, Concatenated> partToMessage = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Concatenated> eldest) {
            return size() > TRACKED_PARTS;
        }
    };

    /** Receipts waiting for a concatenated message in flight; guarded by "this". */
    private final List<HeldBack> heldBack = new ArrayList<>();
    private int concatenatedInFlight;

    private record HeldBack(String partId, DeliveryStatus status, Instant at, Instant arrived) {
    }

    private static final class Concatenated {
        final String firstId;
        final Set<String> pending;
        boolean reported;

        Concatenated(List<String> partIds) {
            this.firstId = partIds.get(0);
            this.pending = new HashSet<>(partIds);
        }
    }

    /**
     * @param smscZone the zone the SMSC writes "done date" in
     * @param holdBack the longest a receipt waits for a concatenated message in flight to be tracked
     * @param clock    gives the arrival time
     */
    ReceiptReceiver(ZoneId smscZone, Duration holdBack, Clock clock) {
        this.smscZone = smscZone;
        this.holdBack = holdBack;
        this.clock = clock;
    }

    void addListener(ReceiptListener listener) {
        listeners.add(listener);
    }

    /**
     * A message in more than one part is about to be submitted. Until {@link #endConcatenated} a receipt
     * for an id not tracked yet may belong to one of its parts (the SMSC can be faster than the
     * submitting thread), so such receipts are held back, not passed on under a part's id.
     */
    synchronized void beginConcatenated() {
        concatenatedInFlight++;
    }

    /**
     * The parts accepted for a message announced with {@link #beginConcatenated}, in part order (fewer
     * than planned when a part failed); receipts held back meanwhile are matched against them.
     */
    void endConcatenated(List<String> partIds) {
        List<DeliveryReceipt> ready = new ArrayList<>();
        synchronized (this) {
            concatenatedInFlight--;
            if (!partIds.isEmpty()) {
                Concatenated message = new Concatenated(partIds);
                for (String id : partIds) {
                    partToMessage.put(id, message);
                }
            }
            Instant tooOld = clock.instant().minus(holdBack);
            for (Iterator<HeldBack> it = heldBack.iterator(); it.hasNext(); ) {
                HeldBack held = it.next();
                if (concatenatedInFlight == 0 || partToMessage.containsKey(held.partId()) || held.arrived().isBefore(tooOld)) {
                    it.remove();
                    correlate(held.partId(), held.status(), held.at()).ifPresent(ready::add);
                }
            }
        }
        ready.forEach(this::publish);
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            log.debug("ignoring a mobile-originated deliver_sm from {}: this gateway only sends", deliverSm.getSourceAddr());
            return;
        }
        org.jsmpp.bean.DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException | RuntimeException e) {
            // acknowledged all the same: a negative answer would only make the SMSC send it again
            log.warn("cannot parse the delivery receipt \"{}\": {}",
                    new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1), e.getMessage());
            return;
        }
        String id = receiptedMessageId(deliverSm).orElse(receipt.getId());
        Optional<DeliveryStatus> status = status(receipt.getFinalStatus());
        if (id == null || id.isBlank() || status.isEmpty()) {
            log.debug("ignoring receipt id={} stat={}: no id or not a final state", id, receipt.getFinalStatus());
            return;
        }
        Instant at = receipt.getDoneDate() == null
                ? clock.instant()
                // jSMPP read "done date" in the JVM's zone: read the same wall time in the SMSC's zone instead
                : LocalDateTime.ofInstant(receipt.getDoneDate().toInstant(), ZoneId.systemDefault()).atZone(smscZone).toInstant();
        Optional<DeliveryReceipt> ready;
        synchronized (this) {
            if (concatenatedInFlight > 0 && !partToMessage.containsKey(id) && heldBack.size() < TRACKED_PARTS) {
                heldBack.add(new HeldBack(id, status.get(), at, clock.instant()));
                return;
            }
            ready = correlate(id, status.get(), at);
        }
        ready.ifPresent(this::publish);
    }

    /** Guarded by "this". */
    private Optional<DeliveryReceipt> correlate(String partId, DeliveryStatus status, Instant at) {
        Concatenated message = partToMessage.get(partId);
        if (message == null) {
            return Optional.of(new DeliveryReceipt(partId, status, at));
        }
        if (message.reported) {
            return Optional.empty();
        }
        message.pending.remove(partId);
        if (status != DeliveryStatus.DELIVERED || message.pending.isEmpty()) {
            message.reported = true;
            return Optional.of(new DeliveryReceipt(message.firstId, status, at));
        }
        return Optional.empty();
    }

    private void publish(DeliveryReceipt receipt) {
        if (listeners.isEmpty()) {
            log.debug("no listener for {}", receipt);
        }
        for (ReceiptListener listener : listeners) {
            try {
                listener.onReceipt(receipt);
            } catch (RuntimeException e) {
                log.warn("receipt listener {} failed on {}", listener, receipt, e);
            }
        }
    }

    private static Optional<String> receiptedMessageId(DeliverSm deliverSm) {
        OptionalParameter parameter = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (parameter instanceof OptionalParameter.COctetString) {
            String id = ((OptionalParameter.COctetString) parameter).getValueAsString();
            if (id != null && !id.isBlank()) {
                return Optional.of(id.strip());
            }
        }
        return Optional.empty();
    }

    static Optional<DeliveryStatus> status(DeliveryReceiptState state) {
        if (state == null) {
            return Optional.empty();
        }
        switch (state) {
            case DELIVRD:
                return Optional.of(DeliveryStatus.DELIVERED);
            case UNDELIV:
            case REJECTD:
            case DELETED:
                return Optional.of(DeliveryStatus.UNDELIVERABLE);
            case EXPIRED:
                return Optional.of(DeliveryStatus.EXPIRED);
            default:
                return Optional.empty();
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        log.debug("ignoring alert_notification");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported by this gateway", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
