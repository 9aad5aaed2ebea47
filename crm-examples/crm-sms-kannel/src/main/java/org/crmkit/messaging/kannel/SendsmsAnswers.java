package org.crmkit.messaging.kannel;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.messaging.SendOutcome;

/**
 * Turns smsbox's answer to {@code GET /cgi-bin/sendsms} into a {@link SendOutcome}. The texts are Kannel 1.4's
 * ({@code gw/smsbox.c}):
 * <ul>
 *   <li>202 {@code 0: Accepted for delivery} (routed to an SMSC link), 202 {@code 3: Queued for later delivery}
 *       (no link up, held in bearerbox's queue) and 202 {@code Sent.} (smsbox's {@code immediate-sendsms-reply}):
 *       accepted, as the number of parts {@code Message splits: N} gives, else the local count;</li>
 *   <li>503 {@code Temporal failure, try again later.} (bearerbox's queue is full or it is shutting down) and 500
 *       {@code Sending failed.}: temporary;</li>
 *   <li>403 {@code Authorization failed for sendsms}: permanent, code {@code auth}; 401 likewise (a proxy);</li>
 *   <li>403 {@code Not routable. Do not try again.} (no SMSC link may carry this destination): permanent,
 *       code {@code not_routable};</li>
 *   <li>400 {@code Number(s) has/have been denied by white- and/or black-lists.}: permanent, code
 *       {@code destination_denied}; any other 400 ({@code Missing receiver number, rejected}, {@code Charset or body
 *       misformed, rejected}, ...): permanent, code {@code rejected};</li>
 *   <li>502 and 504 (a proxy between the gateway and smsbox lost the answer): unknown, Kannel may have the message;
 *       other 5xx: temporary; anything else (a wrong URL gives 404): permanent, code {@code http_<status>}.</li>
 * </ul>
 * Kannel sends no {@code Retry-After}, so temporary failures carry {@link Duration#ZERO}.
 */
final class SendsmsAnswers {

    private static final int MAX_QUOTED = 200;
    private static final Pattern SPLITS = Pattern.compile("Message splits: (\\d+)");

    private SendsmsAnswers() {
    }

    static SendOutcome outcome(int status, String body, String providerMessageId, int localParts) {
        String text = quote(body);
        if (status == 202 || status == 200) {
            return SendOutcome.accepted(providerMessageId, splits(text).orElse(localParts));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (status == 503 || (status == 500 && lower.startsWith("sending failed"))) {
            return SendOutcome.temporary("Kannel did not take the message (HTTP " + status + "): " + text, Duration.ZERO);
        }
        if (status == 401 || (status == 403 && lower.startsWith("authorization failed"))) {
            return SendOutcome.permanent("auth", "Kannel refused the sendsms-user (HTTP " + status + "): " + text);
        }
        if (status == 403 && lower.startsWith("not routable")) {
            return SendOutcome.permanent("not_routable", "no SMSC link of Kannel may carry this destination: " + text);
        }
        if (status == 400 && lower.contains("denied by white- and/or black-lists")) {
            return SendOutcome.permanent("destination_denied", "Kannel's white or black list refuses the destination: " + text);
        }
        if (status == 400) {
            return SendOutcome.permanent("rejected", "Kannel refused the request: " + text);
        }
        if (status == 502 || status == 504) {
            return SendOutcome.unknown("HTTP " + status + " from a proxy in front of Kannel; Kannel may have taken the message: " + text);
        }
        if (status >= 500) {
            return SendOutcome.temporary("Kannel failed (HTTP " + status + "): " + text, Duration.ZERO);
        }
        return SendOutcome.permanent("http_" + status, "unexpected HTTP " + status + " from sendsms (check "
                + KannelSettings.SENDSMS_URL + "): " + text);
    }

    private static Optional<Integer> splits(String text) {
        Matcher matcher = SPLITS.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            int parts = Integer.parseInt(matcher.group(1));
            return parts >= 1 ? Optional.of(parts) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** smsbox's answer on one line, cut at {@value #MAX_QUOTED} characters. */
    private static String quote(String body) {
        String line = body == null ? "" : String.join(" ", body.strip().split("\\s+"));
        if (line.isEmpty()) {
            return "(no text)";
        }
        return line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "..." : line;
    }
}
