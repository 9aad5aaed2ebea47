package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;
import org.crmkit.jpa.JpaStorage;

/**
 * Bulk registration through the crmkit API against plain JDBC batch inserts of the same rows, on
 * H2 (file) and PostgreSQL, in one run.
 *
 * <p>Each client has 4 contact entries, 5 additional properties (text, number, choice, date,
 * boolean) and 2 contact persons with a mobile each; crmkit writes 17 rows per client (client, 4
 * contacts, 5 values, 2 persons, 2 person contacts, 3 journal lines) plus one row per word of the
 * name for quick search (about 3; the row counts at the end say exactly). The crmkit side calls
 * {@code crm.clients().registerAll(batch)}; the baseline ({@link JdbcClientWriter}) inserts the same
 * rows with one JDBC batch per table, autocommit off, one transaction per batch of the same size,
 * and reserves the code numbers from the same counter. Each side gets a fresh database (a new H2
 * file, a new PostgreSQL database) and warms up with {@code --warmup} clients of another tenant;
 * then both databases are analysed (a base in use has planner statistics) and the
 * {@code --clients} clients are registered batch by batch in turn, crmkit then JDBC, so that load
 * from other processes falls on both sides alike. Afterwards the row counts of both databases are
 * compared table by table, and the first baseline client is read back through crmkit and compared
 * with the crmkit-registered one, so both sides provably wrote the same rows.
 *
 * <p>Run: {@code mvn -q -pl crm-examples/crm-benchmarks exec:java -Dexec.skip=false
 * -Dexec.mainClass=org.crmkit.examples.benchmarks.BulkCreateBenchmark -Dexec.args="--clients 100000"}
 * (also {@code --batch 1000 --warmup 5000 --db h2,pg --seed 20261127}). Target: crmkit time /
 * baseline time ≤ 1.5. Results go to stdout and {@code target/benchmark-results.md}.
 */
public final class BulkCreateBenchmark {
    static final String TENANT = "bench";
    static final String WARMUP_TENANT = "warmup";
    private static final int ROWS_PER_CLIENT = 17;

