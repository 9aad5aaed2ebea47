package org.crmkit.messaging.smpp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUReader;
import org.jsmpp.SMPPConstant;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.Command;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindCommandTask;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.util.DefaultComposer;

/**
 * jSMPP's {@link SMPPSession} with what the gateway needs on top:
 * <ul>
 *   <li>{@link #bind} connects and binds without jSMPP's own logging of a failed bind (a stack trace at
 *       ERROR per attempt); the caller gets the {@code bind_resp} status and logs one line, also when the
 *       SMSC closes the link right after refusing. A link closed before the {@code bind_resp} ends the bind
 *       at once.</li>
 *   <li>{@link #submit} runs a request while remembering the calling thread: when the session leaves the
 *       bound states (the link dropped, the SMSC unbound, the gateway closed), every such thread is woken at
 *       once and its request ends in {@link LinkLostException}, instead of waiting out the response timeout
 *       for a response that can no longer come.</li>
 *   <li>The receive side is flow-controlled: the reader thread stops reading from the socket while
 *       {@code limit} {@code deliver_sm} are read and not yet answered, so jSMPP's receive queue never fills
 *       and no receipt is answered {@code ESME_RTHROTTLED}; the SMSC is slowed down by TCP instead.</li>
 * </ul>
 * The interruption relies on jSMPP 3.0.1 ending a wait for a response when its thread is interrupted;
 * {@code SmppGatewayTest} would notice a jSMPP that stopped doing so.
 */
final class TransceiverSession extends SMPPSession {

    private final ReceiveGate gate;
    private final Object lock = new Object();
    /** Threads waiting in {@link #submit}; guarded by {@link #lock}. */
    private final Set<Thread> submitting = new HashSet<>();
    /** Threads {@link #linkGone} interrupted, until they leave {@link #submit}; guarded by {@link #lock}. */
    private final Set<Thread> interrupted = new HashSet<>();
    /** Whether the session left the bound states; guarded by {@link #lock}. */
    private boolean gone;

