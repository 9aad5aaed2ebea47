package org.crmkit.jpa.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.criteria.Criterion;
import org.crmkit.common.CrmException;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionState;

/**
 * Translates an interaction criterion into a condition on {@code crm_interaction} under an alias.
 * Every leaf is two-valued (each nullable column is tested for NULL first), so NOT means what the
 * in-memory test means. The tenant is parameter {@code ?1}.
 */
final class InteractionSql extends LeafSql<InteractionCriterion> implements InteractionCriterion.Visitor<String> {
    private static final String OPEN = InteractionState.OPEN.stream().map(s -> "'" + s.name() + "'").sorted()
            .collect(Collectors.joining(", "));

    private final List<Object> parameters;
    private final String i;
    private final SqlDialect dialect;
    private final LongSupplier longestSpanMicros;
    /** The tenant's longest span, once asked. */
    private Long longest;
    /**
     * The period of an {@code Overlaps} leaf that the conjunction being translated requires (empty
     * under OR and NOT, and in a statement that adds no bounds): an {@code Involves} leaf in that
     * conjunction reads only the employees' calendar rows that can overlap it.
     */
    private Optional<CalendarPeriod> required = Optional.empty();

    InteractionSql(List<Object> parameters, String alias, SqlDialect dialect) {
        this(parameters, alias, dialect, null);
    }

    /**
     * For a statement that reads interactions themselves (not a sub-select per client): periods add
     * the bounds on {@code start_key} they imply, so that one index range is read. Inside a
     * correlated sub-select they would lead the planner away from the participant's index (seen:
     * clients without interactions on PostgreSQL 8.9 times slower), so {@link #ofClient} leaves
     * them out. {@code longestSpanMicros}, the tenant's longest span ever stored
     * ({@link InteractionSpans}), is asked only when an {@code Overlaps} leaf is translated.
     */
    InteractionSql(List<Object> parameters, String alias, SqlDialect dialect, LongSupplier longestSpanMicros) {
        this.parameters = parameters;
        this.i = alias;
        this.dialect = dialect;
        this.longestSpanMicros = longestSpanMicros;
    }

    /** {@code EXISTS} an interaction of client {@code c} matching the criterion: the relation {@code interactions} of clients. */
    static String ofClient(String c, Criterion<InteractionCriterion> criterion, List<Object> parameters, SqlDialect dialect) {
        String p = "ip" + parameters.size();
        String x = "ix" + parameters.size();
        return "EXISTS (SELECT 1 FROM crm_interaction_participant " + p + " JOIN crm_interaction " + x + " ON " + x + ".tenant_id = "
                + p + ".tenant_id AND " + x + ".id = " + p + ".interaction_id WHERE " + p + ".tenant_id = ?1 AND " + p + ".client_id = "
                + c + ".id AND (" + criterion.fold(new InteractionSql(parameters, x, dialect)) + "))";
    }

