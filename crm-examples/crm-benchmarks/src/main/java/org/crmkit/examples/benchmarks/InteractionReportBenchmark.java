package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.criteria.Criterion;
import org.crmkit.interaction.AnalysisSummary;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionAnalysis;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Timing;
import org.crmkit.jpa.JpaStorage;

/**
 * The two interaction reports for one month, and the analysis's top three levels and the clients
 * without interactions for the year, through crmkit ({@code crm.interactions().analysis},
 * {@code analysisSummary} and {@code withoutInteractions}: one statement each plus grouping and
 * subtotals in Java) against
 * the same grouping written by hand in SQL and sent by plain JDBC (the baseline: the rows read into
 * plain values, no subtotals), on a generated dataset: clients with a main manager (5% archived),
 * interactions over the year 2024 (one client, one in ten with two, one in twenty with none; one in
 * ten cancelled; one in eight all-day). Both methods must find the same number of rows; the run
 * checks it.
 *
 * <p>Run: {@code mvn -q -pl crm-examples/crm-benchmarks exec:java -Dexec.skip=false
 * -Dexec.mainClass=org.crmkit.examples.benchmarks.InteractionReportBenchmark} (options {@code
 * --clients 2000 --interactions 20000 --employees 20 --queries 30 --warmup 5 --db h2,pg}).
 */
public final class InteractionReportBenchmark {
    private static final String TENANT = "bench-ireports";
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final YearMonth MONTH = YearMonth.of(2024, 6);
    private static final Year YEAR = Year.of(2024);

    private InteractionReportBenchmark() {
    }

