package org.crmkit.messaging.kannel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.ReceiptListener;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.kit.ReceivedSms;
import org.crmkit.messaging.kit.SmsGatewayContract;
import org.crmkit.messaging.kit.SmsProviderDouble;
import org.crmkit.messaging.sms.SmsCapabilities;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugin kit against a real Kannel (bearerbox + smsbox) whose SMPP link is bound to the in-process SMSC, the
 * gateway created by discovery under the name {@code kannel}, with its own report server.
 *
 * <p>The provider double acts through Kannel as Kannel would: throttling takes the SMPP link down and fills
 * bearerbox's queue ({@code sms-outgoing-queue-limit = 1}) with another client's message, so smsbox answers 503
 * "Temporal failure, try again later." (a limit of 0 would also refuse messages while the link is up, whenever the
 * previous one is still in the link's own queue); the invalid
 * destination is on the sendsms-user's {@code black-list-regex}; receipts are {@code deliver_sm} from the SMSC,
 * which Kannel turns into {@code dlr-url} calls. Kannel never tells the SMSC the gateway's message id, so the
 * gateway is wrapped to note which text each id was sent with, and the SMSC sends the receipt for that text.
 */
@ExtendWith(RequiresKannel.class)
class KannelGatewayContractTest extends SmsGatewayContract {

    private static final String BLACK_LISTED = "+447700900999";

    private static InProcessSmsc smsc;
    private static LocalKannel kannel;
    private static KannelGateway kannelGateway;
    private static SmsGateway gateway;
    private static KannelDouble providerDouble;

    @BeforeAll
    static void start() {
        smsc = InProcessSmsc.start();
        kannel = LocalKannel.start(LocalKannel.Options.of(LocalKannel.Smsc.smpp(smsc.port()))
                .outgoingQueueLimit(1).blackListed(BLACK_LISTED));
        kannelGateway = (KannelGateway) org.crmkit.messaging.MessagingProviders.discover().createSmsGateway(ProviderConfig.of(Map.of(
                "provider", "kannel",
                "sendsms-url", kannel.sendsmsUrl().toString(),
                "username", LocalKannel.USERNAME,
                "password", LocalKannel.PASSWORD,
                "dlr-server-port", "0",
                "max-parts", "10")));
        Map<String, String> textById = new ConcurrentHashMap<>();
        gateway = new NotingGateway(kannelGateway, textById);
        providerDouble = new KannelDouble(kannel, smsc, textById);
    }

    @AfterAll
    static void stop() {
        if (kannelGateway != null) {
            kannelGateway.close();
        }
        if (kannel != null) {
            kannel.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Override
    protected SmsGateway gateway() {
        return gateway;
    }

    @Override
    protected SmsProviderDouble providerDouble() {
        return providerDouble;
    }

    @Override
    protected String invalidDestination() {
        return BLACK_LISTED;
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(20);
    }

    /** Passes everything to the gateway, noting the text each accepted message id was sent with. */
    private static final class NotingGateway implements SmsGateway {
        private final SmsGateway gateway;
        private final Map<String, String> textById;

        NotingGateway(SmsGateway gateway, Map<String, String> textById) {
            this.gateway = gateway;
            this.textById = textById;
        }

        @Override
        public SendOutcome send(SmsMessage message) {
            SendOutcome outcome = gateway.send(message);
            if (outcome instanceof SendOutcome.Accepted) {
                textById.put(((SendOutcome.Accepted) outcome).providerMessageId(), message.text());
            }
            return outcome;
        }

        @Override
        public SmsCapabilities capabilities() {
            return gateway.capabilities();
        }

        @Override
        public void onReceipt(ReceiptListener listener) {
            gateway.onReceipt(listener);
        }

        @Override
        public void close() {
            gateway.close();
        }
    }

    /** Kannel and the SMSC behind it, driven the way an operator or the network would. */
    private static final class KannelDouble implements SmsProviderDouble {
        private final LocalKannel kannel;
        private final InProcessSmsc smsc;
        private final Map<String, String> textById;

        KannelDouble(LocalKannel kannel, InProcessSmsc smsc, Map<String, String> textById) {
            this.kannel = kannel;
            this.smsc = smsc;
            this.textById = textById;
        }

        @Override
        public List<ReceivedSms> received() {
            return smsc.received().stream().map(InProcessSmsc.Message::sms).collect(Collectors.toList());
        }

        @Override
        public void throttle(boolean on) {
            if (on) {
                smsc.dropLinks(true);
                kannel.awaitSmscOnline(false);
                String answer = kannel.sendsms("+447700900555", "queue filler " + System.nanoTime());
                if (!answer.startsWith("3:")) {
                    throw new IllegalStateException("Kannel did not queue the filler message: " + answer);
                }
            } else {
                smsc.acceptLinks();
                kannel.awaitSmscOnline(true);
            }
        }

        @Override
        public void rejectAsInvalid(String destination) {
            if (!destination.equals(BLACK_LISTED)) {
                throw new IllegalArgumentException("this Kannel refuses only " + BLACK_LISTED + " (black-list-regex), not " + destination);
            }
        }

        @Override
        public void sendReceipt(String providerMessageId, DeliveryStatus status) {
            String text = textById.get(providerMessageId);
            if (text == null) {
                throw new IllegalArgumentException("the gateway never accepted " + providerMessageId);
            }
            smsc.sendReceipt(smsc.awaitMessage(text, Duration.ofSeconds(20)), status);
        }

        @Override
        public void reset() {
            if (!smsc.bound()) {
                throttle(false);
            }
            smsc.forgetReceived();
        }
    }
}