    private TransceiverSession(ReceiveGate gate, ConnectionFactory connections) {
        super(new AnswerCountingSender(gate), new GatedReader(gate), connections);
        this.gate = gate;
        addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.UNBOUND || newState == SessionState.CLOSED) {
                linkGone();
            }
        });
    }

    /**
     * A session whose reader pauses while {@code receiptLimit} {@code deliver_sm} are unanswered, with
     * {@code receiveThreads} threads and a queue of {@code receiveQueue} PDUs behind it.
     */
    static TransceiverSession create(ConnectionFactory connections, int receiveThreads, int receiveQueue, int receiptLimit) {
        TransceiverSession session = new TransceiverSession(new ReceiveGate(receiptLimit), connections);
        session.setPduProcessorDegree(receiveThreads);
        session.setQueueCapacity(receiveQueue);
        return session;
    }

    /**
     * Connects and binds; on any failure the session is closed.
     *
     * @throws NegativeResponseException the SMSC answered the bind with a non-zero {@code command_status}
     * @throws IOException               the connection failed, or no valid {@code bind_resp} came in {@code timeoutMillis}
     */
    void bind(String host, int port, BindParameter parameter, long timeoutMillis) throws IOException, NegativeResponseException {
        connect(host, port);
        try {
            submit(() -> executeSendCommand(new BindCommandTask(pduSender(), parameter.getBindType(), parameter.getSystemId(),
                    parameter.getPassword(), parameter.getSystemType(), parameter.getInterfaceVersion(),
                    parameter.getAddrTon(), parameter.getAddrNpi(), parameter.getAddressRange()), timeoutMillis));
        } catch (NegativeResponseException e) {
            close();
            throw e;
        } catch (LinkLostException | ResponseTimeoutException | InvalidResponseException | PDUException | IOException e) {
            close();
            int status = gate.bindStatus();
            if (status > 0) {
                // the refusal arrived, then the link closed before jSMPP handed it over
                throw new NegativeResponseException(status);
            }
            if (e instanceof IOException) {
                throw (IOException) e;
            }
            throw new IOException(e instanceof LinkLostException ? "the SMSC closed the link before answering the bind"
                    : e instanceof ResponseTimeoutException ? "no bind_resp within " + timeoutMillis + " ms"
                    : "invalid bind exchange: " + e.getMessage(), e);
        }
    }

    /** A request on this session, such as a {@code submit_sm}. */
    interface Request<T> {
        T send() throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException;
    }

    /**
     * Sends {@code request}; if the session leaves the bound states before the response arrives, the wait
     * ends at once with {@link LinkLostException}. The interrupt used to end the wait is cleared before this
     * method returns.
     */
    <T> T submit(Request<T> request) throws LinkLostException, PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        Thread caller = Thread.currentThread();
        synchronized (lock) {
            if (gone) {
                throw new LinkLostException("the SMPP session " + getSessionId() + " is " + getSessionState(), false);
            }
            submitting.add(caller);
        }
        boolean interruptedHere;
        try {
            return request.send();
        } catch (ResponseTimeoutException e) {
            synchronized (lock) {
                if (gone) {
                    throw new LinkLostException("the SMPP session " + getSessionId() + " closed while waiting for the response", true);
                }
            }
            throw e;
        } finally {
            synchronized (lock) {
                submitting.remove(caller);
                interruptedHere = interrupted.remove(caller);
            }
            if (interruptedHere) {
                // the interrupt came from linkGone(), not from the caller's owner
                Thread.interrupted();
            }
        }
    }

    private void linkGone() {
        synchronized (lock) {
            if (gone) {
                return;
            }
            gone = true;
            for (Thread thread : submitting) {
                interrupted.add(thread);
                thread.interrupt();
            }
        }
        gate.close();
    }

    /** The session left the bound states before a request was sent, or while it waited for its response. */
    static final class LinkLostException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean requestSent;

        LinkLostException(String message, boolean requestSent) {
            super(message);
            this.requestSent = requestSent;
        }

        /** Whether the request went out (its outcome is unknown) or was never written (nothing happened). */
        boolean requestSent() {
            return requestSent;
        }
    }

    /**
     * Counts {@code deliver_sm} read and not yet answered; the reader waits before reading the next PDU while
     * the count is at the limit.
     */
    static final class ReceiveGate {
        private final int limit;
        private volatile int bindStatus = -1;
        private int unanswered;
        private boolean waiting;
        private boolean closed;

        ReceiveGate(int limit) {
            this.limit = limit;
        }

        /** The {@code command_status} of the {@code bind_resp} read from the socket, or -1 before one arrived. */
        int bindStatus() {
            return bindStatus;
        }

        void bindAnswered(int status) {
            bindStatus = status;
        }

        synchronized void awaitRoom() {
            while (!closed && unanswered >= limit) {
                waiting = true;
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            waiting = false;
        }

        synchronized void received() {
            unanswered++;
        }

        synchronized void answered() {
            if (unanswered > 0) {
                unanswered--;
            }
            if (waiting) {
                notifyAll();
            }
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    /** Reads PDUs as jSMPP does, waiting for room before each one. */
    private static final class GatedReader implements PDUReader {
        private final PDUReader reader = new DefaultPDUReader();
        private final ReceiveGate gate;

        GatedReader(ReceiveGate gate) {
            this.gate = gate;
        }

        @Override
        public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
            gate.awaitRoom();
            Command header = reader.readPDUHeader(in);
            int command = header.getCommandId();
            if (command == SMPPConstant.CID_DELIVER_SM) {
                gate.received();
            } else if (command == SMPPConstant.CID_BIND_TRANSCEIVER_RESP || command == SMPPConstant.CID_BIND_TRANSMITTER_RESP
                    || command == SMPPConstant.CID_BIND_RECEIVER_RESP) {
                // kept here because jSMPP drops a response it processes after the link closed, and SMSCs
                // (Cloudhopper among them) close the link right after refusing a bind
                gate.bindAnswered(header.getCommandStatus());
            }
            return header;
        }

        @Override
        public byte[] readPDU(DataInputStream in, Command pduHeader) throws IOException {
            return reader.readPDU(in, pduHeader);
        }

        @Override
        public byte[] readPDU(DataInputStream in, int commandLength, int commandId, int commandStatus, int sequenceNumber)
                throws IOException {
            return reader.readPDU(in, commandLength, commandId, commandStatus, sequenceNumber);
        }
    }

    /** jSMPP's synchronized sender, counting every answer to a {@code deliver_sm} (positive or not). */
    private static final class AnswerCountingSender extends SynchronizedPDUSender {
        private final ReceiveGate gate;

        AnswerCountingSender(ReceiveGate gate) {
            super(new DefaultPDUSender(new DefaultComposer()));
            this.gate = gate;
        }

        @Override
        public byte[] sendDeliverSmResp(OutputStream os, int commandStatus, int sequenceNumber, String messageId)
                throws IOException {
            try {
                return super.sendDeliverSmResp(os, commandStatus, sequenceNumber, messageId);
            } finally {
                gate.answered();
            }
        }

        @Override
        public byte[] sendHeader(OutputStream os, int commandId, int commandStatus, int sequenceNumber) throws IOException {
            try {
                return super.sendHeader(os, commandId, commandStatus, sequenceNumber);
            } finally {
                if (commandId == SMPPConstant.CID_DELIVER_SM_RESP) {
                    gate.answered();
                }
            }
        }

        @Override
        public byte[] sendGenericNack(OutputStream os, int commandStatus, int sequenceNumber) throws IOException {
            try {
                return super.sendGenericNack(os, commandStatus, sequenceNumber);
            } finally {
                // jSMPP answers a deliver_sm it cannot decode with generic_nack; other nacks are rare enough
                gate.answered();
            }
        }
    }
}
