/**
 * Deals and the sales funnel: the tenant's pipelines of ordered stages and its lost reasons
 * (administered like the schema), the {@link org.crmkit.deal.Deal} aggregate with its stage
 * history, {@link org.crmkit.deal.DealCriterion} (also reachable from clients through
 * {@link org.crmkit.deal.DealCriterion#OF_CLIENT}), the stores, and the use cases
 * {@link org.crmkit.deal.Deals} and {@link org.crmkit.deal.Pipelines}.
 */
package org.crmkit.deal;
