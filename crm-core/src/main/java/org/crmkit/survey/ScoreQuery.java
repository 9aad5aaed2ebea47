package org.crmkit.survey;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.common.ValidationException;

/**
 * The scored answers to one question of a template (all revisions that have it), counted in
 * consecutive periods: {@code boundaries} are the periods' starts followed by the last one's end
 * (period {@code i} is {@code [boundaries[i], boundaries[i+1])}), turned into instants by the caller
 * or by {@link #monthly} in a zone, never by the database's clock. {@link By} says the grouping.
 */
public record ScoreQuery(TemplateId template, String question, List<Instant> boundaries, By by) {
    public static final int MAX_PERIODS = 400;

    /** How the report's lines are grouped within a period. */
    public enum By {
        /** One line per period. */
        PERIOD,
        /** Per period and responding employee (the one who recorded the answers, who asked the client). */
        EMPLOYEE,
        /** Per period and client. */
        CLIENT
    }

    public ScoreQuery {
        ValidationException.required(template, "template");
        ValidationException.required(question, "question");
        List<Instant> given = ValidationException.requiredElements(boundaries, "boundaries");
        if (given.size() < 2 || given.size() > MAX_PERIODS + 1) {
            throw new ValidationException("boundaries", given.size(), "must be 2 to " + (MAX_PERIODS + 1) + " instants (1 to " + MAX_PERIODS + " periods)");
        }
        List<Instant> micros = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Instant b = given.get(i).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            if (i > 0 && !b.isAfter(micros.get(i - 1))) {
                throw new ValidationException("boundaries[" + i + "]", b, "is not after the period's start " + micros.get(i - 1));
            }
            micros.add(b);
        }
        boundaries = List.copyOf(micros);
        ValidationException.required(by, "by");
    }

    /** Calendar months from {@code first} to {@code last} (both included), each from midnight of its first day in {@code zone}. */
    public static ScoreQuery monthly(TemplateId template, String question, YearMonth first, YearMonth last, ZoneId zone, By by) {
        ValidationException.required(first, "first");
        ValidationException.required(last, "last");
        ValidationException.required(zone, "zone");
        if (last.isBefore(first)) {
            throw new ValidationException("last", last, "is before the first month " + first);
        }
        List<Instant> bounds = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last.plusMonths(1)); m = m.plusMonths(1)) {
            bounds.add(m.atDay(1).atStartOfDay(zone).toInstant());
            if (bounds.size() > MAX_PERIODS + 1) {
                break;
            }
        }
        return new ScoreQuery(template, question, bounds, by);
    }

    public int periods() {
        return boundaries.size() - 1;
    }

    /** The number of the period holding {@code at}, or -1 when it is outside them all. */
    public int periodOf(Instant at) {
        ValidationException.required(at, "at");
        if (at.isBefore(boundaries.get(0)) || !at.isBefore(boundaries.get(boundaries.size() - 1))) {
            return -1;
        }
        int i = 0;
        while (!at.isBefore(boundaries.get(i + 1))) {
            i++;
        }
        return i;
    }
}
