package org.crmkit.messaging.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMSC.ru ({@code https://smsc.ru/api/http/}, answers and error codes as on
 * {@code https://smsc.ru/api/http/send/sms/sms_answer/}).
 *
 * <p>Submission: {@code POST {base-url}/sys/send.php}, form fields {@code login} and {@code psw} (or
 * {@code apikey}), {@code phones} (E.164 with {@code +}, which switches SMSC's number auto-correction off),
 * {@code mes}, {@code sender}, {@code charset=utf-8}, {@code fmt=3} (JSON). Success is {@code {"id", "cnt"}}
 * ({@code cnt}: the SMS the message was sent as); an error is {@code {"error", "error_code"}} with codes 1–9
 * as {@link #failure} maps them. The validity of a message is not sent.
 *
 * <p>Receipts: SMSC.ru calls the handler address set in the account ("Передача статусов и сообщений на
 * обработчик Клиента") with the fields {@code id}, {@code phone}, {@code status} (its status codes: 1 delivered,
 * 2 read, 3 expired, 20 and above not deliverable, -1 and 0 not final). The stored copy of that page ended before
 * its parameter table, so the receipt's time is the time it arrived, and authenticity rests on
 * {@code callback-token}: the registered address must carry {@code ?token=<value>}, callbacks without it get 403.
 */
final class SmscDialect implements ProviderDialect {

    static final String NAME = "smsc.ru";
    private static final Logger LOG = LoggerFactory.getLogger(SmscDialect.class);

    private final GatewaySettings settings;
    private final List<SimpleImmutableEntry<String, String>> credentials;
    private final Optional<String> callbackToken;

    /** {@code credentials}: {@code login} and {@code psw}, or {@code apikey}, as SMSC.ru names the fields. */
    SmscDialect(GatewaySettings settings, List<SimpleImmutableEntry<String, String>> credentials, Optional<String> callbackToken) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = List.copyOf(credentials);
        this.callbackToken = Objects.requireNonNull(callbackToken, "callbackToken");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int partLimit() {
        return 15; // "mes ... The maximum size is 1000 characters": 15 concatenated GSM-7 parts of 67+ units
    }

    @Override
    public HttpRequest.Builder request(SmsMessage message, Optional<URI> receiptAddress) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(credentials);
        fields.add(new SimpleImmutableEntry<>("phones", message.destination()));
        fields.add(new SimpleImmutableEntry<>("mes", message.text()));
        fields.add(new SimpleImmutableEntry<>("sender", message.sender()));
        fields.add(new SimpleImmutableEntry<>("charset", "utf-8"));
        fields.add(new SimpleImmutableEntry<>("fmt", "3"));
        return ProviderDialect.formPost(settings.endpoint("/sys/send.php", null), fields);
    }

    @Override
    public SendOutcome outcome(Answer answer, int localParts) {
        Optional<Map<String, Object>> tree = ProviderDialect.jsonObject(answer.body());
        Optional<SendOutcome> bare = ProviderDialect.bareHttp("SMSC.ru", answer, tree);
        if (bare.isPresent()) {
            return bare.get();
        }
        Map<String, Object> json = tree.get();
        Optional<Integer> error = Json.integer(json, "error_code");
        if (error.isPresent()) {
            return failure(error.get(), Json.text(json, "error").orElse("error " + error.get()));
        }
        Optional<String> id = Json.text(json, "id");
        if (id.isEmpty()) {
            return SendOutcome.unknown("SMSC.ru answered without an id or an error: " + ProviderDialect.quote(answer.body()));
        }
        int parts = Json.integer(json, "cnt").filter(count -> count >= 1).orElse(localParts);
        return SendOutcome.accepted(id.get(), parts);
    }

    /**
     * SMSC.ru's error codes: 1 parameters, 2 login or password, 3 no money, 4 IP blocked for a while, 5 date
     * format, 6 message forbidden, 7 phone format, 8 cannot be delivered, 9 too many identical or concurrent
     * requests.
     */
    static SendOutcome failure(int code, String text) {
        String reason = "SMSC.ru error " + code + ": " + text;
        switch (code) {
            case 2:
                return SendOutcome.permanent("auth", reason + " (check login and password, or api-key)");
            case 3:
                return SendOutcome.permanent("no_balance", reason + " (top up the SMSC.ru account, then resend)");
            case 4:
                return SendOutcome.temporary(reason + " (SMSC.ru blocks an address for 10 to 30 minutes after repeated errors)",
                        Duration.ofMinutes(10));
            case 6:
                return SendOutcome.permanent("message_forbidden", reason);
            case 7:
                return SendOutcome.permanent("invalid_destination", reason);
            case 8:
                return SendOutcome.permanent("undeliverable", reason);
            case 9:
                return SendOutcome.temporary("throttled, " + reason, Duration.ofMinutes(1));
            default:
                return SendOutcome.permanent("smsc.ru_" + code, reason);
        }
    }

    @Override
    public Receipts receipts(ReceiptRequest request, Optional<URI> receiptAddress, Clock clock) {
        FormData fields;
        if (request.method().equals("POST")) {
            fields = request.form();
        } else if (request.method().equals("GET")) {
            fields = request.query();
        } else {
            throw new ReceiptRefusedException(405, "SMSC.ru callbacks are POST or GET, got " + request.method());
        }
        ProviderDialect.checkToken(request, callbackToken);
        String id = fields.first("id").map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new ReceiptRefusedException(400, "an SMSC.ru status callback has an \"id\""));
        String statusText = fields.first("status").map(String::strip)
                .orElseThrow(() -> new ReceiptRefusedException(400, "the SMSC.ru callback for " + id + " has no \"status\""));
        int code;
        try {
            code = Integer.parseInt(statusText);
        } catch (NumberFormatException e) {
            throw new ReceiptRefusedException(400, "status of SMSC.ru message " + id + " is not a number: \"" + statusText + "\"");
        }
        List<DeliveryReceipt> receipts = new ArrayList<>();
        status(code).ifPresentOrElse(
                status -> receipts.add(new DeliveryReceipt(id, status, clock.instant())),
                () -> LOG.debug("SMSC.ru status {} of message {} is not final", code, id));
        return new Receipts(receipts, ReceiptResponse.text(200, "OK"));
    }

    /** 1 delivered, 2 read and 4 link opened imply delivery; 3 expired; 20 and above are delivery errors. */
    static Optional<DeliveryStatus> status(int code) {
        if (code == 1 || code == 2 || code == 4) {
            return Optional.of(DeliveryStatus.DELIVERED);
        }
        if (code == 3) {
            return Optional.of(DeliveryStatus.EXPIRED);
        }
        if (code >= 20) {
            return Optional.of(DeliveryStatus.UNDELIVERABLE);
        }
        return Optional.empty();
    }
}
