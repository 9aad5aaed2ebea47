package org.crmkit.messaging.smpp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.kit.ReceivedSms;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC for tests, written on jSMPP's server API and listening on 127.0.0.1 at an
 * ephemeral port. It accepts binds, answers {@code submit_sm} with a fresh message id, reassembles
 * concatenated parts (8- and 16-bit reference UDH), decodes GSM-7 and UCS-2, and can be told to
 * throttle, report a full queue, reject a destination or source as invalid, delay or hold its answers,
 * refuse binds with a status, drop every link, and send delivery receipts the SMPP way (one
 * {@code deliver_sm} per part), also as a burst from many threads at once.
 *
 * <p>It also keeps what a test needs to look at the wire: every submitted PDU's fields, the number
 * of binds, and the largest number of {@code submit_sm} it was working on at the same time.
 */
final class InProcessSmsc implements SmsProviderDouble, AutoCloseable {

    /** One {@code submit_sm} the SMSC accepted, as it arrived. */
    record SubmittedPart(String messageId, String sourceAddr, byte sourceTon, byte sourceNpi,
                         String destAddr, byte destTon, byte destNpi, byte dataCoding, byte esmClass,
                         byte registeredDelivery, String validityPeriod, byte[] shortMessage) {

        boolean hasUdh() {
            return GSMSpecificFeature.UDHI.containedIn(esmClass) || GSMSpecificFeature.UDHI_REPLYPATH.containedIn(esmClass);
        }
    }

    /** The bind request as the SMSC saw it. */
    record Bind(String systemId, String password, String systemType, String bindType) {
    }

