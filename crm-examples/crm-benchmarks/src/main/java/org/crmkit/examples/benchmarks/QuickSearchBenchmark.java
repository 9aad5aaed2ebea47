package org.crmkit.examples.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.criteria.Criterion;
import org.crmkit.storage.contract.SearchCorpus;
import org.crmkit.client.ClientSummary;
import org.crmkit.common.Actor;
import org.crmkit.common.CleanText;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.TenantId;

/**
 * Quick search ({@code crm.clients().search(text)}) over a base of a million clients, on H2 and
 * PostgreSQL: a phone in one of six formats people type, an INN, and the first 4–8 letters of the
 * distinctive word of a client's name ({@code Пермь} of {@code ООО «Пермь-63»}; sometimes lower
 * case, sometimes with е for ё). Latency median and p99 per kind,
 * after a warm-up, one query at a time. The warm-up repeats the first 500 probes of each kind (never measured) until
 * the JIT compiler goes quiet ({@link #warmUp}), at most {@code --warmup} searches and half of {@code --budget}
 * seconds: before that, p99 measures the
 * compiler competing with the database for this machine's two cores.
 *
 * <p>Baseline, in the same run: the query a hand-written DAO would send for the one reading the user
 * meant (the phone by a join from the contact index, the INN through its index, the name by
 * {@code LIKE '%text%'}, fenced from the ORDER BY so PostgreSQL uses the trigram index: a prefix
 * LIKE would miss every name that starts with its legal form), reading like crmkit the columns of
 * a search line ({@link org.crmkit.client.ClientSummary}) in that one query. crmkit
 * cannot know what the text means, so it asks for all readings at once (name OR code OR INN OR
 * phone); the difference is the price of that, plus the object mapping. On PostgreSQL the run also
 * prints the plans of the slowest crmkit search of each kind (auto_explain) and the database's {@code lc_ctype},
 * on which pg_trgm's handling of Cyrillic depends.
 *
 * <p>Run: {@code mvn -q -pl crm-examples/crm-benchmarks exec:java -Dexec.skip=false
 * -Dexec.mainClass=org.crmkit.examples.benchmarks.QuickSearchBenchmark} (options {@code --clients
 * 1000000 --queries 2000 --warmup 20000 --budget 60 --db h2,pg --reload false --kinds phone,inn,name --prewarm true}); a
 * kind stops early when its measured queries exceed {@code --budget} seconds, and the row says how many ran. On
 * PostgreSQL, {@code --prewarm} first reads what the searches use into the operating system's page cache
 * ({@link PostgresServer#prewarm}): without it, whichever row runs first reads the pages of its probes' clients from
 * disk and the rows after it, on the same probes, find them cached.
 * Target: p99 ≤ 5 ms on PostgreSQL.
 */
public final class QuickSearchBenchmark {
    private static final String PHONE_TYPES = "'PHONE', 'MOBILE', 'FAX', 'WHATSAPP'";
    /** What the searches of this benchmark read on PostgreSQL (with {@code --prewarm}, read into the page cache first). */
    private static final List<String> SEARCHED = List.of("crm_client", "crm_client_pk", "crm_client_code_uq", "crm_client_inn_ix",
            "crm_client_short_key_ix", "crm_client_name_word_pk", "crm_client_names_trgm_ix", "crm_client_contact",
            "crm_client_contact_pk", "crm_client_contact_search_ix", "crm_client_name_core_ix", "crm_client_contact_reversed_ix", "crm_client_property", "crm_client_property_pk");

    private QuickSearchBenchmark() {
    }

