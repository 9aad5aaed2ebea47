package org.crmkit.examples.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.deal.Funnel;
import org.crmkit.deal.FunnelQuery;
import org.crmkit.deal.LostReasonId;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.StageId;
import org.crmkit.deal.StageKind;
import org.crmkit.ledger.AbcRules;
import org.crmkit.ledger.ClientClasses;
import org.crmkit.ledger.IncomeExpenses;

/**
 * Sales and profitability (issue 15) on a generated dataset ({@link SalesData} on top of the client
 * base of {@link ClientBase}), each crmkit call against the same work written by hand and sent by
 * plain JDBC in the same run, alternating call by call:
 * <ol>
 * <li>the funnel of the pipeline for the deals opened in 2026 ({@code deals().funnel}) ÷ a
 *     hand-written statement computing the same per-stage counts, amounts, reached and median
 *     stays (target ≤ 1.2);</li>
 * <li>income and expenses for 2026 ({@code ledger().incomeAndExpenses}) ÷ a hand GROUP BY (≤ 1.2);</li>
 * <li>ABC (by profit, 80/15/5) and RFM of all clients with RUB facts in 2026
 *     ({@code ledger().classes}) ÷ one hand statement with window functions (≤ 2);</li>
 * <li>pushing facts in batches ({@code ledger().push}) ÷ a JDBC batch upsert of the same rows
 *     ({@code ON CONFLICT} on PostgreSQL, {@code MERGE} on H2) (≤ 1.5).</li>
 * </ol>
 * Before timing, each crmkit answer is checked equal to the hand SQL's answer; a difference stops
 * the run. On PostgreSQL, a ratio over its target is followed by the plans of both statements
 * (auto_explain with ANALYZE).
 *
 * <p>Run from {@code crm-examples/crm-benchmarks} (see BENCHMARKS.md): {@code java -cp
 * target/classes:$(cat target/cp.txt) org.crmkit.examples.benchmarks.SalesBenchmark --clients 20000
 * --deals 20000 --changes 5 --facts 200000 --db h2,pg}.
 */
