package org.crmkit.messaging.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.crmkit.messaging.ReceiptListener;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsCapabilities;
import org.crmkit.messaging.sms.SmsEncoding;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.messaging.sms.SmsParts;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.util.RelativeTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link SmsGateway} that submits over one SMPP 3.4 transceiver session (jSMPP).
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>At most {@code window} {@code submit_sm} are in flight at once: each {@link #send} holds one
 *       permit of a semaphore while it submits its parts one after the other. jSMPP's submit waits for
 *       its response, so concurrency comes from the callers' threads: {@code window} threads calling
 *       {@code send} keep the window full. A caller that finds the window full waits up to
 *       {@code response-timeout}, then gets a temporary failure.</li>
 *   <li>The text goes as GSM-7 ({@code data_coding} 0) or UCS-2 ({@code data_coding} 8) as
 *       {@link SmsParts} decides; a text longer than one part goes as concatenated parts with an
 *       8-bit-reference user data header ({@code esm_class} UDHI).</li>
 *   <li>{@link SendOutcome.Accepted} carries the message id the SMSC gave the <em>first</em> part and
 *       the number of parts; receipts for a message in several parts arrive under that id (see
 *       {@link ReceiptReceiver}).</li>
 *   <li>{@code ESME_RTHROTTLED}, {@code ESME_RMSGQFUL} (and {@code ESME_RSYSERR}, {@code ESME_RX_T_APPN})
 *       are temporary failures; {@code ESME_RINVDSTADR}, {@code ESME_RINVSRCADR} and every other negative
 *       status permanent ones, coded by the status name; no {@code submit_sm_resp} within
 *       {@code response-timeout} is {@link SendOutcome.Unknown}, and so is a message whose link dropped
 *       while it waited for its response (reported as soon as the session closes, not after the timeout); no
 *       bound session within {@code bind-wait} is a temporary failure (nothing was sent).</li>
 *   <li>A bind refused for the credentials ({@code ESME_RBINDFAIL}, {@code ESME_RINVPASWD},
 *       {@code ESME_RINVSYSID}, {@code ESME_RINVSYSTYP}) makes every later {@code send} a permanent failure
 *       coded by that status name, until a new gateway is created from corrected configuration: the
 *       gateway does not re-bind with credentials the SMSC refused.</li>
 *   <li>If a later part of a long message fails after earlier parts were accepted, the outcome is
 *       {@link SendOutcome.Unknown}: the recipient may see a fragment, and a blind resend would
 *       duplicate it. Throttling of a later part is retried (three times) before giving up.</li>
 *   <li>A dropped link is re-bound in the background with backoff ({@link SmppLink}).</li>
 * </ul>
 * The source address is international (TON 1, NPI 1) for a sender with a leading {@code +}, unknown
 * TON with ISDN NPI for other digits, alphanumeric (TON 5, NPI 0) for names, unless
 * {@code source-ton} / {@code source-npi} say otherwise; the destination is always international.
 */
public final class SmppGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");
    private static final int LATER_PART_RETRIES = 3;

    private final SmppSettings settings;
    private final SmsCapabilities capabilities;
    private final Semaphore window;
    private final ReceiptReceiver receipts;
    private final SmppLink link;
    private final AtomicInteger references = new AtomicInteger();
    private final RegisteredDelivery registeredDelivery;
    private volatile boolean closed;

    /** Connects and binds in the background; {@link #send} waits up to {@code bind-wait} for the bind. */
    public SmppGateway(SmppSettings settings) {
        this(settings, Clock.systemUTC());
    }

    SmppGateway(SmppSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.capabilities = SmsCapabilities.builder()
                .maxMessagesPerSecond(settings.maxMessagesPerSecond())
                .maxParts(settings.maxParts())
                .deliveryReceipts(settings.deliveryReceipts())
                .idempotentResubmission(false)
                .build();
        this.window = new Semaphore(settings.window(), true);
        this.registeredDelivery = new RegisteredDelivery(settings.deliveryReceipts()
                ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        this.receipts = new ReceiptReceiver(settings.receiptTimeZone(),
                settings.responseTimeout().multipliedBy(2), clock);
        this.link = new SmppLink(settings, receipts);
        link.start();
    }

    @Override
    public SendOutcome send(SmsMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed) {
            throw new IllegalStateException("this SMPP gateway to " + settings.host() + ":" + settings.port() + " is closed");
        }
        SmsParts parts = message.parts();
        if (parts.count() > settings.maxParts()) {
            return SendOutcome.permanent("too_many_parts", "the text needs " + parts.count() + " parts ("
                    + parts.encoding() + ", " + parts.units() + " units); max-parts is " + settings.maxParts());
        }
        Optional<Address> source = source(message.sender());
        if (source.isEmpty()) {
            return SendOutcome.permanent("invalid_sender", "sender \"" + message.sender()
                    + "\" cannot be an SMPP source address: a name must be printable ASCII");
        }
        Optional<SendOutcome> refused = refusedBind();
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            if (!window.tryAcquire(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return SendOutcome.temporary("all " + settings.window() + " window slots stayed busy for "
                        + settings.responseTimeout(), Duration.ZERO);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.temporary("interrupted while waiting for a window slot", Duration.ZERO);
        }
        try {
            Optional<TransceiverSession> session = link.awaitBound(settings.bindWait());
            if (session.isEmpty()) {
                refused = refusedBind();
                if (refused.isPresent()) {
                    return refused.get();
                }
                return SendOutcome.temporary("no SMPP session bound to " + settings.host() + ":" + settings.port()
                        + " within " + settings.bindWait() + " (re-binding)", settings.rebindDelay());
            }
            return submit(session.get(), message, source.get(), Submission.of(message.text(), references.getAndIncrement() & 0xFF));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.temporary("interrupted while waiting for a bound session", Duration.ZERO);
        } finally {
            window.release();
        }
    }

    /** A permanent failure naming the bind status, once the SMSC refused this gateway's credentials. */
    private Optional<SendOutcome> refusedBind() {
        return link.refusal().map(refusal -> SendOutcome.permanent(CommandStatus.name(refusal.status()), refusal.message()));
    }

    private SendOutcome submit(TransceiverSession session, SmsMessage message, Address source, Submission submission) {
        String destination = message.destination().substring(1);
        ESMClass esmClass = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                submission.udh() ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
        String validity = message.validity().map(SmppGateway::relativeValidity).orElse(null);
        GeneralDataCoding dataCoding = new GeneralDataCoding(
                submission.encoding() == SmsEncoding.GSM7 ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2);
        List<String> ids = new ArrayList<>(submission.parts());
        if (submission.parts() > 1) {
            receipts.beginConcatenated();
        }
        try {
            for (int part = 0; part < submission.parts(); part++) {
                int attempt = 0;
                while (true) {
                    byte[] body = submission.bodies().get(part);
                    try {
                        String id = session.submit(() -> session.submitShortMessage("", source.ton(), source.npi(),
                                source.address(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                                esmClass, (byte) 0, (byte) 0, null, validity, registeredDelivery, (byte) 0, dataCoding,
                                (byte) 0, body)).getMessageId();
                        ids.add(id);
                        break;
                    } catch (TransceiverSession.LinkLostException e) {
                        if (!e.requestSent()) {
                            if (part == 0) {
                                return SendOutcome.temporary("the SMPP link dropped before the message was submitted: "
                                        + e.getMessage(), settings.rebindDelay());
                            }
                            return partial(message, ids, submission.parts(), "link dropped: " + e.getMessage());
                        }
                        return SendOutcome.unknown("the SMPP link to " + settings.host() + ":" + settings.port()
                                + " dropped while part " + (part + 1) + " of " + submission.parts()
                                + " waited for its submit_sm_resp (" + e.getMessage() + ")" + acceptedSoFar(ids));
                    } catch (NegativeResponseException e) {
                        int status = e.getCommandStatus();
                        if (part == 0) {
                            return CommandStatus.outcome(status, retryAfter(status));
                        }
                        if (CommandStatus.isTemporary(status) && attempt++ < LATER_PART_RETRIES) {
                            pause(retryAfter(status).multipliedBy(attempt));
                            continue;
                        }
                        return partial(message, ids, submission.parts(), CommandStatus.describe(status));
                    } catch (ResponseTimeoutException e) {
                        return SendOutcome.unknown("no submit_sm_resp for part " + (part + 1) + " of "
                                + submission.parts() + " within " + settings.responseTimeout() + acceptedSoFar(ids));
                    } catch (InvalidResponseException e) {
                        return SendOutcome.unknown("invalid submit_sm_resp for part " + (part + 1) + ": " + e.getMessage()
                                + acceptedSoFar(ids));
                    } catch (PDUException e) {
                        return SendOutcome.permanent("invalid_pdu", "submit_sm could not be built: " + e.getMessage());
                    } catch (IOException e) {
                        if (part == 0) {
                            return SendOutcome.temporary("the SMPP link failed before the message was submitted: "
                                    + e.getMessage(), settings.rebindDelay());
                        }
                        return partial(message, ids, submission.parts(), "link failed: " + e.getMessage());
                    }
                }
            }
        } finally {
            if (submission.parts() > 1) {
                receipts.endConcatenated(ids);
            }
        }
        log.debug("submitted {} to {} as {} part(s), ids {}", message.idempotencyKey(), message.destination(), ids.size(), ids);
        return SendOutcome.accepted(ids.get(0), ids.size());
    }

    private SendOutcome partial(SmsMessage message, List<String> ids, int total, String failure) {
        log.warn("message {} to {}: {} of {} parts accepted (ids {}), then {}", message.idempotencyKey(),
                message.destination(), ids.size(), total, ids, failure);
        return SendOutcome.unknown(ids.size() + " of " + total + " parts were accepted (ids " + ids
                + "), then part " + (ids.size() + 1) + " failed: " + failure
                + "; the recipient may see an incomplete message");
    }

    private static String acceptedSoFar(List<String> ids) {
        return ids.isEmpty() ? "" : "; parts accepted before it: " + ids;
    }

    private Duration retryAfter(int status) {
        return status == CommandStatus.ESME_RTHROTTLED || status == CommandStatus.ESME_RMSGQFUL
                ? settings.throttleRetryAfter() : Duration.ZERO;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SMPP relative time "YYMMDDhhmmss000R"; periods past 99 days are capped at 99 days. */
    static String relativeValidity(Duration validity) {
        long seconds = Math.min(validity.getSeconds() + (validity.getNano() > 0 ? 1 : 0), 99L * 86_400 + 86_399);
        int days = (int) (seconds / 86_400);
        int hours = (int) (seconds % 86_400 / 3_600);
        int minutes = (int) (seconds % 3_600 / 60);
        int secs = (int) (seconds % 60);
        return RelativeTimeFormatter.format(0, 0, days, hours, minutes, secs);
    }

    private Optional<Address> source(String sender) {
        String address;
        TypeOfNumber ton;
        NumberingPlanIndicator npi;
        if (sender.startsWith("+") && DIGITS.matcher(sender.substring(1)).matches()) {
            address = sender.substring(1);
            ton = TypeOfNumber.INTERNATIONAL;
            npi = NumberingPlanIndicator.ISDN;
        } else if (DIGITS.matcher(sender).matches()) {
            address = sender;
            ton = TypeOfNumber.UNKNOWN;
            npi = NumberingPlanIndicator.ISDN;
        } else if (PRINTABLE_ASCII.matcher(sender).matches()) {
            address = sender;
            ton = TypeOfNumber.ALPHANUMERIC;
            npi = NumberingPlanIndicator.UNKNOWN;
        } else {
            return Optional.empty();
        }
        if (settings.sourceTon().isPresent()) {
            ton = TypeOfNumber.valueOf(settings.sourceTon().get().byteValue());
        }
        if (settings.sourceNpi().isPresent()) {
            npi = NumberingPlanIndicator.valueOf(settings.sourceNpi().get().byteValue());
        }
        return Optional.of(new Address(ton, npi, address));
    }

    private record Address(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {
    }

    @Override
    public SmsCapabilities capabilities() {
        return capabilities;
    }

    /** Listeners get receipts when {@code delivery-receipts} is on (the default); see {@link ReceiptReceiver}. */
    @Override
    public void onReceipt(ReceiptListener listener) {
        receipts.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** How many binds succeeded so far: 1 after the first bind, one more per re-bind. */
    int bindCount() {
        return link.bindCount();
    }

    /** Unbinds and closes the session; sends after this throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        link.close();
    }

    @Override
    public String toString() {
        return "SmppGateway{" + settings + "}";
    }
}
