package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmployeeId;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealId;
import org.crmkit.interaction.Direction;
import org.crmkit.interaction.Importance;
import org.crmkit.interaction.AnalysisCount;
import org.crmkit.interaction.AnalysisRow;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionQuery;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.OccurrenceId;
import org.crmkit.interaction.OccurrenceOverride;
import org.crmkit.interaction.Promise;
import org.crmkit.interaction.Recurrence;
import org.crmkit.interaction.Series;
import org.crmkit.interaction.QuietClient;
import org.crmkit.interaction.PromiseSide;
import org.crmkit.interaction.Timing;

/**
 * The InteractionStore of a JPA unit of work, by plain JDBC on the unit's connection (as pages of
 * clients are read): a query is one statement over {@code crm_interaction} with the criterion
 * translated by {@link InteractionSql}, then one statement per child table for the page
 * ({@code crm_interaction_participant}, {@code crm_interaction_employee}); {@code crm_interaction_calendar}
 * (every involved employee with the start and end keys, for {@code Involves}) is written beside them. Writes are JDBC batches
 * in the unit's transaction; an update first moves the version ({@link JpaStores#bumpVersion}), so
 * a second writer from the same version changes nothing.
 *
 * <p>Size (about 465 lines): the SQL of the criteria is in {@link InteractionSql}, the reports in
 * {@link InteractionReportSql}, the longest span in {@link InteractionSpans}; what stays is the
 * mapping of one aggregate to its five tables (the item, participants, employees, the per-employee
 * calendar rows, overrides), which every read and write here shares.
 */
final class JpaInteractionStore implements InteractionStore {
    private static final String TABLE = "crm_interaction";
    private static final String COLUMNS = "tenant_id, id, interaction_number, kind, direction, state, subject, subject_key, content_text,"
            + " content_key, result_text, timed, start_at, end_at, first_day, last_day, start_key, due_key, responsible, author,"
            + " importance, project, based_on, deal_id, promise_due, promise_side, recurrence, recurrence_zone, series_end_key, version";

    /** The {@code series_end_key} of an endless series: after every period, so a series is found by one range of the key. */
    static final Instant ENDLESS = Instant.parse("9999-12-31T00:00:00Z");

    private final JpaStores u;

    JpaInteractionStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public Optional<Interaction> get(InteractionId id) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>(List.of(u.tenant, id.value()));
        return interactionsOf(u.select(new JpaStores.Select("SELECT i.* FROM crm_interaction i WHERE i.tenant_id = ?1 AND i.id = ?2",
                parameters), JpaInteractionStore::row)).stream().findFirst();
    }

    @Override
    public List<Interaction> find(InteractionQuery query) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        String where = where(query.where(), parameters);
        String order;
        switch (query.order()) {
            case NUMBER:
                order = "i.interaction_number";
                break;
            case DUE:
                order = "i.responsible, i.due_key, i.id";
                break;
            default:
                order = "i.start_key, i.id";
                break;
        }
        return interactionsOf(u.select(new JpaStores.Select("SELECT i.* FROM crm_interaction i WHERE " + where + " ORDER BY " + order
                + " OFFSET " + query.offset() + " ROWS FETCH NEXT " + query.limit() + " ROWS ONLY", parameters), JpaInteractionStore::row));
    }

    @Override
    public long count(Criterion<InteractionCriterion> where) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT COUNT(*) AS n FROM crm_interaction i WHERE " + where(where, parameters);
        return u.select(new JpaStores.Select(sql, parameters), rs -> rs.getLong("n")).get(0);
    }

    @Override
    public List<Interaction> findAfter(Criterion<InteractionCriterion> where, Optional<InteractionId> after, int limit) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT i.* FROM crm_interaction i WHERE ").append(where(where, parameters));
        if (after.isPresent()) {
            parameters.add(after.get().value());
            sql.append(" AND i.id > ?").append(parameters.size());
        }
        sql.append(" ORDER BY i.tenant_id, i.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return interactionsOf(u.select(new JpaStores.Select(sql.toString(), parameters), JpaInteractionStore::row));
    }

    /** One grouping statement (see {@link InteractionReportSql}). */
    @Override
    public List<AnalysisRow> analysis(Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients) {
        u.checkOpen();
        return InteractionReportSql.analysis(u, interactions, clients);
    }

    /** One grouping statement (see {@link InteractionReportSql}). */
    @Override
    public List<AnalysisCount> analysisCounts(Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients) {
        u.checkOpen();
        return InteractionReportSql.analysisCounts(u, interactions, clients);
    }

    /** One statement (see {@link InteractionReportSql}). */
    @Override
    public List<QuietClient> withoutInteractions(Criterion<ClientCriterion> clients, Criterion<InteractionCriterion> counting) {
        u.checkOpen();
        return InteractionReportSql.withoutInteractions(u, clients, counting);
    }

    /** {@code i.tenant_id = ?1 AND (…)}: the tenant first, then the translated criterion. */
    private String where(Criterion<InteractionCriterion> criterion, List<Object> parameters) {
        parameters.add(u.tenant);
        return "i.tenant_id = ?1 AND (" + criterion.fold(new InteractionSql(parameters, "i", u.dialect, () -> InteractionSpans.longest(u)))
                + ")";
    }

    @Override
    public Interaction insert(Interaction interaction) {
        u.writing();
        InteractionSpans.cover(u, InteractionSpans.of(interaction.timing()));
        u.batch(b -> {
            try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_interaction (" + COLUMNS + ") VALUES ("
                    + "?, ".repeat(29) + "?)")) {
                bindRow(insert.set(u.tenant, Types.VARCHAR).set(interaction.id().value(), Types.OTHER), interaction)
                        .set(1L, Types.BIGINT).row();
            }
            insertChildren(b, interaction);
        });
        return interaction.withVersion(1);
    }

    @Override
    public Interaction update(Interaction interaction) {
        u.writing();
        InteractionSpans.cover(u, InteractionSpans.of(interaction.timing()));
        UUID id = interaction.id().value();
        long version = u.bumpVersion(TABLE, id, interaction.version(), "interaction", interaction.id());
        u.batch(b -> {
            try (BatchInserts.Batch update = b.statement("UPDATE crm_interaction SET " + COLUMNS.replace("tenant_id, id, ", "")
                    .replace(", version", "").replace(",", " = ?,") + " = ? WHERE tenant_id = ? AND id = ?")) {
                bindRow(update, interaction).set(u.tenant, Types.VARCHAR).set(id, Types.OTHER).row();
            }
            for (String child : List.of("crm_interaction_participant", "crm_interaction_employee", "crm_interaction_calendar")) {
                try (BatchInserts.Batch delete = b.statement("DELETE FROM " + child + " WHERE tenant_id = ? AND interaction_id = ?")) {
                    delete.set(u.tenant, Types.VARCHAR).set(id, Types.OTHER).row();
                }
            }
            insertChildren(b, interaction);
        });
        return interaction.withVersion(version);
    }

    /** The columns from {@code interaction_number} to {@code series_end_key}, in the order of {@link #COLUMNS}. */
    private static BatchInserts.Batch bindRow(BatchInserts.Batch row, Interaction x) throws SQLException {
        Optional<Timing.Timed> timed = x.timing() instanceof Timing.Timed ? Optional.of((Timing.Timed) x.timing()) : Optional.empty();
        Optional<Timing.AllDay> days = x.timing() instanceof Timing.AllDay ? Optional.of((Timing.AllDay) x.timing()) : Optional.empty();
        return row.set(x.number(), Types.BIGINT).set(x.kind().key(), Types.VARCHAR)
                .set(x.direction().map(Enum::name).orElse(null), Types.VARCHAR).set(x.state().name(), Types.VARCHAR)
                .set(x.subject(), Types.VARCHAR).set(CleanText.fold(x.subject()), Types.VARCHAR)
                .set(x.content().orElse(null), Types.VARCHAR).set(x.content().map(CleanText::fold).orElse(null), Types.VARCHAR)
                .set(x.result().orElse(null), Types.VARCHAR).set(timed.isPresent(), Types.BOOLEAN)
                .set(timed.map(t -> utc(t.start())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .set(timed.map(t -> utc(t.end())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .set(days.map(Timing.AllDay::first).orElse(null), Types.DATE).set(days.map(Timing.AllDay::last).orElse(null), Types.DATE)
                .set(utc(x.timing().startKey()), Types.TIMESTAMP_WITH_TIMEZONE).set(utc(x.dueKey()), Types.TIMESTAMP_WITH_TIMEZONE)
                .set(x.responsible().value(), Types.VARCHAR).set(x.author().map(EmployeeId::value).orElse(null), Types.VARCHAR)
                .set(x.importance().name(), Types.VARCHAR).set(x.project().orElse(null), Types.VARCHAR)
                .set(x.basedOn().map(InteractionId::value).orElse(null), Types.OTHER)
                .set(x.deal().map(DealId::value).orElse(null), Types.OTHER)
                .set(x.promise().map(Promise::due).orElse(null), Types.DATE)
                .set(x.promise().map(p -> p.side().name()).orElse(null), Types.VARCHAR)
                .set(x.recurrence().map(Recurrence::rule).orElse(null), Types.VARCHAR)
                .set(x.recurrence().flatMap(Recurrence::zone).map(java.time.ZoneId::getId).orElse(null), Types.VARCHAR)
                .set(x.recurs() ? utc(x.seriesEndBound().orElse(ENDLESS)) : null, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private void insertChildren(BatchInserts b, Interaction x) throws SQLException {
        if (!x.participants().isEmpty()) {
            try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_interaction_participant (tenant_id, interaction_id, position,"
                    + " client_id, person_id, channel_type, channel_value) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int k = 0; k < x.participants().size(); k++) {
                    Participant p = x.participants().get(k);
                    insert.set(u.tenant, Types.VARCHAR).set(x.id().value(), Types.OTHER).set(k, Types.INTEGER)
                            .set(p.client().value(), Types.OTHER).set(p.person().map(ContactPersonId::value).orElse(null), Types.OTHER)
                            .set(p.channel().map(c -> c.type().name()).orElse(null), Types.VARCHAR)
                            .set(p.channel().map(ContactEntry::value).orElse(null), Types.VARCHAR).row();
                }
            }
        }
        if (!x.otherEmployees().isEmpty()) {
            try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_interaction_employee (tenant_id, interaction_id, employee)"
                    + " VALUES (?, ?, ?)")) {
                for (EmployeeId e : x.otherEmployees()) {
                    insert.set(u.tenant, Types.VARCHAR).set(x.id().value(), Types.OTHER).set(e.value(), Types.VARCHAR).row();
                }
            }
        }
        // every employee involved, the responsible included, with the keys: what Involves reads
        try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_interaction_calendar (tenant_id, interaction_id, employee, start_key,"
                + " end_key) VALUES (?, ?, ?, ?, ?)")) {
            for (EmployeeId e : x.employees()) {
                insert.set(u.tenant, Types.VARCHAR).set(x.id().value(), Types.OTHER).set(e.value(), Types.VARCHAR)
                        .set(utc(x.timing().startKey()), Types.TIMESTAMP_WITH_TIMEZONE)
                        .set(utc(x.timing().endKey()), Types.TIMESTAMP_WITH_TIMEZONE).row();
            }
        }
    }

    @Override
    public long reserveNumbers(int count) {
        u.writing();
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        return CodeCounter.reserve(u.factory, "crm_interaction_counter", u.tenant, count);
    }

    /** One row of {@code crm_interaction} as read, before its children are added. */
    private record Row(UUID id, long number, String kind, String direction, String state, String subject, String content, String result,
                       boolean timed, OffsetDateTime startAt, OffsetDateTime endAt, LocalDate firstDay, LocalDate lastDay,
                       String responsible, String author, String importance, String project, UUID basedOn, UUID deal, LocalDate promiseDue,
                       String promiseSide, String recurrence, String recurrenceZone, long version) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getLong("interaction_number"), rs.getString("kind"), rs.getString("direction"),
                rs.getString("state"), rs.getString("subject"), rs.getString("content_text"), rs.getString("result_text"),
                rs.getBoolean("timed"), rs.getObject("start_at", OffsetDateTime.class), rs.getObject("end_at", OffsetDateTime.class),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class), rs.getString("responsible"),
                rs.getString("author"), rs.getString("importance"), rs.getString("project"), rs.getObject("based_on", UUID.class), rs.getObject("deal_id", UUID.class),
                rs.getObject("promise_due", LocalDate.class), rs.getString("promise_side"), rs.getString("recurrence"), rs.getString("recurrence_zone"), rs.getLong("version"));
    }

    /** A participant row and its position. */
    private record ParticipantRow(UUID interaction, int position, Participant participant) {
    }

    private static ParticipantRow participant(ResultSet rs) throws SQLException {
        String channelType = rs.getString("channel_type");
        String channelValue = rs.getString("channel_value");
        Optional<ContactEntry> channel = channelType == null ? Optional.empty()
                : Optional.of(new ContactEntry(ContactType.valueOf(channelType), channelValue, Optional.empty(), false));
        return new ParticipantRow(rs.getObject("interaction_id", UUID.class), rs.getInt("position"),
                new Participant(new ClientId(rs.getObject("client_id", UUID.class)),
                        Optional.ofNullable(rs.getObject("person_id", UUID.class)).map(ContactPersonId::new), channel));
    }

    /** An employee row. */
    private record EmployeeRow(UUID interaction, EmployeeId employee) {
    }

    /** The interactions of some rows, in their order, with their participants and employees (one statement per table). */
    private List<Interaction> interactionsOf(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).collect(Collectors.toList());
        Map<UUID, List<Participant>> participants = u.ownedRows("crm_interaction_participant", "interaction_id", ids,
                select -> u.select(select, JpaInteractionStore::participant))
                .stream().sorted(Comparator.comparingInt(ParticipantRow::position))
                .collect(Collectors.groupingBy(ParticipantRow::interaction, Collectors.mapping(ParticipantRow::participant, Collectors.toList())));
        Map<UUID, List<EmployeeId>> employees = u.ownedRows("crm_interaction_employee", "interaction_id", ids,
                select -> u.select(select, rs -> new EmployeeRow(rs.getObject("interaction_id", UUID.class),
                        new EmployeeId(rs.getString("employee")))))
                .stream().collect(Collectors.groupingBy(EmployeeRow::interaction, Collectors.mapping(EmployeeRow::employee, Collectors.toList())));
        return rows.stream().map(r -> interaction(r, participants.getOrDefault(r.id(), List.of()), employees.getOrDefault(r.id(), List.of())))
                .collect(Collectors.toList());
    }

    private static Interaction interaction(Row r, List<Participant> participants, List<EmployeeId> employees) {
        Timing timing = r.timed() ? Timing.timed(r.startAt().toInstant(), r.endAt().toInstant()) : Timing.allDay(r.firstDay(), r.lastDay());
        return new Interaction(new InteractionId(r.id()), r.number(), new InteractionKind(r.kind()),
                Optional.ofNullable(r.direction()).map(Direction::valueOf), InteractionState.valueOf(r.state()), r.subject(),
                Optional.ofNullable(r.content()), Optional.ofNullable(r.result()), timing, new EmployeeId(r.responsible()), employees,
                Optional.ofNullable(r.author()).map(EmployeeId::new), Importance.valueOf(r.importance()), Optional.ofNullable(r.project()),
                Optional.ofNullable(r.basedOn()).map(InteractionId::new), Optional.ofNullable(r.deal()).map(DealId::new), participants,
                Optional.ofNullable(r.promiseDue()).map(due -> new Promise(due, PromiseSide.valueOf(r.promiseSide()))),
                Optional.ofNullable(r.recurrence()).map(rule -> new Recurrence(rule, Optional.ofNullable(r.recurrenceZone())
                        .map(java.time.ZoneId::of))), r.version());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** A row of {@code crm_interaction_occurrence}. */
    private static OccurrenceOverride override(ResultSet rs, String prefix) throws SQLException {
        boolean timed = rs.getBoolean(prefix + "timed");
        Timing timing = timed ? Timing.timed(rs.getObject(prefix + "start_at", OffsetDateTime.class).toInstant(),
                rs.getObject(prefix + "end_at", OffsetDateTime.class).toInstant())
                : Timing.allDay(rs.getObject(prefix + "first_day", LocalDate.class), rs.getObject(prefix + "last_day", LocalDate.class));
        return new OccurrenceOverride(new OccurrenceId(new InteractionId(rs.getObject(prefix + "series_id", UUID.class)),
                rs.getObject(prefix + "original_start", OffsetDateTime.class).toInstant()), timing,
                InteractionState.valueOf(rs.getString(prefix + "state")), Optional.ofNullable(rs.getString(prefix + "result_text")),
                Optional.ofNullable(rs.getString(prefix + "responsible")).map(EmployeeId::new), rs.getLong(prefix + "version"));
    }

    /** A series row and one of its overrides (none: the series has none), as the joined statement returns them. */
    private record SeriesRow(Row series, Optional<OccurrenceOverride> override) {
    }

    private static final String OVERRIDE_COLUMNS = "series_id, original_start, state, result_text, responsible, timed, start_at, end_at,"
            + " first_day, last_day, start_key, end_key, version";

    /**
     * One statement: the series matching the criterion that reach into the stretch (by their first
     * start and {@code series_end_key}, or by an override that overlaps it), joined with all their
     * overrides; then the participants and employees of those series as for any page.
     */
    @Override
    public List<Series> series(Criterion<InteractionCriterion> where, Instant from, Instant until) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        String matching = where(where, parameters);
        parameters.add(utc(until));
        int untilAt = parameters.size();
        parameters.add(utc(from));
        int fromAt = parameters.size();
        String overrides = Arrays.stream(OVERRIDE_COLUMNS.split(", ")).map(c -> "o." + c + " AS o_" + c).collect(Collectors.joining(", "));
        // two branches, each filtered by the criterion on the series row itself. The first: the series not ended before the
        // stretch and started before its end (singles have no series_end_key), one range of crm_interaction_series_ix; filtering
        // there, not after collecting candidates by id, keeps PostgreSQL from looking up every series of the tenant that
        // reaches into the stretch (InteractionWeekBenchmark). The second: the other series with an override in the stretch,
        // driven from the overrides and joined to their series by key (H2 reads a whole tenant for id IN (sub-select) on the
        // key (tenant_id, id)); UNION ALL, since it leaves out what the first found.
        String inStretch = "i.series_end_key >= ?" + fromAt + " AND i.start_key < ?" + untilAt;
        String sql = "SELECT s.*, " + overrides + " FROM (SELECT i.* FROM " + u.dialect.seriesTable() + " WHERE " + matching
                + " AND i.recurrence IS NOT NULL AND " + inStretch
                + " UNION ALL SELECT i.* FROM (SELECT DISTINCT m.series_id FROM crm_interaction_occurrence m WHERE m.tenant_id = ?1"
                + " AND m.start_key < ?" + untilAt + " AND m.end_key >= ?" + fromAt + ") k JOIN crm_interaction i ON i.tenant_id = ?1"
                + " AND i.id = k.series_id WHERE " + matching + " AND i.recurrence IS NOT NULL AND NOT (" + inStretch + ")) s"
                + " LEFT JOIN crm_interaction_occurrence o ON o.tenant_id = s.tenant_id AND o.series_id = s.id"
                + " ORDER BY s.id, o.original_start";
        List<SeriesRow> rows = u.select(new JpaStores.Select(sql, parameters), rs -> new SeriesRow(row(rs),
                rs.getObject("o_series_id", UUID.class) == null ? Optional.empty() : Optional.of(override(rs, "o_"))));
        Map<UUID, Row> series = new LinkedHashMap<>();
        Map<UUID, List<OccurrenceOverride>> overridesOf = new LinkedHashMap<>();
        for (SeriesRow r : rows) {
            series.putIfAbsent(r.series().id(), r.series());
            List<OccurrenceOverride> own = overridesOf.computeIfAbsent(r.series().id(), k -> new ArrayList<>());
            r.override().ifPresent(own::add);
        }
        return interactionsOf(new ArrayList<>(series.values())).stream()
                .sorted(Comparator.comparing(i -> i.id().value(), org.crmkit.common.SortOrder.UUIDS))
                .map(i -> new Series(i, overridesOf.get(i.id().value()))).collect(Collectors.toList());
    }

    @Override
    public List<OccurrenceOverride> overrides(InteractionId series) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_interaction_occurrence WHERE tenant_id = ?1 AND series_id = ?2"
                + " ORDER BY original_start", List.of(u.tenant, series.value())), rs -> override(rs, ""));
    }

    /**
     * A new override: refused as a concurrent change when one is stored (also when another unit
     * inserted it first: the primary key); a changed one: its version moved first by one UPDATE
     * guarded by the version read, then its columns.
     */
    @Override
    public OccurrenceOverride saveOverride(OccurrenceOverride override) {
        u.writing();
        OccurrenceId id = override.id();
        if (override.version() == 0) {
            if (!u.select(new JpaStores.Select("SELECT version FROM crm_interaction_occurrence WHERE tenant_id = ?1 AND series_id = ?2"
                    + " AND original_start = ?3", List.of(u.tenant, id.series().value(), utc(id.originalStart()))), rs -> rs.getLong(1)).isEmpty()) {
                throw new ConcurrentChangeException("occurrence", id, 0);
            }
            try {
                u.batch(b -> {
                    try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_interaction_occurrence (tenant_id, " + OVERRIDE_COLUMNS
                            + ") VALUES (" + "?, ".repeat(13) + "?)")) {
                        bindOverride(insert.set(u.tenant, Types.VARCHAR).set(id.series().value(), Types.OTHER)
                                .set(utc(id.originalStart()), Types.TIMESTAMP_WITH_TIMEZONE), override).set(1L, Types.BIGINT).row();
                    }
                });
            } catch (DuplicateException e) {
                throw new ConcurrentChangeException("occurrence", id, 0);
            }
            return override.withVersion(1);
        }
        int moved = u.execute(new JpaStores.Select("UPDATE crm_interaction_occurrence SET version = ?1 WHERE tenant_id = ?2 AND series_id = ?3"
                + " AND original_start = ?4 AND version = ?5", List.of(override.version() + 1, u.tenant, id.series().value(),
                utc(id.originalStart()), override.version())));
        if (moved != 1) {
            throw new ConcurrentChangeException("occurrence", id, override.version());
        }
        u.batch(b -> {
            try (BatchInserts.Batch update = b.statement("UPDATE crm_interaction_occurrence SET state = ?, result_text = ?, responsible = ?, timed = ?,"
                    + " start_at = ?, end_at = ?, first_day = ?, last_day = ?, start_key = ?, end_key = ? WHERE tenant_id = ? AND series_id = ?"
                    + " AND original_start = ?")) {
                bindOverride(update, override).set(u.tenant, Types.VARCHAR).set(id.series().value(), Types.OTHER)
                        .set(utc(id.originalStart()), Types.TIMESTAMP_WITH_TIMEZONE).row();
            }
        });
        return override.withVersion(override.version() + 1);
    }

    /** The columns from {@code state} to {@code end_key}. */
    private static BatchInserts.Batch bindOverride(BatchInserts.Batch row, OccurrenceOverride o) throws SQLException {
        Optional<Timing.Timed> timed = o.timing() instanceof Timing.Timed ? Optional.of((Timing.Timed) o.timing()) : Optional.empty();
        Optional<Timing.AllDay> days = o.timing() instanceof Timing.AllDay ? Optional.of((Timing.AllDay) o.timing()) : Optional.empty();
        return row.set(o.state().name(), Types.VARCHAR).set(o.result().orElse(null), Types.VARCHAR)
                .set(o.responsible().map(EmployeeId::value).orElse(null), Types.VARCHAR).set(timed.isPresent(), Types.BOOLEAN)
                .set(timed.map(t -> utc(t.start())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .set(timed.map(t -> utc(t.end())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .set(days.map(Timing.AllDay::first).orElse(null), Types.DATE).set(days.map(Timing.AllDay::last).orElse(null), Types.DATE)
                .set(utc(o.timing().startKey()), Types.TIMESTAMP_WITH_TIMEZONE).set(utc(o.timing().endKey()), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    public void deleteOverrides(InteractionId series, Collection<Instant> originalStarts) {
        u.writing();
        if (originalStarts.isEmpty()) {
            return;
        }
        u.batch(b -> {
            try (BatchInserts.Batch delete = b.statement("DELETE FROM crm_interaction_occurrence WHERE tenant_id = ? AND series_id = ?"
                    + " AND original_start = ?")) {
                for (Instant start : originalStarts) {
                    delete.set(u.tenant, Types.VARCHAR).set(series.value(), Types.OTHER).set(utc(start), Types.TIMESTAMP_WITH_TIMEZONE).row();
                }
            }
        });
    }
}
