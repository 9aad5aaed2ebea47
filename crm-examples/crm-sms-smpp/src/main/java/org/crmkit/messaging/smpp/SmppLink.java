package org.crmkit.messaging.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one SMPP transceiver session of a gateway, kept bound: it binds on {@link #start()}, and when
 * the session closes for any reason (the SMSC dropped the link, an {@code enquire_link} went
 * unanswered, the SMSC unbound) it binds a new session after {@code rebind-delay}, doubling the wait
 * after each failed attempt up to {@code rebind-max-delay}. Senders ask for the bound session with
 * {@link #awaitBound}; they never see a session that is not (or no longer) bound for long.
 *
 * <p>A bind the SMSC refuses for the credentials ({@code ESME_RBINDFAIL}, {@code ESME_RINVPASWD},
 * {@code ESME_RINVSYSID}, {@code ESME_RINVSYSTYP}) is final: the configuration cannot work, so the link
 * stops binding, logs the refusal once at ERROR and reports it through {@link #refusal()} until the gateway
 * is closed; a gateway created from corrected configuration binds again. Every other failure (no
 * connection, a timeout, another status) is retried with the backoff above.
 */
final class SmppLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppLink.class);

    private final SmppSettings settings;
    private final MessageReceiverListener receiver;
    private final ScheduledExecutorService binder;
    private final Object lock = new Object();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();

    /** The bound session, or null while (re-)binding; guarded by {@link #lock}. */
    private TransceiverSession bound;
    /** Set once when the SMSC refused the credentials; guarded by {@link #lock}. */
    private BindRefusal refusal;
    private boolean bindScheduled;
    private boolean closed;

    SmppLink(SmppSettings settings, MessageReceiverListener receiver) {
        this.settings = settings;
        this.receiver = receiver;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "smpp-bind-" + settings.host() + ":" + settings.port());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.binder = executor;
    }

    /** Binds for the first time, in the background; {@link #awaitBound} waits for it. */
    void start() {
        scheduleBind(Duration.ZERO);
    }

    /**
     * The bound session, waiting up to {@code wait} for a (re-)bind; empty if none came, the link is closed
     * or the SMSC refused the bind for good ({@link #refusal()}).
     */
    Optional<TransceiverSession> awaitBound(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (!closed && refusal == null) {
                if (bound != null && bound.getSessionState().isBound()) {
                    return Optional.of(bound);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return Optional.empty();
        }
    }

    /** Why the SMSC refused this link's credentials, once it has; the link no longer binds then. */
    Optional<BindRefusal> refusal() {
        synchronized (lock) {
            return Optional.ofNullable(refusal);
        }
    }

    /**
     * The SMSC answered the bind with a status that says the configuration cannot work.
     *
     * @param status  the {@code bind_resp} {@code command_status}
     * @param message what the host reads: server, system id, status name and number, what to do
     */
    record BindRefusal(int status, String message) {
    }

    /** Whether a {@code bind_resp} status means the credentials or the account are wrong, not a passing state. */
    static boolean refusesConfiguration(int status) {
        return status == CommandStatus.ESME_RBINDFAIL || status == CommandStatus.ESME_RINVPASWD
                || status == CommandStatus.ESME_RINVSYSID || status == CommandStatus.ESME_RINVSYSTYP;
    }

    /** How many binds succeeded so far (1 after the first, 2 after one re-bind, ...). */
    int bindCount() {
        return binds.get();
    }

    private void scheduleBind(Duration delay) {
        synchronized (lock) {
            if (closed || bindScheduled) {
                return;
            }
            bindScheduled = true;
        }
        binder.schedule(this::bind, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void bind() {
        synchronized (lock) {
            bindScheduled = false;
            if (closed) {
                return;
            }
        }
        TransceiverSession session = TransceiverSession.create(connectionFactory(), settings.receiveThreads(),
                settings.receiveQueue(), settings.receiptsInFlightLimit());
        session.setTransactionTimer(settings.responseTimeout().toMillis());
        session.setEnquireLinkTimer((int) Math.min(Integer.MAX_VALUE, settings.enquireLinkInterval().toMillis()));
        session.setMessageReceiverListener(receiver);
        try {
            session.bind(settings.host(), settings.port(),
                    new BindParameter(BindType.BIND_TRX, settings.systemId(), settings.password(), settings.systemType(),
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    settings.bindTimeout().toMillis());
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            if (refusesConfiguration(status)) {
                refused(status);
                return;
            }
            retryLater("the SMSC answered bind_transceiver with " + CommandStatus.describe(status));
            return;
        } catch (IOException e) {
            session.close();
            retryLater(e.getMessage());
            return;
        }
        SessionStateListener watcher = new Watcher(session);
        session.addSessionStateListener(watcher);
        boolean keep;
        synchronized (lock) {
            keep = !closed;
            if (keep) {
                bound = session;
                lock.notifyAll();
            }
        }
        if (!keep) {
            session.removeSessionStateListener(watcher);
            session.unbindAndClose();
            return;
        }
        failedAttempts.set(0);
        binds.incrementAndGet();
        log.info("SMPP session {} bound as transceiver to {}:{} as {}", session.getSessionId(), settings.host(),
                settings.port(), settings.systemId());
        if (!session.getSessionState().isBound()) {
            // the link dropped before the watcher was registered
            lost(session);
        }
    }

    private void retryLater(String failure) {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        Duration next = backoff(failedAttempts.incrementAndGet());
        log.warn("SMPP bind to {}:{} as {} failed ({}); next attempt in {}", settings.host(), settings.port(),
                settings.systemId(), failure, next);
        scheduleBind(next);
    }

    private void refused(int status) {
        BindRefusal refused = new BindRefusal(status, "the SMSC at " + settings.host() + ":" + settings.port()
                + " refused bind_transceiver as system-id \"" + settings.systemId() + "\" with "
                + CommandStatus.describe(status) + "; the configuration (system-id, password, system-type) cannot work,"
                + " so this gateway no longer binds: create a new gateway from corrected configuration");
        synchronized (lock) {
            if (closed) {
                return;
            }
            refusal = refused;
            lock.notifyAll();
        }
        log.error("{}", refused.message());
    }

    private void lost(SMPPSession session) {
        synchronized (lock) {
            if (bound != session) {
                return;
            }
            bound = null;
        }
        log.warn("SMPP session {} to {}:{} is {}; re-binding in {}", session.getSessionId(), settings.host(),
                settings.port(), session.getSessionState(), settings.rebindDelay());
        scheduleBind(settings.rebindDelay());
    }

    private Duration backoff(int failures) {
        Duration delay = settings.rebindDelay();
        for (int i = 1; i < failures && delay.compareTo(settings.rebindMaxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.rebindMaxDelay()) > 0 ? settings.rebindMaxDelay() : delay;
    }

    private ConnectionFactory connectionFactory() {
        int connectTimeout = (int) Math.min(Integer.MAX_VALUE, settings.bindTimeout().toMillis());
        return (host, port) -> {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), connectTimeout);
                socket.setTcpNoDelay(true);
                return new SocketConnection(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        };
    }

    /** Unbinds and closes the session and stops re-binding; idempotent. */
    @Override
    public void close() {
        TransceiverSession session;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            session = bound;
            bound = null;
            lock.notifyAll();
        }
        binder.shutdownNow();
        try {
            binder.awaitTermination(settings.bindTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session != null) {
            session.unbindAndClose();
        }
    }

    /** Re-binds when its session leaves the bound states. */
    private final class Watcher implements SessionStateListener {
        private final SMPPSession session;

        Watcher(SMPPSession session) {
            this.session = session;
        }

        @Override
        public void onStateChange(SessionState newState, SessionState oldState, Session source) {
            if (!newState.isBound()) {
                lost(session);
            }
        }
    }
}
