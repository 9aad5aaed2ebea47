package org.crmkit.segment;

import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.common.CrmException;

/**
 * A segment's rule names something the tenant no longer has (a retired property, a deleted list…):
 * counting or listing it is refused rather than silently matching nothing. Change the rule
 * ({@link Segments#changeRule}) or delete the segment.
 */
public class BrokenSegmentException extends CrmException {
    private final SegmentId segment;
    private final List<SegmentRuleProblem> problems;

    public BrokenSegmentException(Segment segment, List<SegmentRuleProblem> problems) {
        super("segment \"" + segment.name() + "\" (" + segment.id() + ") cannot be evaluated: its rule names "
                + problems.stream().map(SegmentRuleProblem::toString).collect(Collectors.joining("; ")));
        this.segment = segment.id();
        this.problems = List.copyOf(problems);
    }

    public SegmentId segment() {
        return segment;
    }

    public List<SegmentRuleProblem> problems() {
        return problems;
    }
}
