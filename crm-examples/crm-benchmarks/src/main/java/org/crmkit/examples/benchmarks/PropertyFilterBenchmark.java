package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crmkit.Crm;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;

/**
 * Filtering a million clients on one additional property (the choice property {@code sector},
 * stored in crmkit's typed value table {@code crm_client_property}, indexed by tenant, property and
 * value) against the same filter on a plain typed column ({@code crm_client.industry}, which holds
 * the same sector for every client, with a benchmark-only index on (tenant_id, industry)).
 *
 * <p>Per filter value (a common sector, ~26% of the clients; a middling one, ~5%; a rare one, ~1%)
 * and per method, two operations: the first page of 100 clients in code order with their contacts
 * and property values ({@code crm.clients().find(ClientQuery.where(PropertyEquals).page(0, 100))}),
 * and the count ({@code crm.clients().count(PropertyEquals)}). Methods: crmkit; plain JDBC on the
 * typed column (the baseline, target crmkit ≤ 3 × baseline); plain JDBC with crmkit's own value-table
 * SQL (what the object mapping adds); and on PostgreSQL a {@code jsonb} alternative: a
 * benchmark-only table {@code bench_client_props (tenant_id, client_id, props jsonb)} with a GIN
 * index ({@code jsonb_path_ops}) queried with {@code props @> '{"sector": "<id>"}'}, same selectivity.
 * Every method must find the same number of clients; the run checks it.
 *
 * <p>Run: {@code mvn -q -pl crm-examples/crm-benchmarks exec:java -Dexec.skip=false
 * -Dexec.mainClass=org.crmkit.examples.benchmarks.PropertyFilterBenchmark} (options {@code --clients
 * 1000000 --queries 200 --warmup 20 --budget 30 --db h2,pg --reload false}; the base is the one
 * {@link QuickSearchBenchmark} loads, reused when it is there).
 */
public final class PropertyFilterBenchmark {
    private static final int[] SECTORS = {0, 4, 24};

    private PropertyFilterBenchmark() {
    }

    private interface Operation {
        long run(int sector) throws Exception;
    }

