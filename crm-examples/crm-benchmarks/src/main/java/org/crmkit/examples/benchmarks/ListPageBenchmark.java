package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.crmkit.Crm;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;

/**
 * The client list as a host's screen shows it: a page of 100 active clients by name or by code, at
 * a random offset in the first 10,000 (so no two queries are the same and no database can answer
 * from a cached result), over the million-client base of the other benchmarks. No baseline: the
 * figure to watch is whether a page costs a page or the whole base (an index read in order, or a
 * sort of every client).
 *
 * <p>Run: {@code mvn -q -pl crm-examples/crm-benchmarks exec:java -Dexec.skip=false
 * -Dexec.mainClass=org.crmkit.examples.benchmarks.ListPageBenchmark} (options {@code --clients
 * 1000000 --queries 200 --warmup 20 --db h2,pg}).
 */
public final class ListPageBenchmark {
    private ListPageBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "1000000", "queries", "200", "warmup", "20", "db", "h2,pg",
                "seed", String.valueOf(Dataset.DEFAULT_SEED), "reload", "false"));
        Path target = Path.of("target");
        Report report = new Report(target, "Client list pages over " + String.format(Locale.ROOT, "%,d", args.integer("clients"))
                + " clients", "ListPageBenchmark " + args.describe());
        List<String> rows = new ArrayList<>();
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                ClientBase.Loaded base = ClientBase.ensure(server, args.integer("clients"), args.number("seed"),
                        args.flag("reload"), 10, report);
                try (Crm crm = Crm.builder().storage(base.db().storage())
                        .actor(Actor.system(TenantId.of(ClientBase.TENANT), "bench")).build()) {
                    Map<String, Function<ClientQuery, List<?>>> reads = new LinkedHashMap<>();
                    reads.put("whole clients (`find`)", crm.clients()::find);
                    reads.put("search lines (`summaries`)", crm.clients()::summaries);
                    for (ClientQuery.Order order : List.of(ClientQuery.Order.NAME, ClientQuery.Order.CODE)) {
                        for (Map.Entry<String, Function<ClientQuery, List<?>>> read : reads.entrySet()) {
                            Latencies latencies = pages(order, read.getValue(), args);
                            rows.add(Report.row(server.label(), "active clients by " + order.name().toLowerCase(Locale.ROOT), read.getKey(),
                                    latencies.count(), Latencies.ms(latencies.median()), Latencies.ms(latencies.p99())));
                        }
                    }
                }
            }
        }
        report.table(List.of("database", "page of 100", "read as", "queries", "median ms", "p99 ms"), rows);
        report.save();
    }

    /** The latencies of pages of 100 active clients at random offsets below 10,000 (the same offsets for every read). */
    private static Latencies pages(ClientQuery.Order order, Function<ClientQuery, List<?>> read, Args args) {
        Random random = new Random(args.number("seed"));
        Latencies latencies = new Latencies();
        int total = args.integer("warmup") + args.integer("queries");
        for (int i = 0; i < total; i++) {
            ClientQuery page = new ClientQuery(new ClientCriterion.Archived(false), order, random.nextInt(10_000), 100);
            long t = System.nanoTime();
            int found = read.apply(page).size();
            if (found != 100) {
                throw new IllegalStateException("a page held " + found + " clients");
            }
            if (i >= args.integer("warmup")) {
                latencies.add(System.nanoTime() - t);
            }
        }
        return latencies;
    }
}