    private interface Operation {
        long run() throws Exception;
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "2000", "interactions", "20000", "employees", "20", "queries", "30",
                "warmup", "5", "db", "h2,pg", "seed", "20240601", "explain", "false"));
        Path target = Path.of("target");
        Report report = new Report(target, String.format(Locale.ROOT, "Interaction reports over %,d clients and %,d interactions",
                args.integer("clients"), args.integer("interactions")), "InteractionReportBenchmark " + args.describe());
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                BenchDatabase db = server.database("interaction_reports", true);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                try (JpaStorage storage = db.storage()) {
                    long start = System.nanoTime();
                    load(storage, args);
                    db.analyze();
                    report.line(String.format(Locale.ROOT, "Loaded through crmkit's stores in %.0f s.", (System.nanoTime() - start) / 1e9));
                    run(server, db, storage, args, report);
                }
            }
        }
        report.save();
    }

    private static void load(JpaStorage storage, Args args) {
        Random random = new Random(args.number("seed"));
        TenantId tenant = TenantId.of(TENANT);
        int employees = args.integer("employees");
        List<ClientId> clients = new ArrayList<>();
        List<Client> batch = new ArrayList<>();
        for (int k = 0; k < args.integer("clients"); k++) {
            Client c = Client.register(new ClientId(UUID.randomUUID()), ClientCode.of(String.format("B%07d", k)), ClientKind.LEGAL_ENTITY,
                    "Клиент " + k, LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500)))
                    .assignManager(EmployeeId.of("emp" + random.nextInt(employees)));
            clients.add(c.id());
            batch.add(random.nextInt(20) == 0 ? c.archive() : c);
            if (batch.size() == 1000) {
                List<Client> chunk = List.copyOf(batch);
                storage.inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(chunk));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            storage.inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(batch));
        }
        List<Interaction> interactions = new ArrayList<>();
        long yearStart = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (int k = 0; k < args.integer("interactions"); k++) {
            InteractionKind kind = InteractionKind.BUILT_IN.get(random.nextInt(InteractionKind.BUILT_IN.size()));
            long at = yearStart + random.nextInt(366 * 86_400);
            Timing timing = random.nextInt(8) == 0
                    ? Timing.allDay(LocalDate.ofEpochDay(at / 86_400), LocalDate.ofEpochDay(at / 86_400 + random.nextInt(3)))
                    : Timing.timed(Instant.ofEpochSecond(at), Instant.ofEpochSecond(at + 60L * random.nextInt(120)));
            Interaction i = Interaction.plan(new InteractionId(UUID.randomUUID()), k + 1, kind, "Взаимодействие " + k, timing,
                    EmployeeId.of("emp" + random.nextInt(employees)), Optional.empty());
            int withClients = random.nextInt(20) == 0 ? 0 : random.nextInt(10) == 0 ? 2 : 1;
            List<Participant> participants = new ArrayList<>();
            for (int p = 0; p < withClients; p++) {
                ClientId client = clients.get(random.nextInt(clients.size()));
                if (participants.stream().noneMatch(x -> x.client().equals(client))) {
                    participants.add(Participant.of(client));
                }
            }
            i = i.withParticipants(participants);
            if (random.nextInt(10) == 0) {
                i = i.cancel();
            } else if (random.nextBoolean()) {
                i = i.complete("готово");
            }
            interactions.add(i);
            if (interactions.size() == 1000 || k == args.integer("interactions") - 1) {
                List<Interaction> chunk = List.copyOf(interactions);
                storage.inTransaction(tenant, s -> {
                    chunk.forEach(x -> s.get(InteractionStore.class).insert(x));
                    return null;
                });
                interactions.clear();
            }
        }
    }

    private static final String STARTS_IN = "((i.start_at IS NOT NULL AND i.start_at >= ? AND i.start_at < ?)"
            + " OR (i.first_day IS NOT NULL AND i.first_day >= ? AND i.first_day <= ?))";

    private static void run(BenchServer server, BenchDatabase db, JpaStorage storage, Args args, Report report) throws Exception {
        CalendarPeriod period = CalendarPeriod.month(MONTH, ZONE);
        try (Crm crm = Crm.builder().storage(storage).actor(Actor.system(TenantId.of(TENANT), "bench")).build();
             Connection connection = db.connect()) {
            String analysisSql = "SELECT i.responsible, p.client_id, c.short_name, i.kind, i.id, i.interaction_number, i.subject, i.start_key"
                    + " FROM crm_interaction i LEFT JOIN crm_interaction_participant p ON p.tenant_id = i.tenant_id AND p.interaction_id = i.id"
                    + " LEFT JOIN crm_client c ON c.tenant_id = p.tenant_id AND c.id = p.client_id"
                    + " WHERE i.tenant_id = ? AND i.state <> 'CANCELLED' AND " + STARTS_IN
                    + " GROUP BY i.responsible, p.client_id, c.short_name, i.kind, i.id, i.interaction_number, i.subject, i.start_key";
            String quietSql = "SELECT c.id, c.code, c.short_name, c.manager, c.relationship, c.registered_on FROM crm_client c"
                    + " WHERE c.tenant_id = ? AND c.archived = FALSE AND NOT EXISTS (SELECT 1 FROM crm_interaction_participant p"
                    + " JOIN crm_interaction i ON i.tenant_id = p.tenant_id AND i.id = p.interaction_id WHERE p.tenant_id = c.tenant_id"
                    + " AND p.client_id = c.id AND i.state <> 'CANCELLED' AND " + STARTS_IN + ")";
            String summarySql = "SELECT i.responsible, p.client_id, c.short_name, i.kind, COUNT(DISTINCT i.id)"
                    + " FROM crm_interaction i LEFT JOIN crm_interaction_participant p ON p.tenant_id = i.tenant_id AND p.interaction_id = i.id"
                    + " LEFT JOIN crm_client c ON c.tenant_id = p.tenant_id AND c.id = p.client_id"
                    + " WHERE i.tenant_id = ? AND i.state <> 'CANCELLED' AND " + STARTS_IN
                    + " GROUP BY i.responsible, p.client_id, c.short_name, i.kind"
                    + " UNION ALL SELECT i.responsible, NULL, NULL, NULL, COUNT(*) FROM crm_interaction i"
                    + " WHERE i.tenant_id = ? AND i.state <> 'CANCELLED' AND " + STARTS_IN + " GROUP BY i.responsible";
            CalendarPeriod year = CalendarPeriod.year(YEAR, ZONE);
            Operation crmSummary = () -> rows(crm.interactions().analysisSummary(YEAR, ZONE));
            Operation jdbcSummary = () -> select(connection, summarySql, year, rs -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), rs.getLong(5)});
            Operation crmYearQuiet = () -> crm.interactions().withoutInteractions(year, Set.of(), Set.of()).total();
            Operation crmAnalysis = () -> rows(crm.interactions().analysis(period));
            Operation jdbcAnalysis = () -> select(connection, analysisSql, period, rs -> new Object[] {rs.getString(1),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getLong(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class)});
            Operation crmQuiet = () -> crm.interactions().withoutInteractions(period, Set.of(), Set.of()).total();
            RowReader quietRow = rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class)};
            Operation jdbcQuiet = () -> select(connection, quietSql, period, quietRow);
            Operation jdbcYearQuiet = () -> select(connection, quietSql, year, quietRow);
            TenantId tenant = TenantId.of(TENANT);
            Criterion<InteractionCriterion> counting = Criterion.and(
                    Criterion.not(new InteractionCriterion.StateIn(Set.of(InteractionState.CANCELLED))), new InteractionCriterion.StartsIn(period));
            Operation storeAnalysis = () -> storage.read(tenant, s -> s.get(InteractionStore.class).analysis(counting, Criterion.all())).size();
            Operation storeQuiet = () -> storage.read(tenant, s -> s.get(InteractionStore.class)
                    .withoutInteractions(new ClientCriterion.Archived(false), counting)).size();
            Operation emptyUnit = () -> storage.read(tenant, s -> 0);
            List<String> rows = new ArrayList<>();
            compare(server, "interaction analysis", jdbcAnalysis, List.of("crmkit `analysis`", "its store call alone"),
                    List.of(crmAnalysis, storeAnalysis), args, rows);
            compare(server, "clients without interactions", jdbcQuiet, List.of("crmkit `withoutInteractions`", "its store call alone"),
                    List.of(crmQuiet, storeQuiet), args, rows);
            compare(server, "analysis, top three levels for " + YEAR, jdbcSummary, List.of("crmkit `analysisSummary`"), List.of(crmSummary),
                    args, rows);
            compare(server, "clients without interactions in " + YEAR, jdbcYearQuiet, List.of("crmkit `withoutInteractions`"),
                    List.of(crmYearQuiet), args, rows);
            report.line(String.format(Locale.ROOT, "Periods: the month %s and the year %s in %s. Rows per call are in the method column.",
                    MONTH, YEAR, ZONE)).line("");
            report.table(List.of("database", "report", "method (rows)", "median / p99 ms (n)", "median ÷ baseline"), rows);
            Latencies empty = new Latencies();
            for (int i = 0; i < args.integer("queries"); i++) {
                long t = System.nanoTime();
                emptyUnit.run();
                empty.add(System.nanoTime() - t);
            }
            report.line("An empty unit of work (`storage.read(tenant, s -> 0)`), for scale: median " + Latencies.ms(empty.median()) + " ms, p99 "
                    + Latencies.ms(empty.p99()) + " ms.").line("");
            if (server instanceof PostgresServer && Boolean.parseBoolean(args.text("explain"))) {
                String plans = ((PostgresServer) server).plansOf("crm_interaction", () -> {
                    for (Operation operation : List.of(crmSummary, jdbcSummary, crmYearQuiet, jdbcYearQuiet, crmQuiet, jdbcQuiet)) {
                        try {
                            operation.run();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                report.line("Plans (auto_explain, ANALYZE) of crmkit's and the hand-written statements, in that order, for the year's"
                        + " summary, the year's and the month's clients without interactions:").line("").line("```").line(plans).line("```");
            }
        }
    }

    /** The summary's lines as the hand-written statement sends them: one per kind under a client, and one total per employee. */
    private static long rows(AnalysisSummary summary) {
        return summary.responsibles().stream().mapToLong(r -> 1 + r.clients().stream().mapToLong(c -> c.kinds().size()).sum()).sum();
    }

    private static long rows(InteractionAnalysis report) {
        return report.responsibles().stream().flatMap(r -> r.clients().stream()).flatMap(c -> c.kinds().stream())
                .mapToLong(k -> k.items().size()).sum();
    }

    private interface RowReader {
        Object[] read(ResultSet rs) throws SQLException;
    }

    private static long select(Connection connection, String sql, CalendarPeriod period, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            long branches = sql.chars().filter(c -> c == '?').count() / 5;
            for (int b = 0; b < branches; b++) { // each branch of a statement takes the tenant and the period
                statement.setString(5 * b + 1, TENANT);
                statement.setObject(5 * b + 2, OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC));
                statement.setObject(5 * b + 3, OffsetDateTime.ofInstant(period.until(), ZoneOffset.UTC));
                statement.setObject(5 * b + 4, period.firstDay());
                statement.setObject(5 * b + 5, period.lastDay());
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            connection.rollback();
            return rows.size();
        }
    }

    private static void compare(BenchServer server, String name, Operation baseline, List<String> names, List<Operation> methods,
                                Args args, List<String> rows) throws Exception {
        long baseRows = baseline.run();
        for (int m = 0; m < methods.size(); m++) {
            long found = methods.get(m).run();
            if (found != baseRows) {
                throw new IllegalStateException(name + ": " + names.get(m) + " answers " + found + " rows, the hand-written SQL " + baseRows);
            }
        }
        Latencies base = new Latencies();
        List<Latencies> measured = new ArrayList<>();
        methods.forEach(m -> measured.add(new Latencies()));
        for (int i = 0; i < args.integer("warmup"); i++) {
            baseline.run();
            for (Operation method : methods) {
                method.run();
            }
        }
        for (int i = 0; i < args.integer("queries"); i++) { // interleaved, so every method sees the same machine
            long t = System.nanoTime();
            baseline.run();
            base.add(System.nanoTime() - t);
            for (int m = 0; m < methods.size(); m++) {
                t = System.nanoTime();
                methods.get(m).run();
                measured.get(m).add(System.nanoTime() - t);
            }
        }
        rows.add(Report.row(server.label(), name, "plain JDBC, hand-written SQL (baseline) (" + baseRows + ")",
                Latencies.ms(base.median()) + " / " + Latencies.ms(base.p99()) + " (" + base.count() + ")", "1.00"));
        for (int m = 0; m < methods.size(); m++) {
            Latencies l = measured.get(m);
            rows.add(Report.row(server.label(), name, names.get(m) + " (" + baseRows + ")",
                    Latencies.ms(l.median()) + " / " + Latencies.ms(l.p99()) + " (" + l.count() + ")",
                    String.format(Locale.ROOT, "%.2f", l.median() / base.median())));
        }
    }
}
