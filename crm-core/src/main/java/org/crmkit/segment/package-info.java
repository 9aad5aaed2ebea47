/**
 * Segments. Rules as a product: a rule is a {@code Criterion<ClientCriterion>} tree, and this
 * package gives it its text face ({@link org.crmkit.segment.RuleText}: a short syntax a person types,
 * names resolved through the tenant's schema by {@link org.crmkit.segment.RuleNames}) and the limits
 * every rule entering the system must keep ({@link org.crmkit.segment.RuleLimits}); the JSON face is
 * in {@code org.crmkit.segment.json}. Saved segments: named rules kept for reuse. A dynamic segment
 * evaluates its rule on use (count and pages through the clients query, the access policy ANDed in)
 * and keeps its current members as rows that live membership and
 * {@link org.crmkit.segment.Segments#sweep()} bring up to date; a snapshot list ("группа рассылки")
 * holds member rows frozen from a rule and then edited by hand;
 * {@link org.crmkit.segment.SegmentCriterion#inList} lets a rule or the clients query use a list.
 */
package org.crmkit.segment;
