/**
 * Segment rules as a product: a rule is a {@code Criterion<ClientCriterion>} tree, and this
 * package gives it its text face ({@link org.crmkit.segment.RuleText}: a short syntax a person types,
 * names resolved through the tenant's schema by {@link org.crmkit.segment.RuleNames}) and the limits
 * every rule entering the system must keep ({@link org.crmkit.segment.RuleLimits}). The JSON face is
 * in {@code org.crmkit.segment.json}.
 */
package org.crmkit.segment;
