package org.crmkit.messaging.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.sms.SmsMessage;

/**
 * What differs between providers, and nothing else: how a message becomes an HTTP request, how the provider's
 * answer becomes a {@link SendOutcome}, and how its delivery callback becomes receipts. {@link HttpSmsGateway}
 * does the transport, the time-outs, the part limit and the listeners for all of them.
 */
sealed interface ProviderDialect permits SmsRuDialect, SmscDialect, TwilioDialect {

    /** The provider's name as hosts select it, e.g. {@code sms.ru}. */
    String name();

    /** The most parts the provider sends one message as. */
    int partLimit();

    /**
     * The submission of {@code message}. {@code receiptAddress} is where this gateway takes receipts, for providers
     * that are told per message (Twilio's {@code StatusCallback}); others have it set in the provider's account.
     */
    HttpRequest.Builder request(SmsMessage message, Optional<URI> receiptAddress);

    /** The outcome the provider's answer means; {@code localParts} is the count {@code SmsParts} gives. */
    SendOutcome outcome(Answer answer, int localParts);

    /**
     * The receipts in a callback (possibly none: a status that is not final), and what to answer the provider.
     * A forged or malformed callback throws {@link ReceiptRefusedException} with the status to answer.
     *
     * @param receiptAddress the address this gateway gave the provider, when it gave one (Twilio signs it)
     */
    Receipts receipts(ReceiptRequest request, Optional<URI> receiptAddress, Clock clock);

    /** The provider's answer to a submission; {@code retryAfter} is its {@code Retry-After}, zero when absent. */
    record Answer(int status, String body, Duration retryAfter) {
    }

    /** The receipts found in one callback and the provider's expected reply. */
    record Receipts(List<DeliveryReceipt> receipts, ReceiptResponse reply) {
        public Receipts {
            receipts = List.copyOf(receipts);
        }
    }

    /** {@code body} flattened and cut to 200 characters, for failure reasons. */
    static String quote(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    /** A POST of {@code fields} as a UTF-8 form, asking for JSON: how all three providers take a message. */
    static HttpRequest.Builder formPost(URI uri, List<Map.Entry<String, String>> fields) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormData.encode(fields), StandardCharsets.UTF_8));
    }

    /**
     * The outcome an answer has before its body counts as the provider's JSON: HTTP 429 and 5xx are temporary
     * (honouring {@code Retry-After}); a body that is not a JSON object is unknown after HTTP 200 (the message may
     * have been taken) and a refusal {@code http_<status>} otherwise. Empty when {@code json} holds the answer.
     */
    static Optional<SendOutcome> bareHttp(String provider, Answer answer, Optional<Map<String, Object>> json) {
        String said = provider + " answered HTTP " + answer.status() + ": " + quote(answer.body());
        if (answer.status() == 429 || answer.status() >= 500) {
            return Optional.of(SendOutcome.temporary(said, answer.retryAfter()));
        }
        if (json.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(answer.status() == 200
                ? SendOutcome.unknown(provider + " answered HTTP 200 with a body that is not its JSON: " + quote(answer.body()))
                : SendOutcome.permanent("http_" + answer.status(), said));
    }

    /** {@code body} as a JSON object, or empty when it is not one. */
    static Optional<Map<String, Object>> jsonObject(String body) {
        try {
            return Json.object(Json.parse(body));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * For providers that do not sign their callbacks: with a token configured, the callback address must carry
     * {@code token=<value>} in its query (compared in constant time), otherwise the callback is refused with 403.
     */
    static void checkToken(ReceiptRequest request, Optional<String> token) {
        if (token.isPresent()) {
            String given = request.query().first("token").orElse("");
            if (!MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
                throw new ReceiptRefusedException(403, "the callback address lacks the right token (callback-token)");
            }
        }
    }

    /** The number without its leading {@code +}, as the Russian providers write it. */
    static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
