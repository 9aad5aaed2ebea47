package org.crmkit.messaging.kannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.kit.ReceivedSms;
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
 * The SMSC that Kannel's {@code smsc = smpp} link binds to in these tests, on jSMPP's server API at 127.0.0.1 and
 * an ephemeral port. It answers {@code submit_sm} with ids of its own, puts concatenated parts (8-bit reference UDH, as
 * Kannel writes them) back together, decodes GSM-7 (unpacked, as Kannel sends it) and UCS-2, and sends final
 * delivery receipts the SMPP 3.4 way: {@code deliver_sm} with the receipt text and the {@code receipted_message_id}
 * and {@code message_state} TLVs. It can drop Kannel's link and refuse binds, which is how a test takes the link down.
 */
final class InProcessSmsc implements AutoCloseable {

    /** One message as it arrived, with the SMSC's id of each part (a receipt names one of them). */
    record Message(ReceivedSms sms, List<String> partIds, String sourceAddr, byte sourceTon, String destAddr, byte destTon) {
    }

    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kannel-test-smsc");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(50_000_001L);
    private volatile boolean refuseBinds;
    private volatile boolean closed;

    // guarded by "this"
    private final List<Message> received = new ArrayList<>();
    private final Map<String, TreeMap<Integer, String[]>> concatenations = new HashMap<>();

    private final int port;

    private InProcessSmsc(SMPPServerSessionListener listener, int port) {
        this.listener = listener;
        this.port = port;
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(2000);
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(this::acceptLoop);
    }

    /** Listens on 127.0.0.1 at a free port. */
    static InProcessSmsc start() {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ServerConnection bound = new ServerSocketConnection(socket);
            // jSMPP's listener opens its own socket on every interface; hand it the loopback one instead
            ServerConnectionFactory loopback = new ServerConnectionFactory() {
                @Override
                public ServerConnection listen(int port) {
                    return bound;
                }

                @Override
                public ServerConnection listen(int port, int timeout) throws IOException {
                    bound.setSoTimeout(timeout);
                    return bound;
                }

                @Override
                public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
                    bound.setSoTimeout(timeout);
                    return bound;
                }
            };
            return new InProcessSmsc(new SMPPServerSessionListener(socket.getLocalPort(), loopback), socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test SMSC", e);
        }
    }

    int port() {
        return port;
    }

    synchronized List<Message> received() {
        return List.copyOf(received);
    }

    synchronized void forgetReceived() {
        received.clear();
        concatenations.clear();
    }

    /** The message received with this text, once it has arrived (waits up to {@code patience}). */
    Message awaitMessage(String text, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<Message> found;
            synchronized (this) {
                found = received.stream().filter(m -> m.sms().text().equals(text)).findFirst();
            }
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the SMSC did not receive \"" + text + "\" within " + patience);
            }
            sleep(10);
        }
    }

    /** Closes every link without unbinding, as a network failure would; with {@code refuse}, later binds are closed too. */
    void dropLinks(boolean refuse) {
        refuseBinds = refuse;
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /** Accepts binds again. */
    void acceptLinks() {
        refuseBinds = false;
    }

    boolean bound() {
        return sessions.stream().anyMatch(session -> session.getSessionState().isBound());
    }

    /**
     * Sends the receipt for {@code message} on the bound link: for its first part, which is the part Kannel asked a
     * receipt for ({@code registered_delivery}).
     */
    void sendReceipt(Message message, DeliveryStatus status) {
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
        String id = message.partIds().get(0);
        Date now = new Date();
        String text = new DeliveryReceipt(id, 1, status == DeliveryStatus.DELIVERED ? 1 : 0, now, now, state,
                status == DeliveryStatus.DELIVERED ? "000" : "001", "").toString();
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isReceivable()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bound link to send a receipt on"));
        try {
            // a receipt goes from the handset back to the sender
            session.deliverShortMessage("", TypeOfNumber.valueOf(message.destTon()), NumberingPlanIndicator.ISDN,
                    message.destAddr(), TypeOfNumber.valueOf(message.sourceTon()), NumberingPlanIndicator.UNKNOWN,
                    message.sourceAddr(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(id), new OptionalParameter.Message_state(messageState.byteValue()));
        } catch (Exception e) {
            throw new IllegalStateException("the SMSC could not send the receipt for " + id, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropLinks(true);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                threads.execute(() -> {
                    try {
                        if (refuseBinds) {
                            session.close();
                            return;
                        }
                        session.waitForBind(5000).accept("crmkit-smsc");
                        sessions.add(session);
                    } catch (Exception e) {
                        session.close();
                    }
                });
            } catch (IOException e) {
                // closed, or a failed accept: the loop condition decides
            }
        }
    }

    private SubmitSmResult submit(SubmitSm submit) throws ProcessRequestException {
        String id = Long.toString(nextId.getAndIncrement());
        byte[] body = submit.getShortMessage();
        boolean udh = GSMSpecificFeature.UDHI.containedIn(submit.getEsmClass());
        synchronized (this) {
            if (!udh) {
                add(submit, decode(submit.getDataCoding(), body), List.of(id));
            } else {
                int headerLength = body[0] & 0xFF;
                // Kannel writes IEI 0x00: reference, total, sequence
                int reference = body[3] & 0xFF;
                int total = body[4] & 0xFF;
                int sequence = body[5] & 0xFF;
                String payload = decode(submit.getDataCoding(), java.util.Arrays.copyOfRange(body, 1 + headerLength, body.length));
                String key = submit.getSourceAddr() + "|" + submit.getDestAddress() + "|" + reference;
                TreeMap<Integer, String[]> parts = concatenations.computeIfAbsent(key, k -> new TreeMap<>());
                parts.put(sequence, new String[] {payload, id});
                if (parts.size() == total) {
                    concatenations.remove(key);
                    StringBuilder text = new StringBuilder();
                    List<String> ids = new ArrayList<>();
                    parts.values().forEach(part -> {
                        text.append(part[0]);
                        ids.add(part[1]);
                    });
                    add(submit, text.toString(), ids);
                }
            }
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("bad message id " + id, SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private void add(SubmitSm submit, String text, List<String> ids) {
        ReceivedSms sms = new ReceivedSms(address(submit.getSourceAddrTon(), submit.getSourceAddr()),
                address(submit.getDestAddrTon(), submit.getDestAddress()), text, ids.size());
        received.add(new Message(sms, List.copyOf(ids), submit.getSourceAddr(), submit.getSourceAddrTon(),
                submit.getDestAddress(), submit.getDestAddrTon()));
    }

    private static String address(byte ton, String address) {
        return ton == TypeOfNumber.INTERNATIONAL.value() ? "+" + address : address;
    }

    private static String decode(byte dataCoding, byte[] body) {
        if ((dataCoding & 0xFF) == 0x08) {
            return new String(body, StandardCharsets.UTF_16BE);
        }
        if ((dataCoding & 0xFF) == 0x00) {
            return GsmDefaultAlphabet.decode(body);
        }
        throw new IllegalArgumentException("the test SMSC does not read data_coding " + dataCoding);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            return submit(submitSm);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw notHere();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw notHere();
        }

        private ProcessRequestException notHere() {
            return new ProcessRequestException("only submit_sm here", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
