package org.crmkit.mailing.outbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crmkit.common.ValidationException;
import org.crmkit.mailing.recipient.ExclusionReason;
import org.crmkit.messaging.DeliveryStatus;

/**
 * A mailing's outbox in numbers: entries per state, per reason code (failures, cancellations, unknowns), and
 * per delivery status where receipts reported one. Every state is listed, with 0 where there is none.
 * {@code excluded} counts the audience members its resolution recorded as excluded, per reason (not entries:
 * {@code total} counts the outbox only).
 */
public record MailingStatistics(long total, Map<OutboxState, Long> byState, Map<String, Long> byReason,
                                Map<DeliveryStatus, Long> byDelivery, Map<ExclusionReason, Long> excluded) {
    public MailingStatistics {
        excluded = Map.copyOf(ValidationException.required(excluded, "excluded"));
        byState = Map.copyOf(ValidationException.required(byState, "byState"));
        byReason = Map.copyOf(ValidationException.required(byReason, "byReason"));
        byDelivery = Map.copyOf(ValidationException.required(byDelivery, "byDelivery"));
    }

    /** The statistics of these counts, with no exclusions. */
    public static MailingStatistics of(List<OutboxCount> counts) {
        return of(counts, Map.of());
    }

    /** The statistics of these outbox counts and exclusion counts. */
    public static MailingStatistics of(List<OutboxCount> counts, Map<ExclusionReason, Long> excluded) {
        ValidationException.required(excluded, "excluded");
        Map<OutboxState, Long> states = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            states.put(s, 0L);
        }
        Map<String, Long> reasons = new TreeMap<>();
        Map<DeliveryStatus, Long> deliveries = new EnumMap<>(DeliveryStatus.class);
        long total = 0;
        for (OutboxCount c : ValidationException.requiredElements(counts, "counts")) {
            total += c.count();
            states.merge(c.state(), c.count(), Long::sum);
            c.reasonCode().ifPresent(r -> reasons.merge(r, c.count(), Long::sum));
            c.delivery().ifPresent(d -> deliveries.merge(d, c.count(), Long::sum));
        }
        return new MailingStatistics(total, states, reasons, deliveries, excluded);
    }

    /** How many members of the audience were excluded for this reason. */
    public long excluded(ExclusionReason reason) {
        return excluded.getOrDefault(ValidationException.required(reason, "reason"), 0L);
    }

    /** How many entries are in this state. */
    public long count(OutboxState state) {
        return byState.getOrDefault(ValidationException.required(state, "state"), 0L);
    }
}