    private final SMPPServerSessionListener listener;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "in-process-smsc");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Bind> binds = new CopyOnWriteArrayList<>();
    private final AtomicLong nextMessageId = new AtomicLong(7_000_000_001L);
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();
    private final AtomicInteger bindAttempts = new AtomicInteger();
    private volatile boolean closed;
    private volatile int bindRefusal;
    /** Whether submits are held unanswered; guarded by itself. */
    private final boolean[] holding = {false};

    // behaviour, switched by tests
    private volatile boolean throttled;
    private volatile boolean queueFull;
    private volatile Duration responseDelay = Duration.ZERO;
    private final Set<String> invalidDestinations = ConcurrentHashMap.newKeySet();
    private final Set<String> invalidSources = ConcurrentHashMap.newKeySet();

    // what arrived; guarded by "this"
    private final List<SubmittedPart> submitted = new ArrayList<>();
    private final List<ReceivedSms> received = new ArrayList<>();
    private final Map<String, Part[]> pendingConcatenations = new HashMap<>();
    private final Map<String, List<SubmittedPart>> partsOfMessage = new LinkedHashMap<>();

    private record Part(SubmittedPart pdu, byte[] payload) {
    }

    private InProcessSmsc(ServerSocket socket) throws IOException {
        this.port = socket.getLocalPort();
        ServerConnection connection = new ServerSocketConnection(socket);
        this.listener = new SMPPServerSessionListener(port, new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int ignored) {
                return connection;
            }

            @Override
            public ServerConnection listen(int ignored, int timeout) throws IOException {
                connection.setSoTimeout(timeout);
                return connection;
            }

            @Override
            public ServerConnection listen(int ignored, int timeout, int backlog) throws IOException {
                connection.setSoTimeout(timeout);
                return connection;
            }
        });
        // enough workers that a simulated latency does not serialise a window of requests
        listener.setPduProcessorDegree(32);
        listener.setQueueCapacity(1000);
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(this::acceptLoop);
    }

    /** Starts an SMSC on 127.0.0.1 at a free port. */
    static InProcessSmsc start() {
        try {
            return new InProcessSmsc(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the in-process SMSC", e);
        }
    }

    int port() {
        return port;
    }

    // ---- SmsProviderDouble -------------------------------------------------------------------

    @Override
    public synchronized List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    @Override
    public void throttle(boolean on) {
        throttled = on;
    }

    @Override
    public void rejectAsInvalid(String destination) {
        invalidDestinations.add(destination);
    }

    /**
     * Sends one receipt per part of the message whose first (or only) part got
     * {@code providerMessageId}, as {@code deliver_sm} with esm_class "MC delivery receipt", the
     * receipt text and the {@code receipted_message_id} / {@code message_state} TLVs.
     */
    @Override
    public void sendReceipt(String providerMessageId, DeliveryStatus status) {
        List<SubmittedPart> parts;
        synchronized (this) {
            parts = partsOfMessage.get(providerMessageId);
        }
        if (parts == null) {
            throw new IllegalArgumentException("the SMSC never issued message id " + providerMessageId);
        }
        for (SubmittedPart part : parts) {
            deliverReceipt(part, status);
        }
    }

    @Override
    public synchronized void reset() {
        throttled = false;
        queueFull = false;
        responseDelay = Duration.ZERO;
        invalidDestinations.clear();
        invalidSources.clear();
        submitted.clear();
        received.clear();
        pendingConcatenations.clear();
        partsOfMessage.clear();
        maxOutstanding.set(0);
        bindRefusal = 0;
        holdResponses(false);
    }

    // ---- extra switches and observations ------------------------------------------------------

    /** Answer every submit with {@code ESME_RMSGQFUL}. */
    void queueFull(boolean on) {
        queueFull = on;
    }

    /** Answer submits from {@code sender} with {@code ESME_RINVSRCADR}. */
    void rejectSourceAsInvalid(String sender) {
        invalidSources.add(sender);
    }

    /** Hold every {@code submit_sm} this long before answering it. */
    void respondAfter(Duration delay) {
        responseDelay = delay;
    }

    /** Closes every session's socket without unbinding, as a network failure would. */
    void dropLinks() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /** Answer every bind with {@code status} (0 accepts again), as an SMSC does for wrong credentials. */
    void refuseBinds(int status) {
        bindRefusal = status;
    }

    /** How many binds arrived, accepted or refused. */
    int bindAttempts() {
        return bindAttempts.get();
    }

    /** While on, every {@code submit_sm} is held unanswered (until switched off or the SMSC closes). */
    void holdResponses(boolean on) {
        synchronized (holding) {
            holding[0] = on;
            holding.notifyAll();
        }
    }

    /** How many {@code submit_sm} the SMSC is holding right now. */
    int outstandingSubmits() {
        return outstanding.get();
    }

    /** How a burst of receipts was answered: {@code deliver_sm_resp} statuses by name, and failures to send. */
    record BurstAnswers(int ok, Map<String, Integer> negative, int failed) {
    }

    /**
     * Sends {@code count} delivery receipts (DELIVRD) for the ids {@code prefix + 1 ... prefix + count} from
     * {@code senders} threads at once, each waiting for its {@code deliver_sm_resp}, and reports how they were
     * answered. The ids need not have been issued: a gateway passes a receipt it cannot match on as it is.
     */
    BurstAnswers sendReceiptBurst(String prefix, int count, int senders) throws InterruptedException {
        SMPPServerSession session = boundSession();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> negative = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            for (int t = 0; t < senders; t++) {
                pool.execute(() -> {
                    for (int n = next.incrementAndGet(); n <= count; n = next.incrementAndGet()) {
                        try {
                            deliverReceipt(session, prefix + n, DeliveryStatus.DELIVERED, "79161234567", (byte) 1, (byte) 1,
                                    "CrmKit", (byte) 5, (byte) 0);
                            ok.incrementAndGet();
                        } catch (org.jsmpp.extra.NegativeResponseException e) {
                            negative.merge(String.format("0x%08X", e.getCommandStatus()), 1, Integer::sum);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
        return new BurstAnswers(ok.get(), Map.copyOf(negative), failed.get());
    }

    /** Every bind accepted so far, in order. */
    List<Bind> binds() {
        return List.copyOf(binds);
    }

    /** Every {@code submit_sm} accepted since start or the last reset, in arrival order. */
    synchronized List<SubmittedPart> submitted() {
        return List.copyOf(submitted);
    }

    /** The largest number of {@code submit_sm} the SMSC held at once since start or the last reset. */
    int maxOutstandingSubmits() {
        return maxOutstanding.get();
    }

    @Override
    public void close() {
        closed = true;
        holdResponses(false);
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- inside -------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                threads.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) {
                    // a failed accept on a live listener: keep listening
                    continue;
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            bindAttempts.incrementAndGet();
            if (bindRefusal != 0) {
                // the client closes the link after reading the refusal
                request.reject(bindRefusal);
                return;
            }
            binds.add(new Bind(request.getSystemId(), request.getPassword(), request.getSystemType(),
                    request.getBindType().name()));
            request.accept("crmkit-smsc");
            session.setTransactionTimer(60_000);
            sessions.add(session);
        } catch (Exception e) {
            session.close();
        }
    }

    private SubmitSmResult submit(SubmitSm submitSm) throws ProcessRequestException {
        int now = outstanding.incrementAndGet();
        maxOutstanding.accumulateAndGet(now, Math::max);
        try {
            sleep(responseDelay);
            awaitRelease();
            if (throttled) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            if (queueFull) {
                throw new ProcessRequestException("queue full", SMPPConstant.STAT_ESME_RMSGQFUL);
            }
            String destination = address(submitSm.getDestAddrTon(), submitSm.getDestAddress());
            if (invalidDestinations.contains(destination)) {
                throw new ProcessRequestException("invalid destination " + destination, SMPPConstant.STAT_ESME_RINVDSTADR);
            }
            String source = address(submitSm.getSourceAddrTon(), submitSm.getSourceAddr());
            if (invalidSources.contains(source)) {
                throw new ProcessRequestException("invalid source " + source, SMPPConstant.STAT_ESME_RINVSRCADR);
            }
            String id = Long.toString(nextMessageId.getAndIncrement());
            SubmittedPart part = new SubmittedPart(id, submitSm.getSourceAddr(), submitSm.getSourceAddrTon(),
                    submitSm.getSourceAddrNpi(), submitSm.getDestAddress(), submitSm.getDestAddrTon(),
                    submitSm.getDestAddrNpi(), submitSm.getDataCoding(), submitSm.getEsmClass(),
                    submitSm.getRegisteredDelivery(), submitSm.getValidityPeriod(), submitSm.getShortMessage());
            record(part);
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("bad message id", SMPPConstant.STAT_ESME_RSYSERR);
        } finally {
            outstanding.decrementAndGet();
        }
    }

    private synchronized void record(SubmittedPart part) {
        submitted.add(part);
        byte[] message = part.shortMessage();
        if (!part.hasUdh()) {
            partsOfMessage.put(part.messageId(), List.of(part));
            received.add(new ReceivedSms(address(part.sourceTon(), part.sourceAddr()),
                    address(part.destTon(), part.destAddr()), decode(part.dataCoding(), message), 1));
            return;
        }
        int headerLength = message[0] & 0xFF;
        int reference = -1;
        int total = 1;
        int sequence = 1;
        for (int i = 1; i < 1 + headerLength; ) {
            int iei = message[i] & 0xFF;
            int length = message[i + 1] & 0xFF;
            if (iei == 0x00 && length == 3) {
                reference = message[i + 2] & 0xFF;
                total = message[i + 3] & 0xFF;
                sequence = message[i + 4] & 0xFF;
            } else if (iei == 0x08 && length == 4) {
                reference = ((message[i + 2] & 0xFF) << 8) | (message[i + 3] & 0xFF);
                total = message[i + 4] & 0xFF;
                sequence = message[i + 5] & 0xFF;
            }
            i += 2 + length;
        }
        byte[] payload = Arrays.copyOfRange(message, 1 + headerLength, message.length);
        String key = part.sourceAddr() + "|" + part.destAddr() + "|" + reference + "|" + total;
        Part[] collected = pendingConcatenations.computeIfAbsent(key, k -> new Part[0]);
        if (collected.length < total) {
            collected = Arrays.copyOf(collected, total);
            pendingConcatenations.put(key, collected);
        }
        collected[sequence - 1] = new Part(part, payload);
        for (Part each : collected) {
            if (each == null) {
                return;
            }
        }
        pendingConcatenations.remove(key);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        List<SubmittedPart> pdus = new ArrayList<>();
        for (Part each : collected) {
            whole.writeBytes(each.payload());
            pdus.add(each.pdu());
        }
        partsOfMessage.put(collected[0].pdu().messageId(), List.copyOf(pdus));
        received.add(new ReceivedSms(address(part.sourceTon(), part.sourceAddr()),
                address(part.destTon(), part.destAddr()), decode(part.dataCoding(), whole.toByteArray()), total));
    }

    private void deliverReceipt(SubmittedPart part, DeliveryStatus status) {
        try {
            deliverReceipt(boundSession(), part.messageId(), status, part.destAddr(), part.destTon(), part.destNpi(),
                    part.sourceAddr(), part.sourceTon(), part.sourceNpi());
        } catch (Exception e) {
            throw new IllegalStateException("the SMSC could not deliver the receipt for " + part.messageId(), e);
        }
    }

    /** One receipt as {@code deliver_sm}, from the message's destination back to its source; waits for the answer. */
    private static void deliverReceipt(SMPPServerSession session, String messageId, DeliveryStatus status,
                                       String destAddr, byte destTon, byte destNpi,
                                       String sourceAddr, byte sourceTon, byte sourceNpi) throws Exception {
        DeliveryReceiptState state;
        OptionalParameter.Message_state.Message_state_enum messageState;
        switch (status) {
            case DELIVERED:
                state = DeliveryReceiptState.DELIVRD;
                messageState = OptionalParameter.Message_state.Message_state_enum.DELIVERED;
                break;
            case EXPIRED:
                state = DeliveryReceiptState.EXPIRED;
                messageState = OptionalParameter.Message_state.Message_state_enum.EXPIRED;
                break;
            default:
                state = DeliveryReceiptState.UNDELIV;
                messageState = OptionalParameter.Message_state.Message_state_enum.UNDELIVERABLE;
                break;
        }
        Date now = new Date();
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, status == DeliveryStatus.DELIVERED ? 1 : 0,
                now, now, state, status == DeliveryStatus.DELIVERED ? "000" : "001", "");
        session.deliverShortMessage("", TypeOfNumber.valueOf(destTon), NumberingPlanIndicator.valueOf(destNpi), destAddr,
                TypeOfNumber.valueOf(sourceTon), NumberingPlanIndicator.valueOf(sourceNpi), sourceAddr,
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                receipt.toString().getBytes(StandardCharsets.US_ASCII),
                new OptionalParameter.Receipted_message_id(messageId),
                new OptionalParameter.Message_state(messageState.byteValue()));
    }

    private SMPPServerSession boundSession() {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            SMPPServerSession session = sessions.get(i);
            if (session.getSessionState().isReceivable()) {
                return session;
            }
        }
        throw new IllegalStateException("no bound receiver session to send a receipt to");
    }

    private static String address(byte ton, String address) {
        return ton == TypeOfNumber.INTERNATIONAL.value() ? "+" + address : address;
    }

    private void awaitRelease() {
        synchronized (holding) {
            while (holding[0] && !closed) {
                try {
                    holding.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The text of a message body, decoded by its data_coding (GSM 03.38 decoding is written out here on purpose). */
    static String decode(byte dataCoding, byte[] body) {
        switch (dataCoding & 0xFF) {
            case 0x00:
                return Gsm0338.decode(body);
            case 0x08:
                return new String(body, StandardCharsets.UTF_16BE);
            case 0x03:
                return new String(body, StandardCharsets.ISO_8859_1);
            default:
                throw new IllegalArgumentException("the test SMSC cannot decode data_coding " + dataCoding);
        }
    }

    /** GSM 03.38 decoding, independent of the plugin's encoder. */
    static final class Gsm0338 {
        private static final int[] BASIC = {
                '@', 0xA3, '$', 0xA5, 0xE8, 0xE9, 0xF9, 0xEC, 0xF2, 0xC7, '\n', 0xD8, 0xF8, '\r', 0xC5, 0xE5,
                0x394, '_', 0x3A6, 0x393, 0x39B, 0x3A9, 0x3A0, 0x3A8, 0x3A3, 0x398, 0x39E, -1, 0xC6, 0xE6, 0xDF, 0xC9,
                ' ', '!', '"', '#', 0xA4, '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
                '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
                0xA1, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
                'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 0xC4, 0xD6, 0xD1, 0xDC, 0xA7,
                0xBF, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
                'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0xE4, 0xF6, 0xF1, 0xFC, 0xE0,
        };

        private Gsm0338() {
        }

        static String decode(byte[] septets) {
            StringBuilder text = new StringBuilder(septets.length);
            for (int i = 0; i < septets.length; i++) {
                int septet = septets[i] & 0x7F;
                if (septet != 0x1B) {
                    text.append((char) BASIC[septet]);
                    continue;
                }
                i++;
                int code = septets[i] & 0x7F;
                switch (code) {
                    case 0x0A: text.append('\f'); break;
                    case 0x14: text.append('^'); break;
                    case 0x28: text.append('{'); break;
                    case 0x29: text.append('}'); break;
                    case 0x2F: text.append('\\'); break;
                    case 0x3C: text.append('['); break;
                    case 0x3D: text.append('~'); break;
                    case 0x3E: text.append(']'); break;
                    case 0x40: text.append('|'); break;
                    case 0x65: text.append('€'); break;
                    default: throw new IllegalArgumentException("unknown GSM 03.38 extension code " + code);
                }
            }
            return text.toString();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            return submit(submitSm);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by the test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
