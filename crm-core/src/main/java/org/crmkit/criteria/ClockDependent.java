package org.crmkit.criteria;

import java.time.ZonedDateTime;

/**
 * A leaf whose meaning moves with time alone: "a date in the last 30 days", "no interaction for 30
 * days", or a leaf that holds a tree on other records which has such a leaf. Such a leaf is never
 * evaluated as it is: before a store or the in-memory meaning sees it, {@link Criterion#at} reads it
 * at one moment of the Crm's clock, in the tenant's zone, into a leaf over fixed days or instants,
 * which a database store binds as parameters (never the database's own {@code CURRENT_DATE}).
 * {@link Criterion#dependsOnClock} tells whether a tree has such a leaf anywhere, so a host knows
 * which saved rules a sweep must bring up to date.
 *
 * @param <L> the leaf set the leaf belongs to
 */
public interface ClockDependent<L extends Criterion.Leaf<L>> {
    /** Whether this leaf, or a tree it holds, changes its answer with time alone. */
    boolean dependsOnClock();

    /**
     * This leaf read at {@code now}: relative dates become fixed ones (today is {@code now}'s
     * date in {@code now}'s zone). A leaf that does not depend on the clock answers itself.
     */
    Criterion<L> at(ZonedDateTime now);
}
