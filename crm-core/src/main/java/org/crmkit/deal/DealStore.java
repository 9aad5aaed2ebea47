package org.crmkit.deal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.criteria.Criterion;

/**
 * Stores the deals of one tenant, with their stage history, inside the unit of work that handed it
 * out.
 *
 * <p>Contract (checked by the store kit on every storage): {@link #insert} stores a deal at
 * version 1; {@link #update} only if the stored version equals the deal's, else
 * {@link org.crmkit.common.ConcurrentChangeException} and nothing written; numbers are unique per
 * tenant; {@link #findAfter} and {@link #count} answer a criterion exactly as
 * {@link DealCriterion#matches} would, each in one statement for a database.
 */
public interface DealStore {
    Optional<Deal> get(DealId id);

    /**
     * Keyset paging: up to {@code limit} deals matching {@code where} whose id comes after
     * {@code after} ({@link org.crmkit.common.SortOrder#UUIDS}; none: from the first), by id.
     */
    List<Deal> findAfter(Criterion<DealCriterion> where, Optional<DealId> after, int limit);

    long count(Criterion<DealCriterion> where);

    /**
     * Every deal matching {@code where}, by number. This default reads them page by page; a database
     * answers it with one statement (for the few deals of one client or one employee's open deals).
     */
    default List<Deal> list(Criterion<DealCriterion> where) {
        List<Deal> deals = new ArrayList<>();
        Optional<DealId> after = Optional.empty();
        List<Deal> page;
        do {
            page = findAfter(where, after, 1000);
            deals.addAll(page);
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == 1000);
        deals.sort(java.util.Comparator.comparingLong(Deal::number));
        return deals;
    }

    /**
     * Up to {@code limit} open deals matching {@code where} whose current stage's deadline is at or
     * after {@code from} (none: any) and before {@code until}, by deadline, then number. This default
     * reads the matching deals with {@link #list}; a database answers it with one statement on an
     * index of the deadlines.
     */
    default List<Deal> stageDeadlines(Criterion<DealCriterion> where, Optional<Instant> from, Instant until, int limit) {
        return list(where).stream()
                .filter(d -> d.status() == StageKind.OPEN && d.stageDeadline().isPresent())
                .filter(d -> from.map(f -> !d.stageDeadline().get().isBefore(f)).orElse(true) && d.stageDeadline().get().isBefore(until))
                .sorted(java.util.Comparator.comparing((Deal d) -> d.stageDeadline().get()).thenComparingLong(Deal::number))
                .limit(limit).collect(java.util.stream.Collectors.toList());
    }

    /** Stores a new deal (version 0); returns it at version 1. */
    Deal insert(Deal deal);

    /** Stores a changed deal read at {@code deal.version()}; returns it at the next version. */
    Deal update(Deal deal);

    /**
     * Reserves {@code count} consecutive deal numbers of this tenant and returns the first. A
     * number is never handed out twice, even when the unit of work rolls back.
     */
    long reserveNumbers(int count);

    /**
     * The funnel of the deals of {@code query} as of {@code now} (see {@link Funnel} for what each
     * figure means). This default reads the matching deals page by page and counts them in memory:
     * right for any store; a database answers it with one aggregating statement instead.
     */
    default Funnel funnel(Pipeline pipeline, FunnelQuery query, Instant now) {
        List<Deal> deals = new ArrayList<>();
        Optional<DealId> after = Optional.empty();
        List<Deal> page;
        do {
            page = findAfter(query.criterion(), after, 1000);
            page.stream().filter(query::openedInPeriod).forEach(deals::add);
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == 1000);
        return Funnel.compute(pipeline, deals, now);
    }
}
