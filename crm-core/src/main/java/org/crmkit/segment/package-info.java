/**
 * Saved segments: named client rules kept for reuse. A dynamic segment evaluates its rule on use
 * (count and pages through the clients query, the access policy ANDed in) and keeps its current
 * members as rows that live membership and {@link org.crmkit.segment.Segments#sweep()} bring up to
 * date; a snapshot list ("группа рассылки") holds member rows frozen from a rule and then edited by
 * hand. {@link org.crmkit.segment.SegmentCriterion#inList} lets a rule or the clients query use a list.
 */
package org.crmkit.segment;
