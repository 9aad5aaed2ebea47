package org.crmkit.client;

import java.util.Objects;

import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * A page of clients matching a criterion, in a stable order (ties broken by id).
 *
 * @param limit at most this many clients, 1–10,000
 */
public record ClientQuery(Criterion<ClientCriterion> where, Order order, int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    /**
     * Orderings every store supports. (Quick search lists names in an order of relevance, which is
     * not one of these: see {@link NameSearch} and {@link ClientStore#searchNames}; the word order
     * that served it before issue 12 is gone.)
     */
    public enum Order {
        CODE,
        /** By the folded short name. */
        NAME
    }

    public ClientQuery {
        ValidationException.required(where, "where");
        ValidationException.required(order, "order");
        if (offset < 0) {
            throw new ValidationException("offset", offset, "must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
    }

    public static ClientQuery where(Criterion<ClientCriterion> criterion) {
        return new ClientQuery(criterion, Order.CODE, 0, 100);
    }

    public ClientQuery orderBy(Order newOrder) {
        return new ClientQuery(where, newOrder, offset, limit);
    }

    public ClientQuery page(int newOffset, int newLimit) {
        return new ClientQuery(where, order, newOffset, newLimit);
    }

    public ClientQuery restrictedTo(Criterion<ClientCriterion> visible) {
        ValidationException.required(visible, "visible");
        return new ClientQuery(visible.and(where), order, offset, limit);
    }
}
