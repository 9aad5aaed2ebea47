package org.crmkit.deal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * What a funnel report counts: the deals of one pipeline that match {@code where} (managers,
 * source, client… as {@link DealCriterion} leaves) and, when a period is given, were opened in it
 * (their first stage entered at or after {@code from} and before {@code until}). Immutable; each
 * option returns a changed copy.
 */
public record FunnelQuery(PipelineId pipeline, Optional<Instant> from, Optional<Instant> until, Criterion<DealCriterion> where) {
    public FunnelQuery {
        ValidationException.required(pipeline, "pipeline");
        ValidationException.required(from, "from");
        ValidationException.required(until, "until");
        ValidationException.required(where, "where");
        if (from.isPresent() != until.isPresent()) {
            throw new ValidationException("until", until.orElse(null), "is given exactly with from");
        }
        if (from.isPresent() && !from.get().isBefore(until.get())) {
            throw new ValidationException("until", until.get(), "is not after " + from.get());
        }
    }

    public static FunnelQuery of(PipelineId pipeline) {
        return new FunnelQuery(pipeline, Optional.empty(), Optional.empty(), Criterion.all());
    }

    /** Only deals opened at or after {@code start} and before {@code end}. */
    public FunnelQuery openedBetween(Instant start, Instant end) {
        return new FunnelQuery(pipeline, Optional.of(ValidationException.required(start, "from")),
                Optional.of(ValidationException.required(end, "until")), where);
    }

    /** Only deals these employees are responsible for. */
    public FunnelQuery managers(Set<EmployeeId> managers) {
        return where(new DealCriterion.ResponsibleIn(managers));
    }

    /** Only deals from this source. */
    public FunnelQuery source(String source) {
        return where(new DealCriterion.SourceIs(source));
    }

    /** Only deals that also match this condition. */
    public FunnelQuery where(Criterion<DealCriterion> condition) {
        return new FunnelQuery(pipeline, from, until, where.and(ValidationException.required(condition, "where")));
    }

    /** The deals' condition without the period: in the pipeline and matching {@code where}. */
    public Criterion<DealCriterion> criterion() {
        return new DealCriterion.InPipeline(pipeline).and(where);
    }

    /** Whether the deal was opened in the period (always, without one). */
    public boolean openedInPeriod(Deal deal) {
        Instant opened = ValidationException.required(deal, "deal").history().get(0).entered();
        return from.map(f -> !opened.isBefore(f) && opened.isBefore(until.orElseThrow())).orElse(true);
    }
}