    private BulkCreateBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "100000", "batch", "1000", "warmup", "5000",
                "db", "h2,pg", "seed", String.valueOf(Dataset.DEFAULT_SEED)));
        int clients = args.integer("clients");
        int batch = args.integer("batch");
        int warmup = args.integer("warmup");
        Path target = Path.of("target");
        Report report = new Report(target, "Bulk create: crmkit registerAll against plain JDBC batches",
                "BulkCreateBenchmark " + args.describe());

        long generating = System.nanoTime();
        List<ClientRow> measured = new Dataset(args.number("seed")).next(clients);
        List<ClientRow> warm = new Dataset(args.number("seed") ^ 0x5EEDL).next(warmup);
        report.line(String.format(Locale.ROOT, "Dataset: %,d clients (seed %d) generated in %.1f s; %d rows per client and the words of its name (rows/s counts the %4$d); "
                        + "batches of %,d; warm-up %,d clients into tenant `%s` first.", clients, args.number("seed"),
                (System.nanoTime() - generating) / 1e9, ROWS_PER_CLIENT, batch, warmup, WARMUP_TENANT));
        report.line("");

        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                Side[] sides = run(server, measured, warm, batch, notes);
                Side api = sides[0];
                Side jdbc = sides[1];
                notes.add("**" + server.label() + "**: " + server.describe());
                compare(server, api, jdbc, notes);
                rows.add(Report.row(server.label(), "crmkit `registerAll`", fmt(clients), secs(api.seconds),
                        fmt(Math.round(clients / api.seconds)), fmt(Math.round(clients * ROWS_PER_CLIENT / api.seconds)),
                        Latencies.ms(api.batches.median()) + " / " + Latencies.ms(api.batches.p99()),
                        String.format(Locale.ROOT, "**%.2f**", api.seconds / jdbc.seconds)));
                rows.add(Report.row(server.label(), "plain JDBC batches", fmt(clients), secs(jdbc.seconds),
                        fmt(Math.round(clients / jdbc.seconds)), fmt(Math.round(clients * ROWS_PER_CLIENT / jdbc.seconds)),
                        Latencies.ms(jdbc.batches.median()) + " / " + Latencies.ms(jdbc.batches.p99()), "1.00"));
                report.table(List.of("database", "writer", "clients", "seconds", "clients/s", "rows/s",
                        "per batch median / p99 (ms)", "time ratio (target ≤ 1.5)"), rows);
                rows.clear();
            }
        }
        notes.forEach(n -> report.line(n).line(""));
        report.save();
    }

    /** Time and per-batch latencies of one side, and what it left in its database. */
    private record Side(double seconds, Latencies batches, BenchDatabase db, String tenant, long[] counts) {
    }

    /**
     * Runs both sides batch by batch in turn (crmkit, JDBC, crmkit, …), so that load from other
     * processes on a shared machine falls on both alike; each side's time is the sum of its batches.
     */
    private static Side[] run(BenchServer server, List<ClientRow> measured, List<ClientRow> warm, int batch,
                              List<String> notes) throws SQLException {
        BenchDatabase apiDb = server.database("crm_bulk_api", true);
        BenchDatabase jdbcDb = server.database("crm_bulk_jdbc", true);
        for (BenchDatabase db : List.of(apiDb, jdbcDb)) {
            if (db.shared()) {
                db.deleteTenants(List.of(TENANT, WARMUP_TENANT, TENANT + "-jdbc", WARMUP_TENANT + "-jdbc"));
            }
        }
        // on a shared external server both sides write into one database: the baseline into its own tenants
        String jdbcTenant = jdbcDb.shared() ? TENANT + "-jdbc" : TENANT;
        String jdbcWarmTenant = jdbcDb.shared() ? WARMUP_TENANT + "-jdbc" : WARMUP_TENANT;
        // the baseline's schema and property definitions come from crmkit, outside the measurement
        try (Crm crm = Crm.builder().storage(jdbcDb.storage()).actor(Actor.system(TenantId.of(jdbcTenant), "bench")).build()) {
            BenchProperties.define(crm);
            BenchProperties.define(crm.as(Actor.system(TenantId.of(jdbcWarmTenant), "bench")));
        }
        Latencies apiBatches = new Latencies();
        Latencies jdbcBatches = new Latencies();
        long apiNanos = 0;
        long jdbcNanos = 0;
        PostgresServer pg = server instanceof PostgresServer ? (PostgresServer) server : null;
        try (Crm crm = Crm.builder().storage(apiDb.storage()).actor(Actor.system(TenantId.of(TENANT), "bench")).build();
             Connection connection = jdbcDb.connect();
             JdbcClientWriter warmWriter = new JdbcClientWriter(connection, jdbcWarmTenant, "bench", true);
             JdbcClientWriter writer = new JdbcClientWriter(connection, jdbcTenant, "bench", true)) {
            Crm warmCrm = crm.as(Actor.system(TenantId.of(WARMUP_TENANT), "bench"));
            BenchProperties.define(warmCrm);
            BenchProperties.define(crm);
            for (int from = 0; from < warm.size(); from += batch) {
                List<ClientRow> part = warm.subList(from, Math.min(warm.size(), from + batch));
                warmCrm.clients().registerAll(Drafts.of(part));
                warmWriter.write(part, warmWriter.reserveCodes(part.size()));
            }
            // a base in use has planner statistics; a fresh one would plan its foreign-key checks on empty tables
            apiDb.analyze();
            jdbcDb.analyze();
            boolean statements = pg != null && pg.resetStatements(apiDb) && pg.resetStatements(jdbcDb);
            for (int from = 0; from < measured.size(); from += batch) {
                List<ClientRow> part = measured.subList(from, Math.min(measured.size(), from + batch));
                long t = System.nanoTime();
                crm.clients().registerAll(Drafts.of(part));
                long api = System.nanoTime() - t;
                t = System.nanoTime();
                writer.write(part, writer.reserveCodes(part.size()));
                long jdbc = System.nanoTime() - t;
                apiBatches.add(api);
                jdbcBatches.add(jdbc);
                apiNanos += api;
                jdbcNanos += jdbc;
            }
            if (statements) {
                notes.add("Statements of the measured crmkit batches on PostgreSQL (pg_stat_statements), by total time:");
                notes.add(String.join("\n", pg.topStatements(apiDb, 14)));
                notes.add("Statements of the measured JDBC batches on PostgreSQL, by total time:");
                notes.add(String.join("\n", pg.topStatements(jdbcDb, 8)));
            }
        }
        return new Side[] {
                new Side(apiNanos / 1e9, apiBatches, apiDb, TENANT, apiDb.countRows(TENANT)),
                new Side(jdbcNanos / 1e9, jdbcBatches, jdbcDb, jdbcTenant, jdbcDb.countRows(jdbcTenant))};
    }

    /** Same row counts per table, and the first client (with persons and journal) the same through crmkit on both sides. */
    private static void compare(BenchServer server, Side api, Side jdbc, List<String> notes) {
        List<String> table = new ArrayList<>();
        table.add("| table | crmkit rows | JDBC rows |");
        table.add("|---|---|---|");
        boolean same = true;
        for (int i = 0; i < BenchDatabase.TABLES.size(); i++) {
            if (api.counts[i] != 0 || jdbc.counts[i] != 0) {
                table.add("| " + BenchDatabase.TABLES.get(i) + " | " + fmt(api.counts[i]) + " | " + fmt(jdbc.counts[i]) + " |");
            }
            same &= api.counts[i] == jdbc.counts[i];
        }
        String first = view(api.db, api.tenant, ClientCode.numbered(1));
        String firstJdbc = view(jdbc.db, jdbc.tenant, ClientCode.numbered(1));
        boolean sameClient = first.equals(firstJdbc);
        notes.add("Rows in tenant `" + TENANT + "` on " + server.label() + " after each side: "
                + (same ? "the same in every table" : "**DIFFERENT**") + "; client 000000001 read back through crmkit: "
                + (sameClient ? "the same on both sides (card, contacts, properties, persons, journal)" : "**DIFFERENT**:\n\n    "
                + first + "\n    " + firstJdbc));
        notes.add(String.join("\n", table));
    }

    /** A client as crmkit reads it, without ids, versions and times, which differ between the two sides by design. */
    private static String view(BenchDatabase db, String tenant, ClientCode code) {
        JpaStorage storage = JpaStorage.builder().url(db.url()).user(db.user()).password(db.password()).migrate(false).build();
        try (Crm crm = Crm.builder().storage(storage).actor(Actor.system(TenantId.of(tenant), "bench")).build()) {
            List<Client> found = crm.clients().find(ClientQuery.where(new ClientCriterion.CodeIs(code)).page(0, 1));
            if (found.isEmpty()) {
                return "no client " + code;
            }
            Client c = found.get(0);
            String persons = crm.contactPersons().ofClient(c.id()).stream()
                    .map(p -> p.name().full() + "/" + p.position().orElse("") + "/" + p.contacts() + "/v" + p.version())
                    .collect(Collectors.joining("; "));
            String journal = crm.clients().history(c.id()).stream()
                    .map(e -> e.subject().replaceAll(":.*", "") + "." + e.field() + "=" + e.newValue().orElse("")
                            .replace(c.code().value(), "#"))
                    .sorted().collect(Collectors.joining("; "));
            return c.kind() + " " + c.shortName() + " " + c.fullName() + " " + c.location() + " " + c.taxIds() + " "
                    + c.registeredOn() + " v" + c.version() + " " + c.contacts() + " " + c.properties() + " | " + persons + " | " + journal;
        }
    }

    private static String fmt(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String secs(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