    private String param(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private String in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return "1 = 0";
        }
        return column + " IN (" + values.stream().map(this::param).collect(Collectors.joining(", ")) + ")";
    }

    private static OffsetDateTime utc(java.time.Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    @Override
    public String leaf(InteractionCriterion leaf) {
        return leaf.accept(this);
    }

    @Override
    public String idIn(InteractionCriterion.IdIn criterion) {
        return in(i + ".id", criterion.ids().stream().map(id -> id.value()).sorted().collect(Collectors.toList()));
    }

    /** A client taking part matches; a bare list of client ids is read off the participants' index directly. */
    @Override
    public String ofClient(InteractionCriterion.OfClient criterion) {
        String p = "pp" + parameters.size();
        String match;
        if (criterion.client() instanceof ClientCriterion.IdIn) {
            match = in(p + ".client_id", ((ClientCriterion.IdIn) criterion.client()).ids().stream().map(ClientId::value).sorted()
                    .collect(Collectors.toList()));
        } else {
            String c = "pc" + parameters.size();
            match = "EXISTS (SELECT 1 FROM crm_client " + c + " WHERE " + c + ".tenant_id = ?1 AND " + c + ".id = " + p + ".client_id AND ("
                    + criterion.client().fold(new SqlCriteria(parameters, c, dialect)) + "))";
        }
        return "EXISTS (SELECT 1 FROM crm_interaction_participant " + p + " WHERE " + p + ".tenant_id = " + i + ".tenant_id AND " + p
                + ".interaction_id = " + i + ".id AND " + match + ")";
    }

    @Override
    public String responsibleIn(InteractionCriterion.ResponsibleIn criterion) {
        return in(i + ".responsible", values(criterion.employees()));
    }

    /**
     * Responsible for it or taking part: a row in {@code crm_interaction_calendar}, which holds
     * every involved employee of every interaction (the responsible included) with its start and
     * end keys. Inside a conjunction that also requires {@code Overlaps(period)}, the sub-select also
     * carries the start-key bounds that leaf implies and the period's earliest start as a lower
     * bound of the end key, so that a planner may read one range of {@code crm_interaction_calendar_ix}
     * per employee (PostgreSQL); H2 probes the primary key per row of the start-key range. The bounds
     * change nothing there, since the conjunction holds only for items within them.
     */
    @Override
    public String involves(InteractionCriterion.Involves criterion) {
        if (criterion.employees().isEmpty()) {
            return "1 = 0";
        }
        String e = "ie" + parameters.size();
        // correlated EXISTS, not id IN (…): H2 2.x reads the whole tenant's primary-key range for an IN sub-select on (tenant_id, id)
        StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM crm_interaction_calendar " + e + " WHERE " + e + ".tenant_id = "
                + i + ".tenant_id AND " + e + ".interaction_id = " + i + ".id AND " + in(e + ".employee", values(criterion.employees())));
        if (required.isPresent()) {
            CalendarPeriod period = required.get();
            sql.append(" AND ").append(e).append(".start_key >= ").append(param(utc(lowestOverlapping(period)))).append(" AND ").append(e)
                    .append(".start_key < ").append(param(utc(highestStart(period)))).append(" AND ").append(e).append(".end_key >= ")
                    .append(param(utc(lowestStart(period))));
        }
        return sql.append(")").toString();
    }

    @Override
    public String and(List<Criterion<InteractionCriterion>> parts) {
        Optional<CalendarPeriod> outer = required;
        if (longestSpanMicros != null) {
            parts.stream().filter(p -> p instanceof InteractionCriterion.Overlaps).findFirst()
                    .ifPresent(p -> required = Optional.of(((InteractionCriterion.Overlaps) p).period()));
        }
        try {
            return super.and(parts);
        } finally {
            required = outer;
        }
    }

    @Override
    public String or(List<Criterion<InteractionCriterion>> parts) {
        Optional<CalendarPeriod> outer = required;
        required = Optional.empty();
        try {
            return super.or(parts);
        } finally {
            required = outer;
        }
    }

    @Override
    public String not(Criterion<InteractionCriterion> part) {
        Optional<CalendarPeriod> outer = required;
        required = Optional.empty();
        try {
            return super.not(part);
        } finally {
            required = outer;
        }
    }

    /** The earliest start key of an item overlapping the period: its lowest start less the tenant's longest span. */
    private Instant lowestOverlapping(CalendarPeriod period) {
        if (longest == null) {
            longest = longestSpanMicros.getAsLong();
        }
        return lowestStart(period).minus(Duration.of(longest, ChronoUnit.MICROS));
    }

    private static List<String> values(Collection<EmployeeId> employees) {
        return employees.stream().map(EmployeeId::value).sorted().collect(Collectors.toList());
    }

    @Override
    public String authorIs(InteractionCriterion.AuthorIs criterion) {
        return "(" + i + ".author IS NOT NULL AND " + i + ".author = " + param(criterion.employee().value()) + ")";
    }

    @Override
    public String kindIn(InteractionCriterion.KindIn criterion) {
        return in(i + ".kind", criterion.kinds().stream().map(k -> k.key()).sorted().collect(Collectors.toList()));
    }

    @Override
    public String stateIn(InteractionCriterion.StateIn criterion) {
        return in(i + ".state", criterion.states().stream().map(Enum::name).sorted().collect(Collectors.toList()));
    }

    @Override
    public String importanceIs(InteractionCriterion.ImportanceIs criterion) {
        return i + ".importance = " + param(criterion.importance().name());
    }

    @Override
    public String startedWithinLastDays(InteractionCriterion.StartedWithinLastDays criterion) {
        throw new CrmException("the relative condition \"started within last " + criterion.days()
                + " days\" must be read at a moment first (Criterion.at(rule, now)); the Crm's use cases do it with its clock");
    }

    @Override
    public String startsIn(InteractionCriterion.StartsIn criterion) {
        CalendarPeriod period = criterion.period();
        // the bounds on start_key this implies, so that one range of crm_interaction_start_ix is read
        String bounds = longestSpanMicros == null ? "" : startKeyBetween(lowestStart(period), highestStart(period)) + " AND ";
        return "(" + bounds + "((" + i
                + ".start_at IS NOT NULL AND " + i + ".start_at >= " + param(utc(period.from())) + " AND " + i + ".start_at < "
                + param(utc(period.until())) + ") OR (" + i + ".first_day IS NOT NULL AND " + i + ".first_day >= "
                + param(period.firstDay()) + " AND " + i + ".first_day <= " + param(period.lastDay()) + ")))";
    }

    /**
     * Where a start key can lie for an item in the period: a timed item's key is its start, an
     * all-day item's its first day at midnight UTC, so the period's instants or its days at midnight
     * UTC, whichever reach further (the days are those of the period's zone).
     */
    private static Instant lowestStart(CalendarPeriod period) {
        Instant day = period.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        return day.isBefore(period.from()) ? day : period.from();
    }

    private static Instant highestStart(CalendarPeriod period) {
        Instant day = period.lastDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return day.isAfter(period.until()) ? day : period.until();
    }

    private String startKeyBetween(Instant from, Instant until) {
        return i + ".start_key >= " + param(utc(from)) + " AND " + i + ".start_key < " + param(utc(until));
    }

    /** As {@code Timing.overlaps}: a timed item starts before the end and ends after the start (a moment lies in it). */
    @Override
    public String overlaps(InteractionCriterion.Overlaps criterion) {
        CalendarPeriod period = criterion.period();
        // An item overlapping the period ends after its start (a timed item after from; an all-day item's
        // end key, the day after its last day at midnight UTC, after the first day's midnight UTC), so it
        // starts at most the tenant's longest span before that: bounded on both sides, start_key is one
        // index range.
        String bounds = "";
        if (longestSpanMicros != null) {
            bounds = startKeyBetween(lowestOverlapping(period), highestStart(period)) + " AND ";
        }
        String from = param(utc(period.from()));
        String timed = i + ".start_at IS NOT NULL AND " + i + ".start_at < " + param(utc(period.until())) + " AND (" + i + ".end_at > "
                + from + " OR " + i + ".start_at >= " + from + ")";
        String allDay = i + ".first_day IS NOT NULL AND " + i + ".first_day <= " + param(period.lastDay()) + " AND " + i + ".last_day >= "
                + param(period.firstDay());
        return "(" + bounds + "((" + timed + ") OR (" + allDay + ")))";
    }

    /** As {@code Interaction.overdueAt}: open, and a promise due before today, or an item that ended before now (today). */
    @Override
    public String overdueAt(InteractionCriterion.OverdueAt criterion) {
        String today = param(criterion.today());
        return "(" + i + ".state IN (" + OPEN + ") AND " + i + ".recurrence IS NULL AND ((" + i + ".promise_due IS NOT NULL AND " + i + ".promise_due < " + today + ") OR ("
                + i + ".promise_due IS NULL AND ((" + i + ".end_at IS NOT NULL AND " + i + ".end_at < " + param(utc(criterion.now()))
                + ") OR (" + i + ".last_day IS NOT NULL AND " + i + ".last_day < " + today + ")))))";
    }

    @Override
    public String subjectContains(InteractionCriterion.SubjectContains criterion) {
        return i + ".subject_key LIKE " + param("%" + SqlCriteria.escapeLike(criterion.fragment()) + "%") + " ESCAPE '\\'";
    }

    @Override
    public String contentContains(InteractionCriterion.ContentContains criterion) {
        return "(" + i + ".content_key IS NOT NULL AND " + i + ".content_key LIKE "
                + param("%" + SqlCriteria.escapeLike(criterion.fragment()) + "%") + " ESCAPE '\\')";
    }

    @Override
    public String forDeal(InteractionCriterion.ForDeal criterion) {
        return "(" + i + ".deal_id IS NOT NULL AND " + i + ".deal_id = " + param(criterion.deal().value()) + ")";
    }
}
