package org.crmkit.messaging.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;

/**
 * Reads the service's status object {@code {"id", "status", "at"}}, the same in callbacks and poll answers.
 * Final statuses are {@code delivered}, {@code undeliverable} and {@code expired}; {@code queued},
 * {@code accepted}, {@code sent} and {@code pending} are not final and give no receipt; anything else, a
 * missing id or an unreadable {@code at} is malformed. A missing {@code at} means "now".
 */
final class ReceiptJson {

    private ReceiptJson() {
    }

    static Optional<DeliveryReceipt> parse(JsonNode node, Clock clock) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a status must be a JSON object, got " + node);
        }
        String id = node.path("id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("status has no \"id\": " + node);
        }
        String status = node.path("status").asText("").toLowerCase(Locale.ROOT);
        DeliveryStatus deliveryStatus;
        switch (status) {
            case "delivered":
                deliveryStatus = DeliveryStatus.DELIVERED;
                break;
            case "undeliverable":
                deliveryStatus = DeliveryStatus.UNDELIVERABLE;
                break;
            case "expired":
                deliveryStatus = DeliveryStatus.EXPIRED;
                break;
            case "queued":
            case "accepted":
            case "sent":
            case "pending":
                return Optional.empty();
            default:
                throw new IllegalArgumentException("status \"" + status + "\" of message " + id
                        + " is not one of delivered, undeliverable, expired, queued, accepted, sent, pending");
        }
        Instant at;
        String atText = node.path("at").asText("");
        try {
            at = atText.isBlank() ? clock.instant() : Instant.parse(atText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"at\" of message " + id + " is not an ISO-8601 instant: \"" + atText + "\"", e);
        }
        return Optional.of(new DeliveryReceipt(id, deliveryStatus, at));
    }
}
