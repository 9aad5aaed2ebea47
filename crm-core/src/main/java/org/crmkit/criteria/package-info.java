/**
 * The one criteria language of crmkit: {@link org.crmkit.criteria.Criterion} trees whose
 * combinators (all, none, and, or, not) are written here once, over the sealed set of leaves each
 * feature package owns ({@code ClientCriterion}, {@code ContactPersonCriterion}, …). Searches,
 * access rules and segments are such trees; memory evaluates them, a database store translates
 * them into one SQL statement, and the store contract kit checks that both agree.
 */
package org.crmkit.criteria;
