package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientStore;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.Occurrence;
import org.crmkit.interaction.OccurrenceId;
import org.crmkit.interaction.OccurrenceOverride;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Recurrence;
import org.crmkit.interaction.Timing;
import org.crmkit.jpa.JpaStorage;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * One employee's calendar week with recurring items expanded (issue 14, performance):
 * {@code crm.interactions().occurrences().calendar(Set.of(employee), week)} against a baseline
 * written by hand in this class: two plain JDBC range queries (the employee's single items
 * overlapping the week; the employee's series that may reach into it, joined with their
 * overrides) and the expansion of those series by lib-recur directly, overrides applied.
 *
 * <p>Dataset (seeded, loaded in batches through crmkit's stores): clients, employees (one in ten in
 * America/New_York, the others in Europe/Moscow), interactions over the three years 2024–2026, of
 * which one in twenty is a series (weekly with COUNT, working days with COUNT, monthly, or an
 * endless fortnightly rule) and a third of the series have one to three exceptions (an occurrence
 * done, cancelled, moved by an hour or by a day); one in ten items has a second employee taking
 * part; one in eight single items is all-day.
 *
 * <p>Correctness first: for every sampled (employee, week), warm-up ones included, crmkit's
 * occurrences must equal the baseline's (interaction, start instant, state, in time order), and a
 * fixed case across the 2026 DST change in New York must give the instants written down here. The
 * run stops with an exception on the first difference. Then both are timed interleaved, call by call.
 *
 * <p>Run (from crm-examples/crm-benchmarks, class path as in BENCHMARKS.md):
 * {@code java -cp target/classes:$(cat target/cp.txt) org.crmkit.examples.benchmarks.InteractionWeekBenchmark}
 * with options {@code --interactions 1000000 --clients 100000 --employees 500 --weeks 500 --warmup 200 --db h2,pg}
 * ({@code --load false} reuses the base an earlier run left in {@code target/bench-data});
 * the full size is {@code --interactions 10000000 --clients 1000000} (H2 at a tenth of it).
 */
public final class InteractionWeekBenchmark {
    private static final String TENANT = "bench-week";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 3 * 365 + 1;
    /** The longest single item the generator makes (an all-day item of three days): the lower bound of the baseline's range. */
    private static final Duration LONGEST_SINGLE = Duration.ofDays(4);
    /** How far the generator moves an occurrence at most, and the slack of the baseline's expansion window. */
    private static final Duration SLACK = Duration.ofDays(2);
    private static final EmployeeId DST_EMPLOYEE = EmployeeId.of("emp-dst");

    private InteractionWeekBenchmark() {
    }

    private interface Operation {
        List<Entry> run() throws Exception;
    }

