package org.crmkit.messaging.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.sms.SmsParts;

/**
 * Twilio's Messages API as its documentation shows it, read 2026-12-05:
 * <ul>
 *   <li>{@code https://www.twilio.com/docs/messaging/api/message-resource}: {@code POST /2010-04-01/Accounts/{Sid}/Messages.json},
 *       HTTP Basic with the account SID and auth token, form fields {@code To}, {@code From}, {@code Body},
 *       {@code StatusCallback}, {@code ValidityPeriod}; {@code 201} with the message resource ({@code sid},
 *       {@code status: queued}, {@code num_segments} as a string);</li>
 *   <li>errors as {@code {"code", "message", "more_info", "status"}} (the example with 21211 on
 *       {@code https://www.twilio.com/docs/usage/troubleshooting/debugging-your-application}): 20003 authenticate
 *       (HTTP 401), 20005 account not active, "ran out of funds" ({@code https://www.twilio.com/docs/api/errors/20005};
 *       the page gives no HTTP status, 401 is used here), 21211 invalid To, 20429 too many requests with HTTP 429
 *       ({@code https://www.twilio.com/docs/api/errors/20429});</li>
 *   <li>status callbacks ({@code https://www.twilio.com/docs/messaging/guides/track-outbound-message-status}):
 *       {@code MessageSid}, {@code MessageStatus} ({@code delivered}, {@code undelivered}, {@code failed}),
 *       {@code ErrorCode} (30003 unreachable handset, 30036 validity period expired,
 *       {@code https://www.twilio.com/docs/api/errors/30036}), signed in {@code X-Twilio-Signature}
 *       ({@code https://www.twilio.com/docs/usage/webhooks/webhooks-security}).</li>
 * </ul>
 */
final class TwilioDouble extends HttpProviderDouble {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    static final String PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private final Map<String, URI> statusCallbacks = new ConcurrentHashMap<>();
    private final Map<String, String> recipients = new ConcurrentHashMap<>();

    TwilioDouble() {
        super("/2010-04-01/Accounts/");
    }

    @Override
    Reply answer(Call call) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(call.headers().getFirst("Authorization")) || !call.path().equals(PATH)) {
            return error(401, 20003, "Authenticate");
        }
        if (scenario() == Scenario.NO_BALANCE) {
            return error(401, 20005, "Account not active");
        }
        if (throttled()) {
            return new Reply(429, "application/json; charset=utf-8", errorBody(429, 20429, "Too Many Requests"), Map.of("Retry-After", "2"));
        }
        String to = call.field("To");
        if (invalid(to)) {
            return error(400, 21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        String body = call.field("Body");
        String from = call.form().first("From").orElseGet(() -> call.field("MessagingServiceSid"));
        accept(from, to, body);
        String sid = String.format("SM%032x", nextId());
        call.form().first("StatusCallback").ifPresent(url -> statusCallbacks.put(sid, URI.create(url)));
        recipients.put(sid, to);
        return Reply.json(201, "{\"account_sid\": \"" + ACCOUNT_SID + "\", \"api_version\": \"2010-04-01\", \"body\": \""
                + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"date_created\": \"Sat, 05 Dec 2026 09:00:00 +0000\","
                + " \"date_sent\": null, \"date_updated\": \"Sat, 05 Dec 2026 09:00:00 +0000\", \"direction\": \"outbound-api\","
                + " \"error_code\": null, \"error_message\": null, \"from\": \"" + from + "\", \"messaging_service_sid\": null,"
                + " \"num_media\": \"0\", \"num_segments\": \"" + SmsParts.of(body).count() + "\", \"price\": null, \"price_unit\": \"USD\","
                + " \"sid\": \"" + sid + "\", \"status\": \"queued\", \"to\": \"" + to + "\", \"uri\": \"" + PATH.replace(".json", "/" + sid + ".json") + "\"}");
    }

    private static Reply error(int status, int code, String message) {
        return Reply.json(status, errorBody(status, code, message));
    }

    private static String errorBody(int status, int code, String message) {
        return "{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": \"https://www.twilio.com/docs/errors/"
                + code + "\", \"status\": " + status + "}";
    }

    @Override
    public void sendReceipt(String providerMessageId, DeliveryStatus status) {
        if (status == DeliveryStatus.DELIVERED) {
            sendStatus(providerMessageId, "delivered", "", AUTH_TOKEN);
        } else if (status == DeliveryStatus.EXPIRED) {
            sendStatus(providerMessageId, "failed", "30036", AUTH_TOKEN);
        } else {
            sendStatus(providerMessageId, "undelivered", "30003", AUTH_TOKEN);
        }
    }

    /** POSTs a status callback for {@code sid} to the StatusCallback it was sent with, signed with {@code token}. */
    CallbackReply sendStatus(String sid, String messageStatus, String errorCode, String token) {
        URI url = statusCallbacks.get(sid);
        if (url == null) {
            throw new AssertionError("message " + sid + " was sent without a StatusCallback");
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                new SimpleImmutableEntry<>("SmsSid", sid),
                new SimpleImmutableEntry<>("SmsStatus", messageStatus),
                new SimpleImmutableEntry<>("MessageStatus", messageStatus),
                new SimpleImmutableEntry<>("To", recipients.getOrDefault(sid, "")),
                new SimpleImmutableEntry<>("MessageSid", sid),
                new SimpleImmutableEntry<>("AccountSid", ACCOUNT_SID),
                new SimpleImmutableEntry<>("From", "+15017122661"),
                new SimpleImmutableEntry<>("ApiVersion", "2010-04-01")));
        if (!errorCode.isEmpty()) {
            fields.add(new SimpleImmutableEntry<>("ErrorCode", errorCode));
        }
        String form = FormData.encode(fields);
        String signature = TwilioDialect.signature(token, url.toString(), FormData.decode(form).fields());
        return postForm(url, Map.of(TwilioDialect.SIGNATURE_HEADER, signature), form);
    }
}
