package org.crmkit.messaging.console;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ReceiptListener;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsCapabilities;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.messaging.sms.SmsParts;

/**
 * Prints each SMS it would send to a {@link PrintStream} and answers like a provider: accepted with an id
 * ({@code console-1}, {@code console-2}, ...) and the part count {@link SmsParts} gives.
 *
 * <p>One message prints as a header line and the text, each text line prefixed with {@code "| "}:
 * <pre>
 * [console-sms] console-1 from CrmKit to +79161234567: 2 parts, UCS2, 71 units, validity PT1H, key order-42
 * | Здравствуйте!
 * | Ваш заказ готов.
 * </pre>
 * A receipt prints as {@code [console-sms] receipt console-1 DELIVERED at 2025-01-01T10:00:00Z}.
 *
 * <p>Simulation, for trying a host's error handling: {@link #throttle(boolean)} answers every message with a
 * temporary failure, {@link #rejectAsInvalid(String)} makes a destination a permanent
 * {@code invalid_destination} failure, {@link #report(String, DeliveryStatus)} emits a receipt; with an
 * automatic receipt status, each accepted message gets that receipt shortly after {@code send} returns.
 * Resubmitting an idempotency key already accepted returns the first outcome and prints nothing.
 * Thread-safe; a message's lines are printed together.
 */
public final class ConsoleSmsGateway implements SmsGateway {

    private static final int REMEMBERED_KEYS = 10_000;

    private final PrintStream out;
    private final Clock clock;
    private final Optional<DeliveryStatus> autoReceipt;
    private final SmsCapabilities capabilities;
    private final AtomicLong ids = new AtomicLong();
    private final List<ReceiptListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> invalidDestinations = ConcurrentHashMap.newKeySet();
    private final Map<String, SendOutcome.Accepted> acceptedByKey = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SendOutcome.Accepted> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    };
    private final ExecutorService receipts = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-sms-receipts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean throttled;
    private volatile boolean closed;

    /**
     * @param out         where messages are printed; not closed by {@link #close()}
     * @param clock       the time printed on receipts
     * @param autoReceipt the receipt each accepted message gets, or empty for none
     * @param maxParts    messages longer than this are refused with {@code too_many_parts}
     */
    public ConsoleSmsGateway(PrintStream out, Clock clock, Optional<DeliveryStatus> autoReceipt, int maxParts) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.autoReceipt = Objects.requireNonNull(autoReceipt, "autoReceipt");
        this.capabilities = SmsCapabilities.builder()
                .maxParts(maxParts)
                .deliveryReceipts(true)
                .idempotentResubmission(true)
                .build();
    }

    /** Prints to {@code out} with the system clock, automatic DELIVERED receipts and at most 10 parts. */
    public ConsoleSmsGateway(PrintStream out) {
        this(out, Clock.systemUTC(), Optional.of(DeliveryStatus.DELIVERED), 10);
    }

    @Override
    public SendOutcome send(SmsMessage message) {
        if (closed) {
            throw new IllegalStateException("the console SMS gateway is closed");
        }
        if (throttled) {
            return SendOutcome.temporary("throttled (simulated by the console gateway)", Duration.ofSeconds(1));
        }
        if (invalidDestinations.contains(message.destination())) {
            return SendOutcome.permanent("invalid_destination",
                    "destination " + message.destination() + " is rejected (simulated by the console gateway)");
        }
        SmsParts parts = SmsParts.of(message.text());
        if (parts.count() > capabilities.maxParts()) {
            return SendOutcome.permanent("too_many_parts",
                    "text needs " + parts.count() + " parts, at most " + capabilities.maxParts() + " allowed");
        }
        SendOutcome.Accepted accepted;
        synchronized (this) {
            SendOutcome.Accepted earlier = acceptedByKey.get(message.idempotencyKey());
            if (earlier != null) {
                return earlier;
            }
            accepted = SendOutcome.accepted("console-" + ids.incrementAndGet(), parts.count());
            acceptedByKey.put(message.idempotencyKey(), accepted);
            out.print(format(accepted.providerMessageId(), message, parts));
            out.flush();
        }
        autoReceipt.ifPresent(status -> {
            try {
                receipts.execute(() -> report(accepted.providerMessageId(), status));
            } catch (RejectedExecutionException e) {
                // closed meanwhile: no receipt
            }
        });
        return accepted;
    }

    @Override
    public SmsCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void onReceipt(ReceiptListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** While on, every message is answered with a temporary failure. */
    public void throttle(boolean on) {
        throttled = on;
    }

    /** Messages to this destination are answered with a permanent {@code invalid_destination} failure. */
    public void rejectAsInvalid(String destination) {
        invalidDestinations.add(Objects.requireNonNull(destination, "destination"));
    }

    /** Stops throttling and rejecting. */
    public void resetSimulation() {
        throttled = false;
        invalidDestinations.clear();
    }

    /** Prints a receipt for {@code providerMessageId} and passes it to the listeners. */
    public void report(String providerMessageId, DeliveryStatus status) {
        DeliveryReceipt receipt = new DeliveryReceipt(providerMessageId, status, clock.instant());
        synchronized (this) {
            out.println("[console-sms] receipt " + providerMessageId + " " + status + " at " + receipt.at());
            out.flush();
        }
        for (ReceiptListener listener : listeners) {
            try {
                listener.onReceipt(receipt);
            } catch (RuntimeException e) {
                synchronized (this) {
                    out.println("[console-sms] receipt listener failed: " + e);
                }
            }
        }
    }

    /** Stops automatic receipts; the stream is left open (it is usually {@code System.out}). */
    @Override
    public void close() {
        closed = true;
        receipts.shutdownNow();
        out.flush();
    }

    static String format(String id, SmsMessage message, SmsParts parts) {
        StringBuilder text = new StringBuilder()
                .append("[console-sms] ").append(id)
                .append(" from ").append(message.sender())
                .append(" to ").append(message.destination())
                .append(": ").append(parts.count()).append(parts.count() == 1 ? " part, " : " parts, ")
                .append(parts.encoding()).append(", ").append(parts.units()).append(" units");
        message.validity().ifPresent(validity -> text.append(", validity ").append(validity));
        text.append(", key ").append(message.idempotencyKey()).append(System.lineSeparator());
        for (String line : message.text().split("\n", -1)) {
            text.append("| ").append(line).append(System.lineSeparator());
        }
        return text.toString();
    }
}