public final class SalesBenchmark {
    private static final Instant AS_OF = Instant.parse("2027-01-15T00:00:00Z");
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant YEAR_END = Instant.parse("2027-01-01T00:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);

    private SalesBenchmark() {
    }

    private interface Call {
        void run() throws Exception;
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.ofEntries(Map.entry("clients", "20000"), Map.entry("deals", "20000"),
                Map.entry("changes", "5"), Map.entry("facts", "200000"), Map.entry("db", "h2,pg"),
                Map.entry("seed", String.valueOf(Dataset.DEFAULT_SEED)), Map.entry("warmup", "3"), Map.entry("runs", "15"),
                Map.entry("budget", "60"), Map.entry("push-batches", "20"), Map.entry("batch", "1000"), Map.entry("reload", "false")));
        for (String name : List.of("clients", "deals", "changes", "facts", "runs", "push-batches", "batch")) {
            if (args.number(name) < 1) {
                throw new IllegalArgumentException("--" + name + " must be positive, not " + args.text(name));
            }
        }
        List<String> databases = args.databases();
        Path target = Path.of("target");
        Report report = new Report(target, String.format(Locale.ROOT, "Sales and profitability: %,d clients, %,d deals × %d stage changes, "
                + "%,d facts", args.integer("clients"), args.integer("deals"), args.integer("changes"), args.number("facts")),
                "SalesBenchmark " + args.describe());
        for (String name : databases) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                ClientBase.Loaded base = ClientBase.ensure(server, args.integer("clients"), args.number("seed"), args.flag("reload"), 0,
                        report);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                run(server, base.db(), args, report);
                report.save();
            }
        }
        report.save();
    }

    private static Crm crm(BenchDatabase db) {
        return Crm.builder().storage(db.storage()).actor(Actor.system(TenantId.of(ClientBase.TENANT), "bench"))
                .clock(Clock.fixed(AS_OF, ZoneOffset.UTC)).build();
    }

    private static void run(BenchServer server, BenchDatabase db, Args args, Report report) throws Exception {
        PostgresServer pg = server instanceof PostgresServer p ? p : null;
        int deals = args.integer("deals");
        int changes = args.integer("changes");
        long facts = args.number("facts");
        long seed = args.number("seed");
        List<UUID> clients = SalesData.clients(db);
        try (Crm crm = crm(db); Connection connection = db.connect()) {
            Pipeline pipeline = SalesData.pipeline(crm);
            Double loaded = args.flag("reload") ? null : SalesData.loadedBefore(db, deals, changes, facts, seed);
            if (loaded != null) {
                report.line(String.format(Locale.ROOT, "%s: reusing the deals and facts loaded earlier in %.0f s.", server.label(), loaded));
            } else {
                long start = System.nanoTime();
                long rows = SalesData.load(db, pipeline, clients, deals, changes, facts, seed);
                double seconds = (System.nanoTime() - start) / 1e9;
                db.analyze();
                SalesData.marker(db, deals, changes, facts, seed, seconds);
                report.line(String.format(Locale.ROOT, "%s: loaded %,d deals, %,d stage visits and %,d facts (%,d rows) by JDBC batches "
                        + "in %.0f s, then analysed.", server.label(), deals, (long) deals * (changes + 1), facts, rows, seconds));
            }
            report.line(sizes(connection)).line("");
            HandSql hand = new HandSql(connection, db.postgres(), pipeline);
            FunnelQuery year = FunnelQuery.of(pipeline.id()).openedBetween(YEAR_START, YEAR_END);

            // correctness first: every crmkit answer equals the hand statement's
            Funnel funnel = crm.deals().funnel(year);
            Funnel byHand = hand.funnel();
            if (!funnel.equals(byHand)) {
                throw new IllegalStateException("funnel differs:\ncrmkit " + funnel + "\nhand SQL " + byHand);
            }
            Map<String, String> profit = flatten(crm.ledger().incomeAndExpenses(FROM, UNTIL));
            Map<String, String> profitByHand = hand.incomeAndExpenses();
            if (!profit.equals(profitByHand)) {
                throw new IllegalStateException("income and expenses differ: crmkit " + profit.size() + " lines, hand SQL "
                        + profitByHand.size());
            }
            Map<String, String> classes = flatten(crm.ledger().classes(FROM, UNTIL, "RUB", AbcRules.DEFAULT));
            Map<String, String> classesByHand = hand.classes();
            if (!classes.equals(classesByHand)) {
                throw new IllegalStateException("classes differ: crmkit " + classes.size() + " clients, hand SQL " + classesByHand.size());
            }
            long funnelDeals = funnel.stages().stream().mapToLong(Funnel.StageLine::deals).sum();
            long scored = crm.ledger().classes(FROM, UNTIL, "RUB", AbcRules.DEFAULT).rfm().size();
            report.line(String.format(Locale.ROOT, "Checked before timing: crmkit's funnel (%,d deals opened in 2026, %d managers) equals "
                            + "the hand statement's; income and expenses 2026 equal line by line (%,d currency/client/order lines); "
                            + "ABC and RFM classes of %,d clients (%,d RFM-scored) equal client by client.", funnelDeals,
                    funnel.byManager().size(), profit.size(), classes.size(), scored)).line("");

            List<String> rows = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            Latencies[] f = pair(args, () -> crm.deals().funnel(year), hand::funnel);
            rows.add(row(server, "funnel for a year (deals opened in 2026)", f, 1.2, missed));
            Latencies[] p = pair(args, () -> crm.ledger().incomeAndExpenses(FROM, UNTIL), hand::incomeAndExpenses);
            rows.add(row(server, "income and expenses for a year", p, 1.2, missed));
            Latencies[] c = pair(args, () -> crm.ledger().classes(FROM, UNTIL, "RUB", AbcRules.DEFAULT), hand::classes);
            rows.add(row(server, "ABC + RFM of all clients (RUB, 2026)", c, 2.0, missed));
            Latencies[] push = SalesPush.measure(crm, connection, db.postgres(), clients, args, seed);
            rows.add(row(server, String.format(Locale.ROOT, "push facts, %,d per call (upsert of stored keys)", args.integer("batch")),
                    push, 1.5, missed));
            rows.add(Report.row(server.label(), "(where the push time goes) crmkit push of as many facts without a client, "
                    + "rows of their own: no client check", cell(push[2]), cell(push[1]), String.format(Locale.ROOT, "%.2f", push[2].median() / push[1].median()),
                    "–"));
            report.table(List.of("database", "operation", "crmkit median / p99 ms (n)", "hand SQL via JDBC median / p99 ms (n)",
                    "ratio of medians", "target"), rows);
            if (!missed.isEmpty()) {
                report.line("Over target: " + String.join(", ", missed) + ".").line("");
            }
            if (pg != null) {
                explain(pg, crm, hand, year, report);
            }
        }
    }

    /** Plans (auto_explain, ANALYZE) of crmkit's and the hand statements of the three reports, once each. */
    private static void explain(PostgresServer pg, Crm crm, HandSql hand, FunnelQuery year, Report report) {
        String plans = pg.plansOf("crm_", () -> {
            try {
                crm.deals().funnel(year);
                hand.funnel();
                crm.ledger().incomeAndExpenses(FROM, UNTIL);
                hand.incomeAndExpenses();
                crm.ledger().classes(FROM, UNTIL, "RUB", AbcRules.DEFAULT);
                hand.classes();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        report.line("<details><summary>PostgreSQL plans (auto_explain, ANALYZE, BUFFERS): crmkit's statement, then the hand one, "
                + "for the funnel, income and expenses, ABC + RFM</summary>").line("").line("```");
        plans.lines().filter(l -> !l.contains("bench_sales") && !l.contains("pg_catalog")).forEach(report::line);
        report.line("```").line("").line("</details>").line("");
    }

    private static String row(BenchServer server, String operation, Latencies[] pair, double target, List<String> missed) {
        double ratio = pair[0].median() / pair[1].median();
        if (ratio > target) {
            missed.add(String.format(Locale.ROOT, "%s on %s (%.2f > %.1f)", operation, server.label(), ratio, target));
        }
        return Report.row(server.label(), operation, cell(pair[0]), cell(pair[1]), String.format(Locale.ROOT, "%.2f", ratio),
                String.format(Locale.ROOT, "≤ %.1f%s", target, ratio > target ? " **missed**" : " met"));
    }

    private static String cell(Latencies l) {
        return Latencies.ms(l.median()) + " / " + Latencies.ms(l.p99()) + " (" + l.count() + ")";
    }

    /** Warm-up, then crmkit and hand calls alternating, until {@code --runs} each or the time budget is spent. */
    private static Latencies[] pair(Args args, Call crmkit, Call hand) throws Exception {
        for (int i = 0; i < args.integer("warmup"); i++) {
            crmkit.run();
            hand.run();
        }
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        long budget = args.number("budget") * 1_000_000_000L;
        long start = System.nanoTime();
        for (int i = 0; i < args.integer("runs") && (i < 3 || System.nanoTime() - start < budget); i++) {
            long t = System.nanoTime();
            crmkit.run();
            a.add(System.nanoTime() - t);
            t = System.nanoTime();
            hand.run();
            b.add(System.nanoTime() - t);
        }
        return new Latencies[] {a, b};
    }

    /** The report as comparable lines: currency|client|order → income|expense. */
    static Map<String, String> flatten(IncomeExpenses report) {
        Map<String, String> lines = new TreeMap<>();
        for (IncomeExpenses.Section section : report.currencies()) {
            for (IncomeExpenses.ClientLine client : section.clients()) {
                for (IncomeExpenses.OrderLine order : client.orders()) {
                    lines.put(section.currency().getCurrencyCode() + "|" + client.client().map(ClientId::value).map(UUID::toString).orElse("-")
                            + "|" + order.order().orElse("-"), plain(order.figures().income().amount()) + "|"
                            + plain(order.figures().expense().amount()));
                }
            }
        }
        return lines;
    }

    /** The classes as comparable lines: client → ABC grade|RFM code (or "-" when not scored). */
    static Map<String, String> flatten(ClientClasses classes) {
        Map<String, String> lines = new TreeMap<>();
        for (ClientClasses.Abc abc : classes.abc()) {
            lines.put(abc.client().value().toString(), abc.grade() + "|-");
        }
        for (ClientClasses.Rfm rfm : classes.rfm()) {
            lines.merge(rfm.client().value().toString(), "?|" + rfm.code(), (a, b) -> a.substring(0, a.indexOf('|')) + b.substring(1));
        }
        return lines;
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String sizes(Connection c) throws SQLException {
        StringBuilder b = new StringBuilder("Rows of tenant `base`:");
        for (String table : List.of("crm_client", "crm_deal", "crm_deal_stage_visit", "crm_ledger_fact")) {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
                count.setString(1, ClientBase.TENANT);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    b.append(String.format(Locale.ROOT, " %s %,d,", table, rs.getLong(1)));
                }
            }
        }
        c.rollback();
        b.setLength(b.length() - 1);
        return b.append('.').toString();
    }

    /**
     * The three reports written by hand, as one statement each sent by plain JDBC: what a developer
     * would write against these tables without crmkit.
     */
    static final class HandSql {
        private final Connection c;
        private final boolean postgres;
        private final Pipeline pipeline;
        private final List<StageId> order;
        private final String funnelSql;

        HandSql(Connection c, boolean postgres, Pipeline pipeline) {
            this.c = c;
            this.postgres = postgres;
            this.pipeline = pipeline;
            this.order = Funnel.openOrder(pipeline);
            StringBuilder positions = new StringBuilder();
            for (int i = 0; i < order.size(); i++) {
                positions.append(i == 0 ? "" : ", ").append("(CAST(? AS UUID), ").append(i).append(')');
            }
            String end = "COALESCE(s.left_at, CAST(? AS TIMESTAMP WITH TIME ZONE))";
            String micros = postgres ? "CAST(EXTRACT(EPOCH FROM (" + end + " - s.entered_at)) * 1000000 AS BIGINT)"
                    : "DATEDIFF(MICROSECOND, s.entered_at, " + end + ")";
            // the year's deals by their first stay; every stay of them; each deal's furthest open stage by a join to the order
            this.funnelSql = "WITH d AS (SELECT d.id, d.stage_id, d.status, d.amount, d.currency, d.responsible, d.lost_reason"
                    + " FROM crm_deal d JOIN crm_deal_stage_visit o ON o.tenant_id = d.tenant_id AND o.deal_id = d.id AND o.seq = 0"
                    + " WHERE d.tenant_id = ? AND d.pipeline_id = ? AND o.entered_at >= ? AND o.entered_at < ?),"
                    + " pos (stage_id, p) AS (VALUES " + positions + "),"
                    + " v AS (SELECT d.id, d.responsible, d.status, s.stage_id, " + micros + " AS micros"
                    + " FROM crm_deal_stage_visit s JOIN d ON s.deal_id = d.id WHERE s.tenant_id = ?),"
                    + " r AS (SELECT v.responsible, CASE WHEN MIN(v.status) = 'WON' THEN " + order.size() + " ELSE COALESCE(MAX(pos.p), -1) END"
                    + " AS far FROM v LEFT JOIN pos ON pos.stage_id = v.stage_id GROUP BY v.id, v.responsible)"
                    + " SELECT 'S' AS k, d.responsible AS m, d.stage_id AS st, d.currency AS cur, CAST(NULL AS VARCHAR(60)) AS lbl,"
                    + " COUNT(*) AS n, SUM(d.amount) AS total, CAST(NULL AS BIGINT) AS x FROM d GROUP BY d.responsible, d.stage_id, d.currency"
                    + " UNION ALL SELECT 'R', r.responsible, NULL, NULL, NULL, COUNT(*), NULL, r.far FROM r GROUP BY r.responsible, r.far"
                    + " UNION ALL SELECT 'M', NULL, v.stage_id, NULL, NULL, COUNT(*), NULL, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v.micros)"
                    + " FROM v GROUP BY v.stage_id"
                    + " UNION ALL SELECT 'M', v.responsible, v.stage_id, NULL, NULL, COUNT(*), NULL,"
                    + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v.micros) FROM v GROUP BY v.responsible, v.stage_id"
                    + " UNION ALL SELECT 'O', NULL, NULL, d.currency, d.status || ':' || COALESCE(d.lost_reason, ''), COUNT(*), SUM(d.amount),"
                    + " NULL FROM d WHERE d.status <> 'OPEN' GROUP BY d.status, d.lost_reason, d.currency";
        }

        /**
         * The funnel: stage and furthest-stage counts come per manager only and are added up for
         * all managers here ({@link Funnel.Facts} adds facts of one key); medians come for both.
         */
        Funnel funnel() throws SQLException {
            Funnel.Facts facts = new Funnel.Facts();
            try (PreparedStatement s = c.prepareStatement(funnelSql)) {
                int i = 1;
                s.setString(i++, ClientBase.TENANT);
                s.setObject(i++, pipeline.id().value());
                s.setObject(i++, YEAR_START.atOffset(ZoneOffset.UTC));
                s.setObject(i++, YEAR_END.atOffset(ZoneOffset.UTC));
                for (StageId stage : order) {
                    s.setObject(i++, stage.value());
                }
                s.setObject(i++, AS_OF.atOffset(ZoneOffset.UTC));
                s.setString(i, ClientBase.TENANT);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String m = rs.getString("m");
                        Optional<EmployeeId> manager = Optional.ofNullable(m).map(EmployeeId::of);
                        long n = rs.getLong("n");
                        switch (rs.getString("k")) {
                            case "S" -> {
                                StageId stage = new StageId(rs.getObject("st", UUID.class));
                                Currency currency = Currency.getInstance(rs.getString("cur").strip());
                                BigDecimal total = rs.getBigDecimal("total");
                                facts.stage(Optional.empty(), stage, currency, n, total);
                                facts.stage(manager, stage, currency, n, total);
                            }
                            case "R" -> {
                                facts.furthest(Optional.empty(), (int) rs.getLong("x"), n);
                                facts.furthest(manager, (int) rs.getLong("x"), n);
                            }
                            case "M" -> facts.stays(manager, new StageId(rs.getObject("st", UUID.class)), n, rs.getLong("x"));
                            default -> {
                                String[] outcome = rs.getString("lbl").split(":", 2);
                                facts.outcome(StageKind.valueOf(outcome[0]), outcome[1].isEmpty() ? Optional.empty()
                                        : Optional.of(LostReasonId.of(outcome[1])), Currency.getInstance(rs.getString("cur").strip()), n,
                                        rs.getBigDecimal("total"));
                            }
                        }
                    }
                }
            }
            c.rollback();
            return facts.build(pipeline, AS_OF);
        }

        /** Income and expenses of 2026 per currency, client and order, as comparable lines. */
        Map<String, String> incomeAndExpenses() throws SQLException {
            Map<String, String> lines = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT currency, client_id, order_ref, SUM(amount), SUM(cost) FROM crm_ledger_fact"
                    + " WHERE tenant_id = ? AND fact_date BETWEEN ? AND ? GROUP BY currency, client_id, order_ref")) {
                s.setString(1, ClientBase.TENANT);
                s.setObject(2, FROM);
                s.setObject(3, UNTIL);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID client = rs.getObject(2, UUID.class);
                        String order = rs.getString(3);
                        lines.put(rs.getString(1).strip() + "|" + (client == null ? "-" : client.toString()) + "|" + (order == null ? "-" : order),
                                plain(rs.getBigDecimal(4)) + "|" + plain(rs.getBigDecimal(5)));
                    }
                }
            }
            c.rollback();
            return lines;
        }

        /**
         * ABC by profit (80/15/5) and RFM quintiles of the RUB clients of 2026 in one statement: totals per client, the running
         * sum of profit before each client (largest first, ties by id), and row numbers for R, F and M (score 1 + 5r / n), the
         * clients without a positive income ranked last; one window pass over the totals, no self-join (H2 evaluates a joined
         * CTE again for every row).
         */
        Map<String, String> classes() throws SQLException {
            String sql = "WITH t AS (SELECT client_id, SUM(amount) AS income, SUM(amount) - SUM(cost) AS profit,"
                    + " MAX(CASE WHEN amount > 0 THEN fact_date END) AS last_income,"
                    + " COUNT(DISTINCT CASE WHEN amount > 0 THEN source || ? || document END) AS docs"
                    + " FROM crm_ledger_fact WHERE tenant_id = ? AND currency = ? AND fact_date BETWEEN ? AND ? AND client_id IS NOT NULL"
                    + " GROUP BY client_id),"
                    + " w AS (SELECT client_id, profit, SUM(CASE WHEN profit > 0 THEN profit ELSE 0 END) OVER () AS positive,"
                    + " COALESCE(SUM(profit) OVER (ORDER BY profit DESC, client_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)"
                    + " AS before_it, COUNT(last_income) OVER () AS n,"
                    + " ROW_NUMBER() OVER (ORDER BY last_income NULLS LAST, client_id) - 1 AS rr,"
                    + " ROW_NUMBER() OVER (ORDER BY CASE WHEN last_income IS NULL THEN 1 ELSE 0 END, docs, client_id) - 1 AS fr,"
                    + " ROW_NUMBER() OVER (ORDER BY CASE WHEN last_income IS NULL THEN 1 ELSE 0 END, income, client_id) - 1 AS mr,"
                    + " CASE WHEN last_income IS NULL THEN 0 ELSE 1 END AS scored FROM t)"
                    + " SELECT client_id, CASE WHEN profit <= 0 THEN 'C' WHEN before_it * 100 < 80 * positive THEN 'A'"
                    + " WHEN before_it * 100 < 95 * positive THEN 'B' ELSE 'C' END AS grade, scored,"
                    + " 1 + 5 * rr / NULLIF(n, 0) AS r, 1 + 5 * fr / NULLIF(n, 0) AS f, 1 + 5 * mr / NULLIF(n, 0) AS m FROM w";
            Map<String, String> lines = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, "\u0001");
                s.setString(2, ClientBase.TENANT);
                s.setString(3, "RUB");
                s.setObject(4, FROM);
                s.setObject(5, UNTIL);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String rfm = rs.getInt("scored") == 0 ? "-" : "" + rs.getLong("r") + rs.getLong("f") + rs.getLong("m");
                        lines.put(rs.getObject(1, UUID.class).toString(), rs.getString(2) + "|" + rfm);
                    }
                }
            }
            c.rollback();
            return lines;
        }
    }
}
