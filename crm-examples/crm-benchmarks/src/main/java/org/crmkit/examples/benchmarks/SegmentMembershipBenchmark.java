package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.TenantId;
import org.crmkit.criteria.Criterion;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.segment.Segment;
import org.crmkit.segment.SegmentEvent;
import org.crmkit.segment.SegmentId;
import org.crmkit.segment.SegmentStore;
import org.crmkit.storage.Storage;

/**
 * Live segment membership: with {@code --segments} (1,500) saved dynamic segments whose rules mix
 * core fields (kind, registration date, archived), the base's additional properties (sector,
 * VIP, employees) and interaction facts (has an interaction of a kind, in a state), one client
 * changes (its VIP flag flips, written through the store so that nothing refreshes on its own),
 * and the time until its entered/left segments are known is measured two ways in the same run:
 *
 * <ul>
 *   <li><b>crmkit</b>: {@code crm.segments().refresh(Set.of(client))}, the whole unit of work live
 *       membership runs after a commit (read the tenant's rules, read the client once, evaluate every
 *       rule in memory with one probe per distinct interaction leaf, read and write its membership
 *       rows, publish the events);</li>
 *   <li><b>baseline</b>: one single-client SQL probe per segment ({@code count(rule AND c.id = ?)}
 *       through crmkit's own SQL), plus the client's membership rows, diffed in Java; nothing written.</li>
 * </ul>
 *
 * Both must name the same entered and left segments for every changed client: the run checks it
 * before it reports a figure. The segments are inserted through the store (the base has 100,000
 * clients; saving through the use case would fill each one's membership over the whole base); each
 * sampled client's rows are made by one untimed refresh first.
 *
 * <p>Run: {@code mvn -q -pl crm-examples/crm-benchmarks exec:java -Dexec.skip=false
 * -Dexec.mainClass=org.crmkit.examples.benchmarks.SegmentMembershipBenchmark} (options
 * {@code --clients 100000 --segments 1500 --samples 100 --db h2 --or-percent 0 --seed …}). {@code --or-percent} rules
 * are an OR of their first part and the rest: crmkit translates an OR into {@code c.id IN (… UNION …)},
 * each arm answered over the whole tenant, so the baseline's single-client probe of such a rule reads
 * the tenant (seen on H2 at 25%: minutes per changed client); the default leaves OR out. The baseline
 * runs (and is compared) for the first {@code --baseline-samples} changed clients only (default 1):
 * on H2 at 100,000 clients one client's 1,500 probes took minutes, each property probe materialising
 * the leaf's {@code c.id IN (…)} over the tenant.
 */
public final class SegmentMembershipBenchmark {
    private static final List<String> KINDS = List.of("call", "meeting", "seminar", "email", "visit");