    /** One search as typed, with the client it was taken from. */
    private record Probe(String kind, String text, ClientRow source) {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "1000000", "queries", "2000", "warmup", "20000", "budget", "60",
                "db", "h2,pg", "seed", String.valueOf(Dataset.DEFAULT_SEED), "reload", "false", "kinds", "phone,inn,name",
                "prewarm", "true"));
        Path target = Path.of("target");
        Report report = new Report(target, "Quick search over " + String.format(Locale.ROOT, "%,d", args.integer("clients"))
                + " clients", "QuickSearchBenchmark " + args.describe());
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                ClientBase.Loaded base = ClientBase.ensure(server, args.integer("clients"), args.number("seed"),
                        args.flag("reload"), 4000, report);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                run(server, base, args, report);
            }
        }
        report.save();
    }

    private static void run(BenchServer server, ClientBase.Loaded base, Args args, Report report) throws SQLException {
        Random random = ClientBase.queryRandom(base.seed());
        int total = WARM_SET + args.integer("queries");
        List<List<Probe>> all = List.of(phones(base.samples(), random, total), inns(base.samples(), random, total),
                names(base.samples(), random, total));
        List<String> wanted = List.of(args.text("kinds").toLowerCase(Locale.ROOT).split(","));
        List<List<Probe>> kinds = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (wanted.contains(List.of("phone", "inn", "name").get(i))) {
                kinds.add(all.get(i));
            }
        }
        List<String> rows = new ArrayList<>();
        PostgresServer pg = server instanceof PostgresServer ? (PostgresServer) server : null;
        if (pg != null && args.flag("prewarm")) {
            report.line("Before measuring: " + pg.prewarm(base.db(), SEARCHED)).line("");
        }
        corpus(base, report);
        try (Crm crm = Crm.builder().storage(base.db().storage()).actor(Actor.system(TenantId.of(ClientBase.TENANT), "bench")).build();
             Connection connection = base.db().connect()) {
            JdbcClientReader reader = JdbcClientReader.summaries(connection, base.db().postgres(), ClientBase.TENANT);
            List<Probe> slowest = new ArrayList<>();
            List<String> tails = new ArrayList<>();
            List<String> statements = new ArrayList<>();
            for (List<Probe> probes : kinds) {
                boolean counted = pg != null && pg.resetStatements(base.db());
                Measured api = measure(probes, args, p -> crm.clients().search(p.text()).size(), p -> found(crm, p),
                        () -> {
                            if (counted) {
                                pg.resetStatements(base.db());
                            }
                        });
                if (counted) {
                    statements.add("Statements of the measured crmkit " + probes.get(0).kind() + " searches ("
                            + "pg_stat_statements, server time only), by total time:");
                    statements.add("");
                    statements.addAll(pg.topStatements(base.db(), 6));
                    statements.add("");
                }
                Measured jdbc = measure(probes, args, p -> baseline(reader, p), p -> true, () -> { });
                slowest.add(api.slowest.get(0).probe());
                String kind = probes.get(0).kind();
                tails.add("- " + kind + ": " + api.slowest.stream()
                        .map(t -> "`" + t.probe().text() + "` " + Latencies.ms(t.nanos() / 1e6) + " ms (" + t.results() + ")")
                        .collect(Collectors.joining(", ")));
                rows.add(Report.row(server.label(), kind, "crmkit `search`", api.warmup.describe(), api.latencies.count(),
                        Latencies.ms(api.latencies.median()), "**" + Latencies.ms(api.latencies.p99()) + "**", Latencies.ms(api.latencies.mean()),
                        String.format(Locale.ROOT, "%.1f", api.averageResults), api.missed));
                rows.add(Report.row(server.label(), kind, "JDBC, one reading", jdbc.warmup.describe(), jdbc.latencies.count(),
                        Latencies.ms(jdbc.latencies.median()), Latencies.ms(jdbc.latencies.p99()), Latencies.ms(jdbc.latencies.mean()),
                        String.format(Locale.ROOT, "%.1f", jdbc.averageResults), "–"));
            }
            report.table(List.of("database", "search", "by", "warm-up searches", "queries", "median ms", "p99 ms", "mean ms",
                    "results (avg)", "source client missing"), rows);
            report.line("The " + TAIL + " slowest crmkit searches of each kind, slowest first (text, time, results):").line("");
            tails.forEach(report::line);
            report.line("");
            statements.forEach(report::line);
            if (pg != null) {
                report.line("PostgreSQL and Cyrillic trigrams:").line("");
                pg.trigramReport(base.db()).forEach(l -> report.line("- " + l));
                report.line("");
                String plans = pg.plansOf(() -> slowest.forEach(p -> crm.clients().search(p.text())));
                report.line("Plans of the slowest crmkit search of each kind, run again (" + slowest.stream()
                        .map(p -> p.kind() + " `" + p.text() + "`").collect(Collectors.joining(", "))
                        + "), from auto_explain:").line("").line("```");
                plans.lines().forEach(report::line);
                report.line("```").line("");
            }
        }
    }

    /**
     * The relevance corpus of the store kit ({@link SearchCorpus}), checked on this base before
     * timing: its population in a tenant of its own, in the same tables as the million clients.
     */
    private static void corpus(ClientBase.Loaded base, Report report) {
        TenantId tenant = TenantId.of("corpus");
        Crm crm = Crm.builder().storage(base.db().storage()).actor(Actor.system(tenant, "corpus")).build();
        if (crm.clients().count(Criterion.all()) == 0) {
            SearchCorpus.load(crm);
        }
        List<String> failures = SearchCorpus.check(crm);
        report.line("Relevance corpus (" + SearchCorpus.queries().size() + " queries of the store kit, tenant `corpus` in this base): "
                + (failures.isEmpty() ? "all answered as required." : failures.size() + " wrong:")).line("");
        failures.forEach(f -> report.line("- " + f));
        if (!failures.isEmpty()) {
            report.line("");
        }
    }

    private interface Query {
        int run(Probe probe) throws Exception;
    }

    private interface Check {
        boolean test(Probe probe);
    }

    /** Latencies of one kind, the average result count, the misses, and the slowest probes, slowest first (for the tail and its plan). */
    private record Measured(Latencies latencies, double averageResults, int missed, List<Timed> slowest, Warmup warmup) {
    }

    /** How many searches the warm-up ran, and whether it ended because the JIT had gone quiet. */
    private record Warmup(int searches, boolean quiet) {
        String describe() {
            return String.format(Locale.ROOT, "%,d", searches) + (quiet ? " (JIT quiet)" : " (count or time limit)");
        }
    }

    /** One measured probe: what it took and how many results it gave. */
    private record Timed(Probe probe, long nanos, int results) {
    }

    /** How many of the slowest probes of a kind the report lists. */
    private static final int TAIL = 25;
    /** The warm-up probes of each kind: the first of its probes, never measured. */
    private static final int WARM_SET = 500;
    /** Searches of one warm-up pass. */
    private static final int PASS = 500;
    /** JIT compile time (ms) under which a warm-up pass counts as quiet. */
    private static final long QUIET_MS = 10;

    private static Measured measure(List<Probe> probes, Args args, Query query, Check check, Runnable warmedUp) {
        int warmSet = Math.min(WARM_SET, probes.size() / 5);
        long budget = args.number("budget") * 1_000_000_000L;
        Latencies latencies = new Latencies();
        long results = 0;
        int missed = 0;
        PriorityQueue<Timed> slowest = new PriorityQueue<>(Comparator.comparingLong(Timed::nanos));
        Warmup warmup;
        try {
            warmup = warmUp(probes.subList(0, warmSet), args.integer("warmup"), budget / 2, query);
            warmedUp.run();
            long start = System.nanoTime();
            for (int i = warmSet; i < probes.size() && System.nanoTime() - start < budget; i++) {
                Probe probe = probes.get(i);
                long t = System.nanoTime();
                int found = query.run(probe);
                long elapsed = System.nanoTime() - t;
                results += found;
                latencies.add(elapsed);
                slowest.add(new Timed(probe, elapsed, found));
                if (slowest.size() > TAIL) {
                    slowest.poll();
                }
                if (i % 50 == 0 && !check.test(probe)) {
                    missed++;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("query failed", e);
        }
        List<Timed> tail = new ArrayList<>(slowest);
        tail.sort(Comparator.comparingLong(Timed::nanos).reversed());
        return new Measured(latencies, latencies.count() == 0 ? 0 : (double) results / latencies.count(), missed, tail, warmup);
    }

    /**
     * Runs the warm-up probes over and over, in passes of {@value #PASS}, until a pass in which the JIT compiler worked
     * for less than {@value #QUIET_MS} ms: the latencies after it are those of a host that has been running a while, not
     * of one still compiling its search path on the same cores as the database. At most {@code max} searches or
     * {@code budget} nanoseconds.
     */
    private static Warmup warmUp(List<Probe> probes, int max, long budget, Query query) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        int runs = 0;
        long compiled = watched ? jit.getTotalCompilationTime() : 0;
        while (runs < max && System.nanoTime() - start < budget) {
            int pass = 0;
            for (; pass < PASS && runs < max && System.nanoTime() - start < budget; pass++, runs++) {
                query.run(probes.get(runs % probes.size()));
            }
            if (watched && pass == PASS) {
                long now = jit.getTotalCompilationTime();
                boolean quiet = now - compiled < QUIET_MS;
                compiled = now;
                if (quiet) {
                    return new Warmup(runs, true);
                }
            }
        }
        return new Warmup(runs, false);
    }

    /** Every 50th probe: is the client the text was taken from among the results (for names: within the first 50)? */
    private static boolean found(Crm crm, Probe probe) {
        List<ClientSummary> results = crm.clients().search(probe.text());
        boolean named = results.stream().anyMatch(c -> c.shortName().equals(probe.source().shortName()));
        return named || probe.kind().equals("name prefix") && results.size() == 50;
    }

    private static int baseline(JdbcClientReader reader, Probe probe) throws SQLException {
        String order = reader.orderBy("c.short_key");
        switch (probe.kind()) {
            case "phone":
                String e164 = PhoneNumber.parse("search", probe.text(), "RU").e164();
                return reader.joinedPage("crm_client_contact k ON k.tenant_id = c.tenant_id AND k.client_id = c.id",
                        "c.archived = ? AND k.search_value = ? AND k.type IN (" + PHONE_TYPES + ")", order, 50, false, e164);
            case "INN":
                return reader.page("c.inn = ? AND c.archived = ?", order, 50, probe.text().strip(), false);
            default:
                String pattern = "%" + CleanText.fold(probe.text()) + "%";
                if (reader.postgres()) {
                    // the one trigram index over both names (V7)
                    return reader.fencedPage("(c.short_key || chr(1) || COALESCE(c.full_key, '')) LIKE ? AND c.archived = ?", order, 50,
                            pattern, false);
                }
                return reader.fencedPage("(c.short_key LIKE ? OR c.full_key LIKE ?) AND c.archived = ?", order, 50, pattern, pattern, false);
        }
    }

    private static List<Probe> phones(List<ClientRow> samples, Random random, int count) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClientRow row = samples.get(random.nextInt(samples.size()));
            String number = random.nextBoolean() ? row.phone() : row.mobile();
            probes.add(new Probe("phone", Dataset.typedAs(number, random.nextInt(6)), row));
        }
        return probes;
    }

    private static List<Probe> inns(List<ClientRow> samples, Random random, int count) {
        List<Probe> probes = new ArrayList<>();
        while (probes.size() < count) {
            ClientRow row = samples.get(random.nextInt(samples.size()));
            row.inn().ifPresent(inn -> probes.add(new Probe("INN", inn, row)));
        }
        return probes;
    }

    /** The first 4–8 letters of the name's distinctive part, as typed: often lower case, ё often as е. */
    private static List<Probe> names(List<ClientRow> samples, Random random, int count) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClientRow row = samples.get(random.nextInt(samples.size()));
            String core = row.nameCore();
            String prefix = core.substring(0, Math.min(core.length(), 4 + random.nextInt(5))).strip();
            if (random.nextBoolean()) {
                prefix = prefix.toLowerCase(Locale.ROOT);
            }
            if (random.nextBoolean()) {
                prefix = prefix.replace('ё', 'е').replace('Ё', 'Е');
            }
            probes.add(new Probe("name prefix", prefix, row));
        }
        return probes;
    }
}