    /** One way of filtering: its page and its count. */
    private record Method(String name, Operation page, Operation count) {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "1000000", "queries", "200", "warmup", "20", "budget", "30",
                "db", "h2,pg", "seed", String.valueOf(Dataset.DEFAULT_SEED), "reload", "false"));
        Path target = Path.of("target");
        Report report = new Report(target, "Property filter over " + String.format(Locale.ROOT, "%,d", args.integer("clients"))
                + " clients", "PropertyFilterBenchmark " + args.describe());
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                ClientBase.Loaded base = ClientBase.ensure(server, args.integer("clients"), args.number("seed"),
                        args.flag("reload"), 0, report);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                prepare(base.db(), report);
                run(server, base, args, report);
            }
        }
        report.save();
    }

    /** The baseline's index on the plain column and, on PostgreSQL, the jsonb copy of the property values. */
    private static void prepare(BenchDatabase db, Report report) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            long start = System.nanoTime();
            s.execute("CREATE INDEX IF NOT EXISTS bench_client_industry_ix ON crm_client (tenant_id, industry)");
            report.line(String.format(Locale.ROOT, "Benchmark-only index `bench_client_industry_ix (tenant_id, industry)`: ready in %.1f s.",
                    (System.nanoTime() - start) / 1e9));
            if (!db.postgres()) {
                return;
            }
            s.execute("CREATE TABLE IF NOT EXISTS bench_client_props (tenant_id VARCHAR(64) NOT NULL, client_id UUID NOT NULL, "
                    + "props JSONB NOT NULL, CONSTRAINT bench_client_props_pk PRIMARY KEY (tenant_id, client_id))");
            long rows;
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM bench_client_props WHERE tenant_id = '" + ClientBase.TENANT
                    + "') - (SELECT COUNT(*) FROM crm_client WHERE tenant_id = '" + ClientBase.TENANT + "')")) {
                rs.next();
                rows = rs.getLong(1);
            }
            if (rows != 0) {
                start = System.nanoTime();
                s.execute("DROP INDEX IF EXISTS bench_client_props_gin_ix");
                s.execute("DELETE FROM bench_client_props WHERE tenant_id = '" + ClientBase.TENANT + "'");
                s.execute("INSERT INTO bench_client_props (tenant_id, client_id, props) SELECT tenant_id, client_id, "
                        + "jsonb_object_agg(property_key, COALESCE(to_jsonb(value_ref), to_jsonb(value_number), to_jsonb(value_date), "
                        + "to_jsonb(value_bool), to_jsonb(value_text))) FROM crm_client_property WHERE tenant_id = '" + ClientBase.TENANT
                        + "' GROUP BY tenant_id, client_id");
                double fill = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                s.execute("CREATE INDEX bench_client_props_gin_ix ON bench_client_props USING gin (props jsonb_path_ops)");
                double index = (System.nanoTime() - start) / 1e9;
                s.execute("VACUUM ANALYZE bench_client_props");
                report.line(String.format(Locale.ROOT, "Benchmark-only `bench_client_props (tenant_id, client_id, props jsonb)`: "
                        + "filled from crm_client_property in %.0f s, GIN index (jsonb_path_ops) built in %.0f s.", fill, index));
            }
            s.execute("ANALYZE crm_client");
            try (ResultSet rs = s.executeQuery("SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class "
                    + "WHERE relname IN ('crm_client', 'crm_client_property', 'crm_client_property_ref_code_ix', 'bench_client_props', "
                    + "'bench_client_props_gin_ix', 'bench_client_industry_ix') ORDER BY relname")) {
                List<String> sizes = new ArrayList<>();
                while (rs.next()) {
                    sizes.add(rs.getString(1) + " " + rs.getString(2));
                }
                report.line("Sizes (with indexes for tables): " + String.join(", ", sizes) + ".");
            }
        }
        report.line("");
    }

    private static void run(BenchServer server, ClientBase.Loaded base, Args args, Report report) throws Exception {
        BenchDatabase db = base.db();
        PostgresServer pg = server instanceof PostgresServer ? (PostgresServer) server : null;
        PropertyKey key = PropertyKey.of(BenchProperties.SECTOR);
        try (Crm crm = Crm.builder().storage(db.storage()).actor(Actor.system(TenantId.of(ClientBase.TENANT), "bench")).build();
             Connection connection = db.connect()) {
            JdbcClientReader reader = new JdbcClientReader(connection, db.postgres(), ClientBase.TENANT);
            String byCode = reader.orderBy("c.code");
            // crmkit's page: the holders of the value in code order off the value index (V5), joined to their clients
            String valueTable = "SELECT c.* FROM crm_client_property p JOIN crm_client c ON c.tenant_id = p.tenant_id AND c.id = p.client_id"
                    + " WHERE p.tenant_id = ? AND p.property_key = ? AND p.value_ref = ? AND (p.value_text IS NULL OR p.value_text = '*')"
                    + " ORDER BY p.tenant_id, p.property_key, p.value_ref, p.client_code OFFSET 0 ROWS FETCH NEXT 100 ROWS ONLY";
            String jsonb = "EXISTS (SELECT 1 FROM bench_client_props j WHERE j.tenant_id = c.tenant_id AND j.client_id = c.id "
                    + "AND j.props @> ?::jsonb)";
            List<Method> methods = new ArrayList<>();
            methods.add(new Method("crmkit `find` / `count`",
                    s -> crm.clients().find(ClientQuery.where(criterion(key, s)).page(0, 100)).size(),
                    s -> crm.clients().count(criterion(key, s))));
            methods.add(new Method("JDBC, plain column `industry` (baseline)",
                    s -> reader.page("c.industry = ?", byCode, 100, BenchProperties.SECTORS.get(s)),
                    s -> reader.count("SELECT COUNT(*) FROM crm_client c WHERE c.tenant_id = ? AND c.industry = ?",
                            BenchProperties.SECTORS.get(s))));
            methods.add(new Method("JDBC, value table (crmkit's SQL)",
                    s -> reader.statementPage(valueTable, BenchProperties.SECTOR, choice(s)),
                    s -> reader.count("SELECT COUNT(*) FROM crm_client_property p WHERE p.tenant_id = ? AND p.property_key = ?"
                            + " AND p.value_ref = ? AND (p.value_text IS NULL OR p.value_text = '*')", BenchProperties.SECTOR, choice(s))));
            if (db.postgres()) {
                methods.add(new Method("JDBC, jsonb + GIN `@>`",
                        s -> reader.page(jsonb, byCode, 100, json(s)),
                        s -> reader.count("SELECT COUNT(*) FROM crm_client c WHERE c.tenant_id = ? AND " + jsonb, json(s))));
            }
            List<String> rows = new ArrayList<>();
            for (int sector : SECTORS) {
                Map<String, Latencies[]> results = new LinkedHashMap<>();
                long expected = -1;
                for (Method method : methods) {
                    long count = method.count.run(sector);
                    if (expected < 0) {
                        expected = count;
                    } else if (count != expected) {
                        throw new IllegalStateException(method.name + " counts " + count + " clients of sector " + sector
                                + ", crmkit " + expected);
                    }
                    results.put(method.name, new Latencies[] {measure(method.page, sector, args), measure(method.count, sector, args)});
                }
                Latencies[] baseline = results.get(methods.get(1).name);
                String selectivity = String.format(Locale.ROOT, "%s (%,d = %.1f%%)", BenchProperties.SECTORS.get(sector), expected,
                        100.0 * expected / base.clients());
                for (Map.Entry<String, Latencies[]> e : results.entrySet()) {
                    Latencies page = e.getValue()[0];
                    Latencies count = e.getValue()[1];
                    rows.add(Report.row(server.label(), selectivity, e.getKey(),
                            Latencies.ms(page.median()) + " / " + Latencies.ms(page.p99()) + " (" + page.count() + ")",
                            Latencies.ms(count.median()) + " / " + Latencies.ms(count.p99()) + " (" + count.count() + ")",
                            ratio(page.median(), baseline[0].median()), ratio(count.median(), baseline[1].median())));
                }
            }
            report.table(List.of("database", "sector (clients)", "method", "page of 100: median / p99 ms (n)",
                    "count: median / p99 ms (n)", "page ÷ baseline", "count ÷ baseline"), rows);
            if (pg != null) {
                String plans = pg.plansOf(() -> {
                    crm.clients().find(ClientQuery.where(criterion(key, SECTORS[1])).page(0, 100));
                    crm.clients().count(criterion(key, SECTORS[1]));
                });
                report.line("Plans of crmkit's page and count for the middling sector, from auto_explain:").line("").line("```");
                plans.lines().forEach(report::line);
                report.line("```").line("");
            }
        }
    }

    private static ClientCriterion criterion(PropertyKey key, int sector) {
        return new ClientCriterion.PropertyEquals(key, PropertyValue.choice(BenchProperties.sectorChoice(sector)));
    }

    private static String choice(int sector) {
        return BenchProperties.sectorChoice(sector).toString();
    }

    private static String json(int sector) {
        return "{\"" + BenchProperties.SECTOR + "\": \"" + choice(sector) + "\"}";
    }

    private static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, "%.2f", value / baseline);
    }

    private static Latencies measure(Operation operation, int sector, Args args) throws Exception {
        long budget = args.number("budget") * 1_000_000_000L;
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        for (int i = 0; i < args.integer("warmup") && System.nanoTime() - start < budget / 4; i++) {
            operation.run(sector);
        }
        start = System.nanoTime();
        for (int i = 0; i < args.integer("queries") && System.nanoTime() - start < budget; i++) {
            long t = System.nanoTime();
            operation.run(sector);
            latencies.add(System.nanoTime() - t);
        }
        return latencies;
    }
}
