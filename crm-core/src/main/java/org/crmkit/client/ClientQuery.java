package org.crmkit.client;

import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * A page of clients matching a criterion, in a stable order (ties broken by id).
 *
 * @param limit at most this many clients, 1–10,000
 */
public record ClientQuery(Criterion<ClientCriterion> where, Order order, int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    /** Orderings every store supports. */
    public enum Order {
        CODE,
        NAME,
        /**
         * For a criterion that requires a name-word prefix at its top level
         * ({@link ClientCriterion.NameWordStartsWith}): by the smallest word of the name that starts
         * with it, then by name, as an autocompletion lists {@code пермский}, {@code пермь},
         * {@code пермьстрой}. A store reads such a page straight off its word index, however many
         * names match. Without such a criterion, the same as {@link #NAME}.
         */
        WORD
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

    /** The name-word prefix the criterion requires at its top level (an AND part), which {@link Order#WORD} sorts by. */
    public Optional<ClientCriterion.NameWordStartsWith> leadingWords() {
        return leadingWords(where);
    }

    private static Optional<ClientCriterion.NameWordStartsWith> leadingWords(Criterion<ClientCriterion> criterion) {
        if (criterion instanceof ClientCriterion.NameWordStartsWith) {
            return Optional.of((ClientCriterion.NameWordStartsWith) criterion);
        }
        if (criterion instanceof Criterion.And) {
            for (Criterion<ClientCriterion> part : ((Criterion.And<ClientCriterion>) criterion).parts()) {
                Optional<ClientCriterion.NameWordStartsWith> found = leadingWords(part);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public ClientQuery restrictedTo(Criterion<ClientCriterion> visible) {
        ValidationException.required(visible, "visible");
        return new ClientQuery(visible.and(where), order, offset, limit);
    }
}
