package org.crmkit.messaging.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * SMS.ru ({@code https://sms.ru/api/send}, {@code https://sms.ru/api/status}, {@code https://sms.ru/?panel=api&subpanel=cb}).
 *
 * <p>Submission: {@code POST {base-url}/sms/send}, form fields {@code api_id}, {@code to} (digits, no {@code +}),
 * {@code msg}, {@code from}, {@code json=1}. The JSON answer has a request-level {@code status}/{@code status_code}
 * and, per number, an entry of {@code sms} with {@code status}, {@code status_code}, {@code sms_id} or
 * {@code status_text}. Code 100 with an {@code sms_id} is accepted; the other codes map as {@link #failure} says.
 * SMS.ru's answer gives no part count, so the local count is reported. The validity of a message is not sent
 * (the stored documentation names no such parameter).
 *
 * <p>Receipts: SMS.ru POSTs to the handler address set in the account a form with fields {@code data[0]},
 * {@code data[1]}, …, each a few lines: {@code sms_status}, the message id, the status code and (when present)
 * a Unix time; the handler must answer {@code 100}. SMS.ru does not sign callbacks: with {@code callback-token}
 * set, the registered address must carry {@code ?token=<value>} and callbacks without it are refused (403).
 */
final class SmsRuDialect implements ProviderDialect {

    static final String NAME = "sms.ru";
    private static final Logger LOG = LoggerFactory.getLogger(SmsRuDialect.class);

    private final GatewaySettings settings;
    private final String apiId;
    private final Optional<String> callbackToken;

    SmsRuDialect(GatewaySettings settings, String apiId, Optional<String> callbackToken) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiId = Objects.requireNonNull(apiId, "apiId");
        this.callbackToken = Objects.requireNonNull(callbackToken, "callbackToken");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int partLimit() {
        return 8; // status 205: "Сообщение слишком длинное (превышает 8 СМС)"
    }

    @Override
    public HttpRequest.Builder request(SmsMessage message, Optional<URI> receiptAddress) {
        return ProviderDialect.formPost(settings.endpoint("/sms/send", null), List.of(
                new SimpleImmutableEntry<>("api_id", apiId),
                new SimpleImmutableEntry<>("to", ProviderDialect.digits(message.destination())),
                new SimpleImmutableEntry<>("msg", message.text()),
                new SimpleImmutableEntry<>("from", message.sender()),
                new SimpleImmutableEntry<>("json", "1")));
    }

    @Override
    public SendOutcome outcome(Answer answer, int localParts) {
        Optional<Map<String, Object>> tree = ProviderDialect.jsonObject(answer.body());
        Optional<SendOutcome> bare = ProviderDialect.bareHttp("SMS.ru", answer, tree);
        if (bare.isPresent()) {
            return bare.get();
        }
        Map<String, Object> top = tree.get();
        if (!"OK".equals(top.get("status"))) {
            return failure(Json.integer(top, "status_code").orElse(-1), Json.text(top, "status_text").orElse(ProviderDialect.quote(answer.body())));
        }
        Optional<Map<String, Object>> entry = Json.object(top.get("sms"))
                .flatMap(numbers -> numbers.values().stream().findFirst())
                .flatMap(Json::object);
        if (entry.isEmpty()) {
            return SendOutcome.unknown("SMS.ru answered OK without a per-number entry: " + ProviderDialect.quote(answer.body()));
        }
        Map<String, Object> sms = entry.get();
        int code = Json.integer(sms, "status_code").orElse(-1);
        Optional<String> id = Json.text(sms, "sms_id");
        if ("OK".equals(sms.get("status")) && code == 100 && id.isPresent()) {
            return SendOutcome.accepted(id.get(), localParts);
        }
        if ("OK".equals(sms.get("status"))) {
            return SendOutcome.unknown("SMS.ru answered OK without a message id: " + ProviderDialect.quote(answer.body()));
        }
        return failure(code, Json.text(sms, "status_text").orElse("status " + code));
    }

    /**
     * SMS.ru's codes: 200, 300, 301, 302 credentials; 201 no money; 202, 207 recipient; 204 sender; 205 length;
     * 209 stop list; 206 and 230–233 limits and 220, 500 the service: temporary; the rest are refusals.
     */
    static SendOutcome failure(int code, String text) {
        String reason = "SMS.ru status " + code + ": " + text;
        switch (code) {
            case 200:
            case 300:
            case 301:
            case 302:
                return SendOutcome.permanent("auth", reason + " (check api-key)");
            case 201:
                return SendOutcome.permanent("no_balance", reason + " (top up the SMS.ru account, then resend)");
            case 202:
            case 207:
                return SendOutcome.permanent("invalid_destination", reason);
            case 204:
                return SendOutcome.permanent("sender_rejected", reason);
            case 205:
                return SendOutcome.permanent("too_long", reason);
            case 209:
                return SendOutcome.permanent("blocked", reason);
            case 231:
                return SendOutcome.temporary("throttled, " + reason, Duration.ofMinutes(1));
            case 206:
            case 220:
            case 230:
            case 232:
            case 233:
            case 500:
                return SendOutcome.temporary(reason, Duration.ZERO);
            default:
                return SendOutcome.permanent("sms.ru_" + code, reason);
        }
    }

    @Override
    public Receipts receipts(ReceiptRequest request, Optional<URI> receiptAddress, Clock clock) {
        if (!request.method().equals("POST")) {
            throw new ReceiptRefusedException(405, "SMS.ru callbacks are POSTed, got " + request.method());
        }
        ProviderDialect.checkToken(request, callbackToken);
        List<String> entries = request.form().indexed("data");
        if (entries.isEmpty()) {
            throw new ReceiptRefusedException(400, "an SMS.ru callback carries data[] fields; none found");
        }
        List<DeliveryReceipt> receipts = new ArrayList<>();
        for (String entry : entries) {
            String[] lines = entry.replace("\r", "").split("\n");
            if (!lines[0].strip().equals("sms_status")) {
                continue; // other notifications (call checks) share the handler
            }
            if (lines.length < 3 || lines[1].isBlank()) {
                throw new ReceiptRefusedException(400, "an sms_status entry has an id and a status line: \"" + entry + "\"");
            }
            String id = lines[1].strip();
            int code;
            try {
                code = Integer.parseInt(lines[2].strip());
            } catch (NumberFormatException e) {
                throw new ReceiptRefusedException(400, "status of message " + id + " is not a number: \"" + lines[2] + "\"");
            }
            Instant at = lines.length > 3 && lines[3].strip().matches("[0-9]{1,12}")
                    ? Instant.ofEpochSecond(Long.parseLong(lines[3].strip()))
                    : clock.instant();
            status(code).ifPresentOrElse(
                    status -> receipts.add(new DeliveryReceipt(id, status, at)),
                    () -> LOG.debug("SMS.ru status {} of message {} is not final", code, id));
        }
        return new Receipts(receipts, ReceiptResponse.text(200, "100"));
    }

    /** 103 delivered; 104 expired; 105–108 and 150 not deliverable; the others (100–102, 110) are not final. */
    static Optional<DeliveryStatus> status(int code) {
        switch (code) {
            case 103:
                return Optional.of(DeliveryStatus.DELIVERED);
            case 104:
                return Optional.of(DeliveryStatus.EXPIRED);
            case 105:
            case 106:
            case 107:
            case 108:
            case 150:
                return Optional.of(DeliveryStatus.UNDELIVERABLE);
            default:
                return Optional.empty();
        }
    }
}
