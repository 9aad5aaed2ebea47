package org.crmkit.messaging.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session under the gateway, against the in-process SMSC: bind statuses and requests on a closed session. */
class TransceiverSessionTest {

    private static final BindParameter BIND = new BindParameter(BindType.BIND_TRX, "crmkit", "secret", "",
            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null);

    private InProcessSmsc smsc;
    private TransceiverSession session;

    @BeforeEach
    void start() {
        smsc = InProcessSmsc.start();
        session = TransceiverSession.create(SocketConnectionFactory.getInstance(), 3, 100, 75);
    }

    @AfterEach
    void stop() {
        session.close();
        smsc.close();
    }

    @Test
    void aRefusedBindThrowsTheStatusAndLeavesTheSessionClosed() {
        smsc.refuseBinds(CommandStatus.ESME_RINVSYSID);

        assertThatThrownBy(() -> session.bind("127.0.0.1", smsc.port(), BIND, 10_000))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(CommandStatus.ESME_RINVSYSID));
        assertThat(session.getSessionState().isNotClosed()).isFalse();
    }

    @Test
    void aRequestOnASessionThatClosedIsNotSentAndSaysSo() throws Exception {
        session.bind("127.0.0.1", smsc.port(), BIND, 10_000);
        assertThat(session.getSessionState().isBound()).isTrue();
        session.close();
        AtomicBoolean sent = new AtomicBoolean();

        assertThatThrownBy(() -> session.submit(() -> {
            sent.set(true);
            return "never";
        })).isInstanceOfSatisfying(TransceiverSession.LinkLostException.class,
                e -> assertThat(e.requestSent()).as("request written").isFalse());
        assertThat(sent).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
