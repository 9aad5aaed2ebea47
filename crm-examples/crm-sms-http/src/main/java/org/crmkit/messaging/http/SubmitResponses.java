package org.crmkit.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.crmkit.messaging.SendOutcome;

/**
 * Turns the service's answer to {@code POST /messages} into a {@link SendOutcome}:
 * <ul>
 *   <li>200, 201, 202 with {@code {"id", "parts"}}: accepted (parts defaults to the local count); without an id
 *       the message may have been taken, so the outcome is unknown;</li>
 *   <li>429, 408 and 5xx: temporary, honouring {@code Retry-After};</li>
 *   <li>401, 403: permanent, code {@code auth};</li>
 *   <li>400, 422 with {@code {"error": {"code", "message"}}}: permanent with that code ({@code rejected} if absent);</li>
 *   <li>any other status: permanent, code {@code http_<status>} (a wrong base URL gives 404).</li>
 * </ul>
 */
final class SubmitResponses {

    private static final int MAX_QUOTED = 200;

    private final ObjectMapper json;
    private final Clock clock;

    SubmitResponses(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    SendOutcome outcome(int status, String body, Optional<String> retryAfter, int localParts) {
        if (status == 200 || status == 201 || status == 202) {
            return accepted(status, body, localParts);
        }
        Optional<JsonNode> error = tree(body).map(tree -> tree.path("error")).filter(JsonNode::isObject);
        String message = error.map(e -> e.path("message").asText("")).filter(m -> !m.isBlank()).orElse(quote(body));
        if (status == 429) {
            return SendOutcome.temporary("throttled (HTTP 429): " + message, RetryAfter.parse(retryAfter, clock));
        }
        if (status == 408 || status >= 500) {
            return SendOutcome.temporary("service unavailable (HTTP " + status + "): " + message, RetryAfter.parse(retryAfter, clock));
        }
        if (status == 401 || status == 403) {
            return SendOutcome.permanent("auth", "the service refused the API key (HTTP " + status + "): " + message);
        }
        if (status == 400 || status == 422) {
            String code = error.map(e -> e.path("code").asText("")).filter(c -> !c.isBlank()).orElse("rejected");
            return SendOutcome.permanent(code, message);
        }
        return SendOutcome.permanent("http_" + status, "unexpected HTTP " + status + ": " + message);
    }

    private SendOutcome accepted(int status, String body, int localParts) {
        Optional<JsonNode> tree = tree(body);
        Optional<String> id = tree.map(t -> t.path("id")).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(i -> !i.isBlank());
        if (id.isEmpty()) {
            return SendOutcome.unknown("the service answered HTTP " + status + " without a message id: " + quote(body));
        }
        int parts = tree.map(t -> t.path("parts").asInt(0)).filter(p -> p >= 1).orElse(localParts);
        return SendOutcome.accepted(id.get(), parts);
    }

    private Optional<JsonNode> tree(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String quote(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_QUOTED ? flat : flat.substring(0, MAX_QUOTED) + "...";
    }
}