    /** What both sides must agree on for each occurrence: which interaction, its start, its state. */
    record Entry(UUID interaction, Instant start, String state) {
        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::start).thenComparing(Entry::interaction);
    }

    /** One sampled week of one employee. */
    private record Week(EmployeeId employee, CalendarPeriod period) {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "20000", "interactions", "200000", "employees", "500", "weeks", "400",
                "warmup", "200", "db", "h2,pg", "seed", "20261206", "explain", "false", "h2-fraction", "10",
                "load", "true"));
        for (String name : List.of("clients", "interactions", "employees", "weeks", "h2-fraction")) {
            if (args.number(name) < 1) {
                throw new IllegalArgumentException("--" + name + " must be positive, not " + args.text(name));
            }
        }
        Path target = Path.of("target");
        Report report = new Report(target, String.format(Locale.ROOT, "One employee's week with recurring items, %,d interactions"
                + " (H2: a %s-th) of %d employees", args.number("interactions"), args.text("h2-fraction"), args.integer("employees")),
                "InteractionWeekBenchmark " + args.describe());
        List<String> rows = new ArrayList<>();
        for (String name : args.databases()) {
            int divisor = name.equals("h2") ? args.integer("h2-fraction") : 1;
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                boolean fresh = args.flag("load");
                BenchDatabase db = server.database("interaction_week", fresh);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                try (JpaStorage storage = db.storage()) {
                    long start = System.nanoTime();
                    if (fresh) {
                        String loaded = load(storage, args, divisor);
                        db.analyze();
                        report.line(String.format(Locale.ROOT, "Loaded through crmkit's stores in %.0f s: %s.",
                                (System.nanoTime() - start) / 1e9, loaded));
                    } else {
                        db.analyze();
                        report.line("Reused the base an earlier run loaded (`--load false`): " + counted(db) + ".");
                    }
                    run(server, db, storage, args, report, rows);
                }
            }
        }
        report.line("").table(List.of("database", "method", "median / p99 ms (n)", "median ÷ baseline", "p99 ÷ baseline p99"), rows);
        report.save();
    }

    /** What a reused base holds, counted. */
    private static String counted(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM crm_client WHERE tenant_id = ?),"
                + " (SELECT COUNT(*) FROM crm_interaction WHERE tenant_id = ?), (SELECT COUNT(*) FROM crm_interaction WHERE tenant_id = ?"
                + " AND recurrence IS NOT NULL), (SELECT COUNT(*) FROM crm_interaction_occurrence WHERE tenant_id = ?)")) {
            for (int k = 1; k <= 4; k++) {
                s.setString(k, TENANT);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return String.format(Locale.ROOT, "%,d clients, %,d interactions of which %,d series with %,d exceptions", rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    static ZoneId zoneOf(int employee) {
        return employee % 10 == 9 ? NEW_YORK : MOSCOW;
    }

    private static EmployeeId employee(int k) {
        return EmployeeId.of("emp" + k);
    }

    /** Loads the dataset and the fixed DST case; answers what it loaded, in words. */
    private static String load(JpaStorage storage, Args args, int divisor) {
        Random random = new Random(args.number("seed"));
        TenantId tenant = TenantId.of(TENANT);
        int employees = args.integer("employees");
        int clientCount = (int) Math.max(1, args.number("clients") / divisor);
        List<ClientId> clients = new ArrayList<>();
        List<Client> batch = new ArrayList<>();
        for (int k = 0; k < clientCount; k++) {
            ClientId id = new ClientId(new UUID(random.nextLong(), random.nextLong()));
            clients.add(id);
            batch.add(Client.register(id, ClientCode.of(String.format("W%07d", k)), ClientKind.LEGAL_ENTITY, "Клиент " + k,
                    LocalDate.of(2020, 1, 1)).assignManager(employee(random.nextInt(employees))));
            if (batch.size() == 1000 || k == clientCount - 1) {
                List<Client> chunk = List.copyOf(batch);
                storage.inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(chunk));
                batch.clear();
            }
        }
        long total = Math.max(1, args.number("interactions") / divisor);
        long seriesCount = 0;
        long overrideCount = 0;
        List<Interaction> items = new ArrayList<>();
        List<OccurrenceOverride> overrides = new ArrayList<>();
        for (long k = 0; k < total; k++) {
            Interaction item = generated(random, k + 1, employees, clients);
            items.add(item);
            if (item.recurs()) {
                seriesCount++;
                List<OccurrenceOverride> own = exceptions(random, item);
                overrideCount += own.size();
                overrides.addAll(own);
            }
            if (items.size() == 1000 || k == total - 1) {
                List<Interaction> chunk = List.copyOf(items);
                List<OccurrenceOverride> chunkOverrides = List.copyOf(overrides);
                storage.inTransaction(tenant, s -> {
                    InteractionStore store = s.get(InteractionStore.class);
                    chunk.forEach(store::insert);
                    chunkOverrides.forEach(store::saveOverride);
                    store.reserveNumbers(chunk.size());
                    return null;
                });
                items.clear();
                overrides.clear();
            }
        }
        Interaction dst = dstSeries(total + 1);
        storage.inTransaction(tenant, s -> {
            InteractionStore store = s.get(InteractionStore.class);
            store.insert(dst);
            store.saveOverride(new OccurrenceOverride(new OccurrenceId(dst.id(), Instant.parse("2026-03-04T15:00:00Z")),
                    Timing.timed(Instant.parse("2026-03-04T15:00:00Z"), Instant.parse("2026-03-04T16:00:00Z")), InteractionState.CANCELLED,
                    Optional.empty(), Optional.empty(), 0));
            store.reserveNumbers(1);
            return null;
        });
        return String.format(Locale.ROOT, "%,d clients, %,d interactions of which %,d series with %,d exceptions, %d employees,"
                + " 2024-01-01 to 2026-12-31", clientCount, total, seriesCount, overrideCount, employees);
    }

    /** A single item or (one in twenty) a series, of a random employee on a working hour of the three years. */
    private static Interaction generated(Random random, long number, int employees, List<ClientId> clients) {
        int e = random.nextInt(employees);
        ZoneId zone = zoneOf(e);
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        Instant start = day.atTime(9 + random.nextInt(9), 30 * random.nextInt(2)).atZone(zone).toInstant();
        Instant end = start.plus(15L * (1 + random.nextInt(8)), ChronoUnit.MINUTES);
        boolean series = random.nextInt(20) == 0;
        Timing timing = !series && random.nextInt(8) == 0 ? Timing.allDay(day, day.plusDays(random.nextInt(3))) : Timing.timed(start, end);
        InteractionKind kind = series ? InteractionKind.MEETING : InteractionKind.BUILT_IN.get(random.nextInt(InteractionKind.BUILT_IN.size()));
        Interaction item = Interaction.plan(new InteractionId(new UUID(random.nextLong(), random.nextLong())), number, kind,
                (series ? "Планёрка " : "Событие ") + number, timing, employee(e), Optional.empty())
                .withParticipants(List.of(Participant.of(clients.get(random.nextInt(clients.size())))));
        if (random.nextInt(10) == 0) {
            int other = random.nextInt(employees);
            if (other != e) {
                item = item.withOtherEmployees(List.of(employee(other)));
            }
        }
        if (series) {
            int shape = random.nextInt(10);
            String rule = shape < 6 ? "FREQ=WEEKLY;COUNT=" + (4 + random.nextInt(49))
                    : shape < 8 ? "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=" + (5 + random.nextInt(16))
                    : shape < 9 ? "FREQ=MONTHLY;COUNT=12" : "FREQ=WEEKLY;INTERVAL=2";
            return item.repeat(Recurrence.of(rule).in(zone));
        }
        int state = random.nextInt(10);
        return state == 0 ? item.cancel() : state < 5 ? item.complete("готово") : item;
    }

    /** For a third of the series, one to three of its first twenty occurrences done, cancelled, or moved by an hour or a day. */
    private static List<OccurrenceOverride> exceptions(Random random, Interaction series) {
        if (random.nextInt(3) != 0) {
            return List.of();
        }
        Recurrence rule = series.recurrence().orElseThrow();
        ZoneId zone = rule.zone().orElseThrow();
        List<Timing> first = rule.within(series.timing(), zone, series.timing().startKey(),
                series.timing().startKey().plus(400, ChronoUnit.DAYS));
        List<Timing> some = first.subList(0, Math.min(20, first.size()));
        Map<Instant, OccurrenceOverride> chosen = new LinkedHashMap<>();
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n && !some.isEmpty(); k++) {
            Timing.Timed ruled = (Timing.Timed) some.get(random.nextInt(some.size()));
            OccurrenceId id = new OccurrenceId(series.id(), ruled.start());
            OccurrenceOverride o;
            switch (random.nextInt(4)) {
                case 0:
                    o = new OccurrenceOverride(id, ruled, InteractionState.DONE, Optional.of("проведено"), Optional.empty(), 0);
                    break;
                case 1:
                    o = new OccurrenceOverride(id, ruled, InteractionState.CANCELLED, Optional.empty(), Optional.empty(), 0);
                    break;
                case 2:
                    o = new OccurrenceOverride(id, Timing.timed(ruled.start().plus(1, ChronoUnit.HOURS), ruled.end().plus(1, ChronoUnit.HOURS)),
                            InteractionState.PLANNED, Optional.empty(), Optional.empty(), 0);
                    break;
                default:
                    o = new OccurrenceOverride(id, Timing.timed(ruled.start().plus(1, ChronoUnit.DAYS), ruled.end().plus(1, ChronoUnit.DAYS)),
                            InteractionState.PLANNED, Optional.empty(), Optional.empty(), 0);
                    break;
            }
            chosen.put(ruled.start(), o);
        }
        return List.copyOf(chosen.values());
    }

    /** A daily 10:00 meeting in New York for two weeks from Monday 2 March 2026, across the DST change of Sunday 8 March. */
    private static Interaction dstSeries(long number) {
        Instant start = LocalDateTime.of(2026, 3, 2, 10, 0).atZone(NEW_YORK).toInstant();
        return Interaction.plan(new InteractionId(UUID.nameUUIDFromBytes("dst-series".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                number, InteractionKind.MEETING, "Утренняя планёрка", Timing.timed(start, start.plus(1, ChronoUnit.HOURS)), DST_EMPLOYEE,
                Optional.empty()).repeat(Recurrence.of("FREQ=DAILY;COUNT=14").in(NEW_YORK));
    }

    /** What the DST case must give, written down: 15:00 UTC (EST) up to Saturday 7 March, 14:00 UTC (EDT) from Sunday 8 March. */
    private static List<Entry> dstExpected(UUID series, LocalDate monday) {
        List<Entry> expected = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            int hourUtc = day.isBefore(LocalDate.of(2026, 3, 8)) ? 15 : 14;
            String state = day.equals(LocalDate.of(2026, 3, 4)) ? "CANCELLED" : "PLANNED";
            expected.add(new Entry(series, day.atTime(hourUtc, 0).toInstant(ZoneOffset.UTC), state));
        }
        return expected;
    }

    private static void run(BenchServer server, BenchDatabase db, JpaStorage storage, Args args, Report report, List<String> rows)
            throws Exception {
        TenantId tenant = TenantId.of(TENANT);
        try (Crm crm = Crm.builder().storage(storage).actor(Actor.system(tenant, "bench")).zone(MOSCOW).build();
             Connection connection = db.connect()) {
            // the fixed DST case first: both sides must give the instants written down
            UUID dstId = dstSeries(1).id().value();
            for (LocalDate monday : List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9))) {
                Week week = new Week(DST_EMPLOYEE, CalendarPeriod.days(monday, monday.plusDays(6), NEW_YORK));
                List<Entry> expected = dstExpected(dstId, monday);
                List<Entry> crmkit = crmkit(crm, week);
                List<Entry> baseline = baseline(connection, week);
                if (!crmkit.equals(expected) || !baseline.equals(expected)) {
                    throw new IllegalStateException("DST week of " + monday + ": expected " + expected + "\ncrmkit   " + crmkit
                            + "\nbaseline " + baseline);
                }
            }
            report.line("DST case (a daily 10:00 New York meeting across 8 March 2026, one occurrence cancelled): both sides give the"
                    + " 14 instants written down.");

            Random random = new Random(args.number("seed") + 1);
            int employees = args.integer("employees");
            List<Week> weeks = new ArrayList<>();
            int total = args.integer("warmup") + args.integer("weeks");
            LocalDate firstMonday = FIRST_DAY.with(DayOfWeek.MONDAY);
            for (int k = 0; k < total; k++) {
                int e = random.nextInt(employees);
                LocalDate monday = firstMonday.plusWeeks(random.nextInt(DAYS / 7));
                weeks.add(new Week(employee(e), CalendarPeriod.days(monday, monday.plusDays(6), zoneOf(e))));
            }
            // correctness corpus: every sampled week, before any timing
            long compared = 0;
            long recurring = 0;
            long withOverride = 0;
            Set<UUID> series = seriesIds(connection);
            for (Week week : weeks) {
                List<Occurrence> occurrences = crm.interactions().occurrences().calendar(Set.of(week.employee()), week.period());
                List<Entry> crmkit = entries(occurrences);
                List<Entry> baseline = baseline(connection, week);
                if (!crmkit.equals(baseline)) {
                    throw new IllegalStateException("week of " + week.period().firstDay() + " of " + week.employee() + " ("
                            + week.period().zone() + "): crmkit and the baseline differ\ncrmkit   " + crmkit + "\nbaseline " + baseline);
                }
                compared += crmkit.size();
                recurring += crmkit.stream().filter(x -> series.contains(x.interaction())).count();
                withOverride += occurrences.stream().filter(o -> o.recurring() && o.version() > 0).count();
            }
            report.line(String.format(Locale.ROOT, "Correctness corpus: %d sampled (employee, week) pairs agree, %,d entries"
                    + " (%,d occurrences of series, %,d of them with an exception), %.1f entries a week on average.", weeks.size(), compared,
                    recurring, withOverride, compared / (double) weeks.size())).line("");

            Latencies base = new Latencies();
            Latencies mine = new Latencies();
            for (int k = 0; k < total; k++) { // interleaved, so both see the same machine; the order alternates
                Week week = weeks.get(k);
                boolean timed = k >= args.integer("warmup");
                long crmNanos;
                long baseNanos;
                if (k % 2 == 0) {
                    long t = System.nanoTime();
                    crm.interactions().occurrences().calendar(Set.of(week.employee()), week.period());
                    crmNanos = System.nanoTime() - t;
                    t = System.nanoTime();
                    baseline(connection, week);
                    baseNanos = System.nanoTime() - t;
                } else {
                    long t = System.nanoTime();
                    baseline(connection, week);
                    baseNanos = System.nanoTime() - t;
                    t = System.nanoTime();
                    crm.interactions().occurrences().calendar(Set.of(week.employee()), week.period());
                    crmNanos = System.nanoTime() - t;
                }
                if (timed) {
                    base.add(baseNanos);
                    mine.add(crmNanos);
                }
            }
            rows.add(Report.row(server.label(), "plain JDBC range queries + lib-recur expansion by hand (baseline)",
                    Latencies.ms(base.median()) + " / " + Latencies.ms(base.p99()) + " (" + base.count() + ")", "1.00", "1.00"));
            rows.add(Report.row(server.label(), "crmkit `occurrences().calendar(Set.of(employee), week)`",
                    Latencies.ms(mine.median()) + " / " + Latencies.ms(mine.p99()) + " (" + mine.count() + ")",
                    String.format(Locale.ROOT, "%.2f", mine.median() / base.median()),
                    String.format(Locale.ROOT, "%.2f", mine.p99() / base.p99())));
            if (server instanceof PostgresServer && args.flag("explain")) {
                String plans = ((PostgresServer) server).plansOf("crm_interaction", () -> {
                    try {
                        for (Week week : weeks.subList(0, Math.min(2, weeks.size()))) {
                            crm.interactions().occurrences().calendar(Set.of(week.employee()), week.period());
                            baseline(connection, week);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                report.line("Plans (auto_explain, ANALYZE) of crmkit's and the baseline's statements for two sampled weeks:").line("")
                        .line("```").line(plans).line("```");
            }
        }
    }

    private static List<Entry> crmkit(Crm crm, Week week) {
        return entries(crm.interactions().occurrences().calendar(Set.of(week.employee()), week.period()));
    }

    private static List<Entry> entries(List<Occurrence> occurrences) {
        List<Entry> entries = new ArrayList<>();
        for (Occurrence o : occurrences) {
            entries.add(new Entry(o.interaction().id().value(), o.timing().startKey(), o.state().name()));
        }
        entries.sort(Entry.ORDER);
        return entries;
    }

    private static Set<UUID> seriesIds(Connection connection) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM crm_interaction WHERE tenant_id = ? AND recurrence IS NOT NULL")) {
            s.setString(1, TENANT);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        connection.rollback();
        return ids;
    }

    private static final String INVOLVES = "(i.responsible = ? OR i.id IN (SELECT e.interaction_id FROM crm_interaction_employee e"
            + " WHERE e.tenant_id = ? AND e.employee = ?))";

    private static final String SINGLES = "SELECT i.id, i.state, i.timed, i.start_at, i.end_at, i.first_day, i.last_day FROM crm_interaction i"
            + " WHERE i.tenant_id = ? AND i.recurrence IS NULL AND i.start_key >= ? AND i.start_key < ? AND " + INVOLVES
            + " AND ((i.timed AND (i.end_at > ? OR i.start_at >= ?)) OR (NOT i.timed AND i.first_day <= ? AND i.last_day >= ?))";

    private static final String SERIES = "SELECT i.id, i.state, i.recurrence, i.recurrence_zone, i.timed, i.start_at, i.end_at,"
            + " o.original_start, o.state, o.start_at, o.end_at FROM crm_interaction i LEFT JOIN crm_interaction_occurrence o"
            + " ON o.tenant_id = i.tenant_id AND o.series_id = i.id"
            + " WHERE i.tenant_id = ? AND i.recurrence IS NOT NULL AND i.series_end_key >= ? AND i.start_key < ? AND " + INVOLVES
            + " ORDER BY i.id, o.original_start";

    /** A series as the baseline reads it. */
    private static final class SeriesRow {
        final UUID id;
        final String state;
        final String rule;
        final ZoneId zone;
        final Instant start;
        final Instant end;
        final Map<Instant, Entry> overrides = new LinkedHashMap<>();
        final Map<Instant, Instant> overrideEnds = new HashMap<>();

        SeriesRow(UUID id, String state, String rule, ZoneId zone, Instant start, Instant end) {
            this.id = id;
            this.state = state;
            this.rule = rule;
            this.zone = zone;
            this.start = start;
            this.end = end;
        }
    }

    /** The week by hand: two range queries by plain JDBC, the series expanded by lib-recur here. */
    static List<Entry> baseline(Connection connection, Week week) throws SQLException {
        CalendarPeriod period = week.period();
        String employee = week.employee().value();
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SINGLES)) {
            s.setString(1, TENANT);
            s.setObject(2, utc(period.from().minus(LONGEST_SINGLE)));
            s.setObject(3, utc(period.until()));
            s.setString(4, employee);
            s.setString(5, TENANT);
            s.setString(6, employee);
            s.setObject(7, utc(period.from()));
            s.setObject(8, utc(period.from()));
            s.setObject(9, period.lastDay());
            s.setObject(10, period.firstDay());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant start = rs.getBoolean(3) ? rs.getObject(4, OffsetDateTime.class).toInstant()
                            : rs.getObject(6, LocalDate.class).atStartOfDay(ZoneOffset.UTC).toInstant();
                    entries.add(new Entry(rs.getObject(1, UUID.class), start, rs.getString(2)));
                }
            }
        }
        Map<UUID, SeriesRow> series = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(SERIES)) {
            s.setString(1, TENANT);
            s.setObject(2, utc(period.from().minus(SLACK)));
            s.setObject(3, utc(period.until().plus(SLACK)));
            s.setString(4, employee);
            s.setString(5, TENANT);
            s.setString(6, employee);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!rs.getBoolean(5)) {
                        throw new IllegalStateException("the baseline expands timed series only; " + id + " is all-day");
                    }
                    SeriesRow row = series.get(id);
                    if (row == null) {
                        row = new SeriesRow(id, rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4)),
                                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant());
                        series.put(id, row);
                    }
                    OffsetDateTime original = rs.getObject(8, OffsetDateTime.class);
                    if (original != null) {
                        Instant start = rs.getObject(10, OffsetDateTime.class).toInstant();
                        row.overrides.put(original.toInstant(), new Entry(id, start, rs.getString(9)));
                        row.overrideEnds.put(original.toInstant(), rs.getObject(11, OffsetDateTime.class).toInstant());
                    }
                }
            }
        }
        connection.rollback();
        for (SeriesRow row : series.values()) {
            expand(row, period, entries);
        }
        entries.sort(Entry.ORDER);
        return entries;
    }

    /** The occurrences of one series overlapping the period: lib-recur's starts from the first one in the series' zone, overrides applied. */
    private static void expand(SeriesRow row, CalendarPeriod period, List<Entry> into) {
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(row.rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException("series " + row.id + " has a rule lib-recur refuses: " + row.rule, e);
        }
        Duration length = Duration.between(row.start, row.end);
        Instant from = period.from().minus(length).minus(SLACK);
        Instant until = period.until().plus(SLACK);
        String ruledState = row.state.equals("CANCELLED") ? "CANCELLED" : "PLANNED";
        RecurrenceRuleIterator it = rule.iterator(new DateTime(TimeZone.getTimeZone(row.zone), row.start.toEpochMilli()));
        it.fastForward(from.toEpochMilli() - 1);
        Set<Instant> used = new HashSet<>();
        while (it.hasNext()) {
            Instant start = Instant.ofEpochMilli(it.nextMillis());
            if (!start.isBefore(until)) {
                break;
            }
            if (start.isBefore(from)) {
                continue;
            }
            Entry override = row.overrides.get(start);
            if (override != null) {
                used.add(start);
                if (overlaps(override.start(), row.overrideEnds.get(start), period)) {
                    into.add(override);
                }
            } else if (overlaps(start, start.plus(length), period)) {
                into.add(new Entry(row.id, start, ruledState));
            }
        }
        // an exception moved into the week from an occurrence outside the window (none in this dataset: moves are at most a day)
        for (Map.Entry<Instant, Entry> o : row.overrides.entrySet()) {
            if (!used.contains(o.getKey()) && overlaps(o.getValue().start(), row.overrideEnds.get(o.getKey()), period)
                    && (o.getValue().state().equals("DONE") || ruled(rule, row, o.getKey()))) {
                into.add(o.getValue());
            }
        }
    }

    private static boolean ruled(RecurrenceRule rule, SeriesRow row, Instant start) {
        RecurrenceRuleIterator it = rule.iterator(new DateTime(TimeZone.getTimeZone(row.zone), row.start.toEpochMilli()));
        it.fastForward(start.toEpochMilli() - 1);
        return it.hasNext() && it.nextMillis() == start.toEpochMilli();
    }

    private static boolean overlaps(Instant start, Instant end, CalendarPeriod period) {
        return start.isBefore(period.until()) && (end.isAfter(period.from()) || !start.isBefore(period.from()));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