    private SegmentMembershipBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "100000", "segments", "1500", "samples", "100", "db", "h2",
                "seed", String.valueOf(Dataset.DEFAULT_SEED), "reload", "false", "or-percent", "0", "baseline-samples", "1"));
        Path target = Path.of("target");
        Report report = new Report(target, String.format(Locale.ROOT, "Live segment membership: %,d dynamic segments, one client changes",
                args.integer("segments")), "SegmentMembershipBenchmark " + args.describe());
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                ClientBase.Loaded base = ClientBase.ensure(server, args.integer("clients"), args.number("seed"), args.flag("reload"), 0, report);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                run(base.db(), args, report);
            }
        }
        report.save();
    }

    private static void run(BenchDatabase db, Args args, Report report) throws SQLException {
        clearSegments(db);
        List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
        TenantId tenant = TenantId.of(ClientBase.TENANT);
        Storage storage = db.storage();
        try (Crm crm = Crm.builder().storage(storage).actor(Actor.system(tenant, "bench")).listener(events::add).build()) {
            Random random = ClientBase.queryRandom(args.number("seed"));
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < args.integer("segments"); i++) {
                segments.add(Segment.dynamic(new SegmentId(UUID.randomUUID()), "Сегмент " + i, rule(random, args.integer("or-percent"))));
            }
            storage.inTransaction(tenant, s -> {
                segments.forEach(seg -> s.get(SegmentStore.class).insert(seg));
                return null;
            });
            List<ClientId> sample = sample(db, args.integer("samples"), random);
            long first = System.nanoTime();
            crm.segments().refresh(sample); // each sampled client's membership rows, untimed
            System.out.printf(Locale.ROOT, "  first refresh of %d clients: %.0f ms%n", sample.size(), (System.nanoTime() - first) / 1e6);
            Latencies live = new Latencies();
            Latencies probes = new Latencies();
            long entered = 0;
            long left = 0;
            int probed = args.integer("baseline-samples");
            for (ClientId id : sample) {
                flipVip(storage, tenant, id);
                long start = System.nanoTime();
                Set<SegmentId>[] expected = null;
                if (live.count() < probed) {
                    expected = baseline(storage, tenant, segments, id);
                    probes.add(System.nanoTime() - start);
                }
                events.clear();
                start = System.nanoTime();
                crm.segments().refresh(Set.of(id));
                live.add(System.nanoTime() - start);
                Set<SegmentId> in = new HashSet<>();
                Set<SegmentId> out = new HashSet<>();
                synchronized (events) {
                    for (DomainEvent e : events) {
                        if (e instanceof SegmentEvent.Entered) {
                            in.add(((SegmentEvent.Entered) e).segment());
                        } else if (e instanceof SegmentEvent.Left) {
                            out.add(((SegmentEvent.Left) e).segment());
                        }
                    }
                }
                if (expected != null && (!in.equals(expected[0]) || !out.equals(expected[1]))) {
                    throw new IllegalStateException("client " + id + ": live membership says entered " + in + ", left " + out
                            + "; the single-client probes say entered " + expected[0] + ", left " + expected[1]);
                }
                entered += in.size();
                left += out.size();
                System.out.printf(Locale.ROOT, "  client %d of %d: live %.2f ms, probes %.1f ms, entered %d, left %d%n", live.count(),
                        sample.size(), lastMs(live), expected == null ? Double.NaN : lastMs(probes), in.size(), out.size());
            }
            report.line(String.format(Locale.ROOT, "%,d segments, %,d changed clients; entered %,d and left %,d segments in all;"
                    + " the baseline ran for the first %,d of them and agreed on each.", segments.size(), sample.size(), entered, left,
                    probes.count())).line("");
            report.line(Report.row("method", "median ms", "p99 ms", "mean ms"));
            report.line(Report.row("---", "---:", "---:", "---:"));
            report.line(Report.row("crmkit live membership (refresh of one client)", Latencies.ms(live.median()), Latencies.ms(live.p99()),
                    Latencies.ms(live.mean())));
            report.line(Report.row("baseline: " + segments.size() + " single-client SQL probes", Latencies.ms(probes.median()),
                    Latencies.ms(probes.p99()), Latencies.ms(probes.mean())));
            report.line(String.format(Locale.ROOT, "%nRatio (median): crmkit ÷ baseline = %.3f; target ≤ 10 ms: %s.", live.median() / probes.median(),
                    live.median() <= 10 ? "met" : "not met"));
        }
    }

    private static double lastMs(Latencies latencies) {
        return latencies.last() / 1e6;
    }

    /** A rule of two or three parts over core fields, properties and interaction facts, sometimes OR or NOT. */
    static Criterion<ClientCriterion> rule(Random random, int orShare) {
        int parts = 2 + random.nextInt(2);
        List<Criterion<ClientCriterion>> chosen = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Criterion<ClientCriterion> part = part(random);
            chosen.add(random.nextInt(6) == 0 ? Criterion.not(part) : part);
        }
        if (orShare > 0 && random.nextInt(100) < orShare) {
            return Criterion.or(chosen.get(0), Criterion.and(chosen.subList(1, chosen.size()).toArray(Criterion[]::new)));
        }
        return Criterion.and(chosen.toArray(Criterion[]::new));
    }

    private static Criterion<ClientCriterion> part(Random random) {
        switch (random.nextInt(7)) {
            case 0:
                return new ClientCriterion.KindIs(ClientKind.values()[random.nextInt(ClientKind.values().length)]);
            case 1:
                return new ClientCriterion.RegisteredOnOrBefore(LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000)));
            case 2:
                return new ClientCriterion.Archived(false);
            case 3:
                return new ClientCriterion.PropertyEquals(PropertyKey.of(BenchProperties.SECTOR),
                        PropertyValue.choice(BenchProperties.sectorChoice(random.nextInt(BenchProperties.SECTORS.size()))));
            case 4:
                return new ClientCriterion.PropertyEquals(PropertyKey.of(BenchProperties.VIP), PropertyValue.bool(random.nextBoolean()));
            case 5:
                return new ClientCriterion.PropertyEquals(PropertyKey.of(BenchProperties.EMPLOYEES), PropertyValue.number(1 + random.nextInt(50)));
            default:
                Criterion<InteractionCriterion> kind = new InteractionCriterion.KindIn(Set.of(new InteractionKind(KINDS.get(random.nextInt(KINDS.size())))));
                Criterion<InteractionCriterion> fact = random.nextBoolean() ? kind
                        : Criterion.and(kind, new InteractionCriterion.StateIn(Set.of(InteractionState.values()[random.nextInt(InteractionState.values().length)])));
                return new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT, fact);
        }
    }

    /** The segments the client enters and leaves, by one single-client probe per segment and its membership rows. */
    @SuppressWarnings("unchecked")
    private static Set<SegmentId>[] baseline(Storage storage, TenantId tenant, List<Segment> segments, ClientId client) {
        return storage.read(tenant, s -> {
            ClientStore clients = s.get(ClientStore.class);
            Set<SegmentId> now = new HashSet<>();
            for (Segment segment : segments) {
                if (clients.count(Criterion.and(segment.rule(), new ClientCriterion.IdIn(Set.of(client)))) > 0) {
                    now.add(segment.id());
                }
            }
            Set<SegmentId> before = s.get(SegmentStore.class).membershipOf(client);
            Set<SegmentId> entered = new HashSet<>(now);
            entered.removeAll(before);
            Set<SegmentId> left = new HashSet<>(before);
            left.removeAll(now);
            return new Set[] {entered, left};
        });
    }

    private static void flipVip(Storage storage, TenantId tenant, ClientId id) {
        storage.inTransaction(tenant, s -> {
            ClientStore clients = s.get(ClientStore.class);
            Client client = clients.get(id).orElseThrow();
            boolean vip = client.property(PropertyKey.of(BenchProperties.VIP)).map(v -> v.equals(PropertyValue.bool(true))).orElse(false);
            return clients.update(client.setProperty(s.get(PropertyDefinitionStore.class).get(PropertyKey.of(BenchProperties.VIP)).orElseThrow(),
                    PropertyValue.bool(!vip)));
        });
    }

    private static List<ClientId> sample(BenchDatabase db, int count, Random random) throws SQLException {
        List<ClientId> all = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM crm_client WHERE tenant_id = '" + ClientBase.TENANT + "' ORDER BY code FETCH FIRST 20000 ROWS ONLY")) {
            while (rs.next()) {
                all.add(new ClientId(rs.getObject(1, UUID.class)));
            }
        }
        Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    private static void clearSegments(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("crm_segment_membership", "crm_segment_member", "crm_segment")) {
                s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = '" + ClientBase.TENANT + "'");
            }
            c.commit();
        } catch (SQLException e) {
            // first run on an older base: crmkit's migrations create the tables when the storage opens
        }
    }
}
