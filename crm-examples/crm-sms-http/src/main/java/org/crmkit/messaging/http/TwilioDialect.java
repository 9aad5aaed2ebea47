package org.crmkit.messaging.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's Messages API ({@code https://www.twilio.com/docs/messaging/api/message-resource}).
 *
 * <p>Submission: {@code POST {base-url}/2010-04-01/Accounts/{account-sid}/Messages.json} with HTTP Basic
 * authentication (account SID and auth token), form fields {@code To}, {@code From} (or
 * {@code MessagingServiceSid}), {@code Body}, {@code StatusCallback} when receipts are on and
 * {@code ValidityPeriod} (seconds, at most 36,000) when the message has a validity. {@code 201} with a
 * {@code sid} is accepted, {@code num_segments} the parts; an error is {@code {"code", "message", "status"}}
 * mapped as {@link #failure} says, HTTP 429 and 5xx are temporary (honouring {@code Retry-After}).
 *
 * <p>Receipts: Twilio POSTs {@code MessageSid}, {@code MessageStatus} and {@code ErrorCode} to the
 * {@code StatusCallback} address, signed in {@code X-Twilio-Signature}: base64 of HMAC-SHA1, keyed with the auth
 * token, over that address followed by every POST field name and value sorted by name
 * ({@code https://www.twilio.com/docs/usage/webhooks/webhooks-security}). Unsigned or wrongly signed callbacks
 * get 403. {@code delivered} is delivered, {@code failed} with error 30036 (validity period expired) expired,
 * {@code undelivered}, {@code failed} and {@code canceled} not deliverable; other statuses are not final.
 */
final class TwilioDialect implements ProviderDialect {

    static final String NAME = "twilio";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final int MAX_VALIDITY_SECONDS = 36_000;
    private static final Logger LOG = LoggerFactory.getLogger(TwilioDialect.class);

    private final GatewaySettings settings;
    private final String accountSid;
    private final String authToken;
    private final Optional<String> messagingServiceSid;

    TwilioDialect(GatewaySettings settings, String accountSid, String authToken, Optional<String> messagingServiceSid) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.accountSid = Objects.requireNonNull(accountSid, "accountSid");
        this.authToken = Objects.requireNonNull(authToken, "authToken");
        this.messagingServiceSid = Objects.requireNonNull(messagingServiceSid, "messagingServiceSid");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int partLimit() {
        return 10; // Twilio takes a Body of up to 1,600 characters and advises against more than 10 segments
    }

    @Override
    public HttpRequest.Builder request(SmsMessage message, Optional<URI> receiptAddress) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(new SimpleImmutableEntry<>("To", message.destination()));
        if (messagingServiceSid.isPresent()) {
            fields.add(new SimpleImmutableEntry<>("MessagingServiceSid", messagingServiceSid.get()));
        } else {
            fields.add(new SimpleImmutableEntry<>("From", message.sender()));
        }
        fields.add(new SimpleImmutableEntry<>("Body", message.text()));
        receiptAddress.ifPresent(address -> fields.add(new SimpleImmutableEntry<>("StatusCallback", address.toString())));
        message.validity().ifPresent(validity -> fields.add(new SimpleImmutableEntry<>("ValidityPeriod",
                String.valueOf(Math.max(1, Math.min(MAX_VALIDITY_SECONDS, validity.toSeconds()))))));
        String path = "/2010-04-01/Accounts/" + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json";
        String basic = Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return ProviderDialect.formPost(settings.endpoint(path, null), fields).header("Authorization", "Basic " + basic);
    }

    @Override
    public SendOutcome outcome(Answer answer, int localParts) {
        Optional<Map<String, Object>> json = ProviderDialect.jsonObject(answer.body());
        if (answer.status() >= 200 && answer.status() < 300) {
            Optional<String> sid = json.flatMap(tree -> Json.text(tree, "sid"));
            if (sid.isEmpty()) {
                return SendOutcome.unknown("Twilio answered HTTP " + answer.status() + " without a message sid: "
                        + ProviderDialect.quote(answer.body()));
            }
            int parts = json.flatMap(tree -> Json.integer(tree, "num_segments")).filter(count -> count >= 1).orElse(localParts);
            return SendOutcome.accepted(sid.get(), parts);
        }
        int code = json.flatMap(tree -> Json.integer(tree, "code")).orElse(0);
        String text = json.flatMap(tree -> Json.text(tree, "message")).orElse(ProviderDialect.quote(answer.body()));
        String reason = "Twilio HTTP " + answer.status() + (code != 0 ? ", error " + code : "") + ": " + text;
        if (answer.status() == 429 || code == 20429) {
            return SendOutcome.temporary("throttled, " + reason, answer.retryAfter());
        }
        if (answer.status() >= 500) {
            return SendOutcome.temporary(reason, answer.retryAfter());
        }
        return failure(code, answer.status(), reason);
    }

    /**
     * Twilio's error codes: 20003 authentication; 20005 and 10001 an account that is not active (out of funds, or
     * a trial not activated); 21211, 21612 and 21614 a To number that is invalid, unroutable or cannot take SMS;
     * 21610 a recipient who unsubscribed; 21606 a From that cannot send; 21608 an unverified number on a trial.
     */
    static SendOutcome failure(int code, int httpStatus, String reason) {
        switch (code) {
            case 20003:
                return SendOutcome.permanent("auth", reason + " (check account-sid and auth-token)");
            case 20005:
            case 10001:
                return SendOutcome.permanent("account_inactive", reason + " (add funds or activate the Twilio account, then resend)");
            case 21211:
            case 21612:
            case 21614:
                return SendOutcome.permanent("invalid_destination", reason);
            case 21610:
                return SendOutcome.permanent("blocked", reason);
            case 21606:
                return SendOutcome.permanent("sender_rejected", reason);
            case 21608:
                return SendOutcome.permanent("unverified_destination", reason);
            default:
                if (httpStatus == 401) {
                    return SendOutcome.permanent("auth", reason);
                }
                return SendOutcome.permanent(code != 0 ? "twilio_" + code : "http_" + httpStatus, reason);
        }
    }

    @Override
    public Receipts receipts(ReceiptRequest request, Optional<URI> receiptAddress, Clock clock) {
        if (!request.method().equals("POST")) {
            throw new ReceiptRefusedException(405, "Twilio status callbacks are POSTed, got " + request.method());
        }
        FormData form = request.form();
        String signature = request.header(SIGNATURE_HEADER)
                .orElseThrow(() -> new ReceiptRefusedException(403, "the callback has no " + SIGNATURE_HEADER + " header"));
        URI address = receiptAddress.orElseThrow(() -> new ReceiptRefusedException(403,
                "no StatusCallback address is configured (status-callback-url), so no signature can be checked"));
        String expected = signature(authToken, address.toString(), form.fields());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new ReceiptRefusedException(403, SIGNATURE_HEADER + " does not match the auth token and " + address);
        }
        String sid = form.first("MessageSid").filter(value -> !value.isBlank())
                .orElseThrow(() -> new ReceiptRefusedException(400, "a Twilio status callback has a MessageSid"));
        String status = form.first("MessageStatus").filter(value -> !value.isBlank())
                .orElseThrow(() -> new ReceiptRefusedException(400, "the Twilio callback for " + sid + " has no MessageStatus"));
        String errorCode = form.first("ErrorCode").orElse("");
        List<DeliveryReceipt> receipts = new ArrayList<>();
        status(status, errorCode).ifPresentOrElse(
                final_ -> receipts.add(new DeliveryReceipt(sid, final_, clock.instant())),
                () -> LOG.debug("Twilio status {} of message {} is not final", status, sid));
        return new Receipts(receipts, ReceiptResponse.text(200, ""));
    }

    static Optional<DeliveryStatus> status(String status, String errorCode) {
        switch (status) {
            case "delivered":
                return Optional.of(DeliveryStatus.DELIVERED);
            case "failed":
                return Optional.of("30036".equals(errorCode.strip()) ? DeliveryStatus.EXPIRED : DeliveryStatus.UNDELIVERABLE);
            case "undelivered":
            case "canceled":
                return Optional.of(DeliveryStatus.UNDELIVERABLE);
            default:
                return Optional.empty();
        }
    }

    /** Twilio's request signature: base64 HMAC-SHA1 over the URL and the sorted name+value pairs. */
    static String signature(String authToken, String url, Map<String, List<String>> fields) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, values) -> values.forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
