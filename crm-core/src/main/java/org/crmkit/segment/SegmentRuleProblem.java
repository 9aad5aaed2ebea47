package org.crmkit.segment;

import org.crmkit.common.ValidationException;

/**
 * Something a segment's rule names that the tenant no longer has: a {@code property} that is
 * unknown or archived, a {@code group} or {@code pipeline} that is unknown, a {@code stage} that is
 * unknown or retired, a {@code relationship} type that is retired, a {@code segment} list that was
 * deleted or is not a list. Such a rule would silently match nothing (or the wrong clients), so a
 * segment that has one refuses to count or list.
 *
 * @param kind what is named: property, group, relationship, pipeline, stage or segment
 * @param reference how the rule names it (key or id)
 * @param problem what is wrong with it, e.g. "is archived"
 */
public record SegmentRuleProblem(String kind, String reference, String problem) {
    public SegmentRuleProblem {
        ValidationException.required(kind, "kind");
        ValidationException.required(reference, "reference");
        ValidationException.required(problem, "problem");
    }

    @Override
    public String toString() {
        return kind + " " + reference + " " + problem;
    }
}
