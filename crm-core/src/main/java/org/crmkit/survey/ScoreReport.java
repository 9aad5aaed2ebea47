package org.crmkit.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * CSAT or NPS of one question per period (and employee or client, as the query groups): on a 1–5
 * question the score is CSAT, the share of 4 and 5 answers in percent; on a 0–10 question it is
 * NPS, the percentage of promoters (9–10) minus that of detractors (0–6). Scores are exact
 * fractions of the counts, rounded half-even to {@value #SCALE} decimals; a line without answers
 * has none. Every period of the query has a line per group that answered in any of them (zero
 * counts where it did not); lines are sorted by group key (code point order), then period.
 */
public record ScoreReport(ScoreQuery query, QuestionKind kind, List<Line> lines) {
    public static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ScoreReport {
        ValidationException.required(query, "query");
        ValidationException.required(kind, "kind");
        lines = List.copyOf(ValidationException.requiredElements(lines, "lines"));
    }

    /**
     * One period of one group: {@code answers} scored answers, {@code high} of them satisfied or
     * promoters, {@code low} of them detractors (0–6; on a 1–5 scale, 1–3).
     */
    public record Line(int period, Instant from, Instant until, Optional<String> key, long answers, long high, long low, Optional<BigDecimal> score) {
        public Line {
            ValidationException.required(from, "from");
            ValidationException.required(until, "until");
            ValidationException.required(key, "key");
            ValidationException.required(score, "score");
        }
    }

    /** The lines of one group key (empty for the whole period), in period order. */
    public List<Line> of(Optional<String> key) {
        ValidationException.required(key, "key");
        return lines.stream().filter(l -> l.key().equals(key)).toList();
    }

    static ScoreReport of(ScoreQuery query, QuestionKind kind, List<ScoreCount> counts) {
        Map<Optional<String>, long[][]> groups = new TreeMap<>((a, b) -> a.isEmpty() || b.isEmpty()
                ? Boolean.compare(a.isPresent(), b.isPresent()) : SortOrder.TEXT.compare(a.get(), b.get()));
        if (query.by() == ScoreQuery.By.PERIOD) {
            groups.put(Optional.empty(), new long[query.periods()][3]);
        }
        for (ScoreCount c : counts) {
            long[] line = groups.computeIfAbsent(c.key(), k -> new long[query.periods()][3])[c.period()];
            line[0] += c.count();
            if (c.score() >= kind.max() - 1) {
                line[1] += c.count();
            } else if (kind == QuestionKind.SCALE_0_10 ? c.score() <= 6 : c.score() <= 3) {
                line[2] += c.count();
            }
        }
        List<Line> lines = new ArrayList<>();
        groups.forEach((key, periods) -> {
            for (int p = 0; p < periods.length; p++) {
                long[] n = periods[p];
                Optional<BigDecimal> score = n[0] == 0 ? Optional.empty() : Optional.of(HUNDRED
                        .multiply(BigDecimal.valueOf(kind == QuestionKind.SCALE_1_5 ? n[1] : n[1] - n[2]))
                        .divide(BigDecimal.valueOf(n[0]), SCALE, RoundingMode.HALF_EVEN));
                lines.add(new Line(p, query.boundaries().get(p), query.boundaries().get(p + 1), key, n[0], n[1], n[2], score));
            }
        });
        return new ScoreReport(query, kind, lines);
    }
}
