package org.crmkit.messaging.smpp;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.netty.channel.Channel;

/**
 * An SMSC on Cloudhopper SMPP (no jSMPP code on this side), on 127.0.0.1 at an ephemeral port: it accepts or
 * refuses binds, answers {@code submit_sm} with an id, and sends delivery receipts the way Cloudhopper does,
 * asynchronously with up to {@code window} {@code deliver_sm} unanswered. The gateway is tested against it as
 * a second, independent implementation of the protocol.
 */
final class CloudhopperSmsc implements AutoCloseable {

    private final DefaultSmppServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("cloudhopper-smsc"));
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(daemon("cloudhopper-monitor"));
    private final int port;
    private final AtomicInteger bindAttempts = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong(9_000_000_001L);
    private final AtomicInteger answeredOk = new AtomicInteger();
    private final Map<Integer, Integer> answeredNegative = new ConcurrentHashMap<>();
    private volatile int bindRefusal;
    private volatile SmppServerSession session;

    private CloudhopperSmsc(int window) throws Exception {
        SmppServerConfiguration configuration = new SmppServerConfiguration();
        configuration.setName("crmkit-test-smsc");
        configuration.setHost("127.0.0.1");
        configuration.setPort(0);
        configuration.setSystemId("cloudhopper");
        configuration.setNonBlockingSocketsEnabled(true);
        configuration.setMaxConnectionSize(10);
        configuration.setBindTimeout(5000);
        configuration.setDefaultWindowSize(window);
        configuration.setDefaultWindowWaitTimeout(60_000);
        configuration.setDefaultRequestExpiryTimeout(60_000);
        configuration.setDefaultWindowMonitorInterval(15_000);
        configuration.setJmxEnabled(false);
        server = new DefaultSmppServer(configuration, new Handler(), workers, monitor);
        server.start();
        port = boundPort(server);
    }

    /** Starts an SMSC that keeps at most {@code window} of its own requests unanswered. */
    static CloudhopperSmsc start(int window) {
        try {
            return new CloudhopperSmsc(window);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Cloudhopper SMSC", e);
        }
    }

    int port() {
        return port;
    }

    /** Answer every bind with {@code status} (0 accepts again). */
    void refuseBinds(int status) {
        bindRefusal = status;
    }

    int bindAttempts() {
        return bindAttempts.get();
    }

    /**
     * Sends {@code count} DELIVRD receipts for ids {@code prefix + 1 ... prefix + count} as fast as the window
     * lets it, and waits up to {@code patience} until every one is answered; returns the non-zero answers of
     * this burst by status (empty when all were accepted).
     */
    Map<Integer, Integer> sendReceiptBurst(String prefix, int count, Duration patience) throws Exception {
        SmppServerSession bound = session;
        if (bound == null || !bound.isBound()) {
            throw new IllegalStateException("no bound session to send receipts to");
        }
        answeredNegative.clear();
        answeredOk.set(0);
        int before = answered();
        for (int n = 1; n <= count; n++) {
            bound.sendRequestPdu(receipt(prefix + n), 60_000, false);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (answered() - before < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (answered() - before < count) {
            throw new IllegalStateException((answered() - before) + " of " + count + " receipts answered within " + patience);
        }
        return Map.copyOf(answeredNegative);
    }

    private int answered() {
        return answeredOk.get() + answeredNegative.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static DeliverSm receipt(String id) throws Exception {
        DeliverSm deliver = new DeliverSm();
        deliver.setSourceAddress(new Address((byte) 1, (byte) 1, "79161234567"));
        deliver.setDestAddress(new Address((byte) 5, (byte) 0, "CrmKit"));
        deliver.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        deliver.setShortMessage(("id:" + id + " sub:001 dlvrd:001 submit date:2512050900 done date:2512050901"
                + " stat:DELIVRD err:000 text:").getBytes(StandardCharsets.US_ASCII));
        byte[] value = (id + "\0").getBytes(StandardCharsets.US_ASCII);
        deliver.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID, value));
        return deliver;
    }

    @Override
    public void close() {
        SmppServerSession bound = session;
        if (bound != null) {
            bound.close();
            bound.destroy();
        }
        server.destroy();
        workers.shutdownNow();
        monitor.shutdownNow();
    }

    private static int boundPort(DefaultSmppServer server) throws Exception {
        // Cloudhopper keeps the bound server channel to itself; read it to learn the ephemeral port
        Field field = DefaultSmppServer.class.getDeclaredField("serverChannel");
        field.setAccessible(true);
        return ((InetSocketAddress) ((Channel) field.get(server)).getLocalAddress()).getPort();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private final class Handler implements SmppServerHandler {
        @Override
        public void sessionBindRequested(Long sessionId, SmppSessionConfiguration configuration, BaseBind bindRequest)
                throws SmppProcessingException {
            bindAttempts.incrementAndGet();
            if (bindRefusal != 0) {
                throw new SmppProcessingException(bindRefusal, null);
            }
        }

        @Override
        public void sessionCreated(Long sessionId, SmppServerSession created, BaseBindResp preparedBindResponse) {
            session = created;
            created.serverReady(new SessionHandler());
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession destroyed) {
            destroyed.destroy();
        }
    }

    private final class SessionHandler extends DefaultSmppSessionHandler {
        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            PduResponse response = request.createResponse();
            if (request instanceof SubmitSm) {
                ((SubmitSmResp) response).setMessageId(Long.toString(nextId.getAndIncrement()));
            }
            return response;
        }

        @Override
        public void fireExpectedPduResponseReceived(PduAsyncResponse answer) {
            int status = answer.getResponse().getCommandStatus();
            if (status == SmppConstants.STATUS_OK) {
                answeredOk.incrementAndGet();
            } else {
                answeredNegative.merge(status, 1, Integer::sum);
            }
        }
    }
}
