package org.crmkit.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealId;

/**
 * A page of interactions matching a criterion, in one of the {@link Order orders} every store
 * sorts by exactly alike (ties broken by id).
 *
 * @param limit at most this many, 1–{@value #MAX_LIMIT}
 */
public record InteractionQuery(Criterion<InteractionCriterion> where, Order order, int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    /** The orders every store supports. */
    public enum Order {
        /** Time order: by {@link Timing#startKey()}, then id. */
        START(Comparator.comparing((Interaction i) -> i.timing().startKey()).thenComparing(i -> i.id().value(), SortOrder.UUIDS)),
        /** By number. */
        NUMBER(Comparator.comparingLong(Interaction::number)),
        /** Obligations: by responsible employee (code point order), then oldest first ({@link Interaction#dueKey()}), then id. */
        DUE(Comparator.comparing((Interaction i) -> i.responsible().value(), SortOrder.TEXT).thenComparing(Interaction::dueKey)
                .thenComparing(i -> i.id().value(), SortOrder.UUIDS));

        private final Comparator<Interaction> comparator;

        Order(Comparator<Interaction> comparator) {
            this.comparator = comparator;
        }

        /** The order as a comparator, for a store that sorts in memory. */
        public Comparator<Interaction> comparator() {
            return comparator;
        }
    }

    public InteractionQuery {
        ValidationException.required(where, "where");
        ValidationException.required(order, "order");
        if (offset < 0) {
            throw new ValidationException("offset", offset, "must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
    }

    public static InteractionQuery where(Criterion<InteractionCriterion> criterion) {
        return new InteractionQuery(criterion, Order.START, 0, 100);
    }

    /** A client's history and plan, in time order. */
    public static InteractionQuery history(ClientId client) {
        ValidationException.required(client, "client");
        return new InteractionQuery(new InteractionCriterion.OfClient(new ClientCriterion.IdIn(Set.of(client))), Order.START, 0, MAX_LIMIT);
    }

    /** The interactions based on a deal, in time order. */
    public static InteractionQuery ofDeal(DealId deal) {
        return new InteractionQuery(new InteractionCriterion.ForDeal(deal), Order.START, 0, MAX_LIMIT);
    }

    /** The items of some employees (responsible or taking part) that overlap the period, in time order. */
    public static InteractionQuery calendar(Set<EmployeeId> employees, CalendarPeriod period) {
        return new InteractionQuery(Criterion.and(new InteractionCriterion.Involves(employees), new InteractionCriterion.Overlaps(period)),
                Order.START, 0, MAX_LIMIT);
    }

    /** Overdue open items and promises, per responsible employee, oldest first. */
    public static InteractionQuery overdue(Instant now, LocalDate today) {
        return new InteractionQuery(new InteractionCriterion.OverdueAt(now, today), Order.DUE, 0, MAX_LIMIT);
    }

    public InteractionQuery page(int newOffset, int newLimit) {
        return new InteractionQuery(where, order, newOffset, newLimit);
    }

    public InteractionQuery restrictedTo(Criterion<InteractionCriterion> visible) {
        ValidationException.required(visible, "visible");
        return new InteractionQuery(visible.and(where), order, offset, limit);
    }
}
