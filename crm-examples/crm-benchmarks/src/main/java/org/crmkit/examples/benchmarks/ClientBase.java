package org.crmkit.examples.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.crmkit.Crm;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;

/**
 * The million-client base the search and filter benchmarks query: generated clients with their 4
 * contact entries and 5 property values (no contact persons, no journal: the queries do not touch
 * them), loaded by plain JDBC batches ({@link JdbcClientWriter}; on PostgreSQL rewritten into
 * multi-row INSERTs by {@code reWriteBatchedInserts}) while a second thread generates the next
 * batch, into the database {@code crm_base_<clients>}. Schema and property definitions come from crmkit itself. A marker table
 * {@code bench_dataset} records what was loaded, so a later run with the same seed and size reuses
 * the base instead of loading it again ({@code --reload true} forces a new load).
 */
final class ClientBase {
    static final String TENANT = "base";
    private static final int LOAD_BATCH = 1000;

    /** What the benchmarks query: the base's size and a sample of its clients. */
    record Loaded(BenchDatabase db, int clients, long seed, double loadSeconds, boolean reused, List<ClientRow> samples) {
    }

    private ClientBase() {
    }

    static Loaded ensure(BenchServer server, int clients, long seed, boolean reload, int sampleCount, Report report)
            throws SQLException, InterruptedException {
        String name = "crm_base_" + clients;
        BenchDatabase db = server.database(name, false);
        Double previous = reload ? null : loadedBefore(db, clients, seed);
        if (previous != null && !schemaCurrent(db)) {
            report.line(server.label() + ": the loaded base's schema does not validate against this crmkit's migrations; loading anew.");
            previous = null;
        }
        if (previous != null) {
            report.line(String.format(Locale.ROOT, "%s: reusing the base of %,d clients (seed %d) loaded earlier in %.0f s.",
                    server.label(), clients, seed, previous));
            return new Loaded(db, clients, seed, previous, true, samples(clients, seed, sampleCount));
        }
        db = server.database(name, true);
        if (db.shared()) {
            db.deleteTenants(List.of(TENANT));
        }
        try (Crm crm = Crm.builder().storage(db.storage()).actor(Actor.system(TenantId.of(TENANT), "bench")).build()) {
            BenchProperties.define(crm);
        }
        report.line(String.format(Locale.ROOT, "%s: loading %,d clients (seed %d) by JDBC batches of %,d …", server.label(),
                clients, seed, LOAD_BATCH));
        List<ClientRow> samples = new ArrayList<>();
        long start = System.nanoTime();
        load(db, clients, seed, sampleCount, samples);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long analyzeStart = System.nanoTime();
        db.analyze();
        double analyzeSeconds = (System.nanoTime() - analyzeStart) / 1e9;
        marker(db, clients, seed, loadSeconds);
        long rows = clients * 10L;
        report.line(String.format(Locale.ROOT, "%s: loaded %,d clients (%,d rows: clients, contacts, property values) in %.0f s "
                        + "= %,d clients/s, %,d rows/s; then %s in %.0f s.", server.label(), clients, rows, loadSeconds,
                Math.round(clients / loadSeconds), Math.round(rows / loadSeconds), db.postgres() ? "VACUUM ANALYZE" : "ANALYZE",
                analyzeSeconds));
        return new Loaded(db, clients, seed, loadSeconds, false, samples);
    }

    /** Whether crmkit accepts the schema (its migrations validate, pending ones apply). */
    private static boolean schemaCurrent(BenchDatabase db) {
        try {
            db.storage().close();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Double loadedBefore(BenchDatabase db, int clients, long seed) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            createMarkerTable(s);
            c.commit();
            try (PreparedStatement find = c.prepareStatement(
                    "SELECT load_seconds FROM bench_dataset WHERE tenant_id = ? AND seed = ? AND clients = ?")) {
                find.setString(1, TENANT);
                find.setLong(2, seed);
                find.setInt(3, clients);
                try (ResultSet rs = find.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : null;
                }
            }
        }
    }

    private static void createMarkerTable(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS bench_dataset (tenant_id VARCHAR(64) NOT NULL PRIMARY KEY, seed BIGINT NOT NULL, "
                + "clients INT NOT NULL, load_seconds DOUBLE PRECISION NOT NULL)");
    }

    private static void marker(BenchDatabase db, int clients, long seed, double loadSeconds) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            createMarkerTable(s);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM bench_dataset WHERE tenant_id = ?")) {
                delete.setString(1, TENANT);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_dataset (tenant_id, seed, clients, load_seconds) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, TENANT);
                insert.setLong(2, seed);
                insert.setInt(3, clients);
                insert.setDouble(4, loadSeconds);
                insert.executeUpdate();
            }
            c.commit();
        }
    }

    /** Every {@code clients / count}-th row, from a random start: the same sample in every run. */
    private static boolean sampled(long number, int clients, int count) {
        if (count <= 0) {
            return false;
        }
        long stride = Math.max(1, clients / count);
        return number % stride == 7 % stride;
    }

    private static List<ClientRow> samples(int clients, long seed, int count) {
        if (count <= 0) {
            return List.of();
        }
        Dataset dataset = new Dataset(seed);
        List<ClientRow> samples = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ClientRow row = dataset.next();
            if (sampled(row.number(), clients, count)) {
                samples.add(row);
            }
        }
        return samples;
    }

    private static void load(BenchDatabase db, int clients, long seed, int sampleCount, List<ClientRow> samples)
            throws SQLException, InterruptedException {
        BlockingQueue<List<ClientRow>> queue = new ArrayBlockingQueue<>(4);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread generator = new Thread(() -> {
            try {
                Dataset dataset = new Dataset(seed);
                for (int done = 0; done < clients; done += LOAD_BATCH) {
                    queue.put(dataset.next(Math.min(LOAD_BATCH, clients - done)));
                }
                queue.put(List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
                queue.offer(List.of());
            }
        }, "bench-generator");
        generator.setDaemon(true);
        generator.start();
        try (Connection c = db.connect(); JdbcClientWriter writer = new JdbcClientWriter(c, TENANT, "bench", false)) {
            long code = 1;
            int batches = 0;
            long nextReport = System.nanoTime() + 30_000_000_000L;
            while (true) {
                List<ClientRow> batch = queue.take();
                if (batch.isEmpty()) {
                    break;
                }
                writer.write(batch, code);
                code += batch.size();
                if (++batches == 1 || batches == 10 || batches == 100) {
                    // planner statistics while the tables grow: PostgreSQL caches the plans of its foreign-key
                    // checks per session, and plans made on empty tables scan instead of using the key index
                    db.analyze();
                }
                for (ClientRow row : batch) {
                    if (sampled(row.number(), clients, sampleCount)) {
                        samples.add(row);
                    }
                }
                if (System.nanoTime() > nextReport) {
                    System.out.printf(Locale.ROOT, "  … %,d clients%n", code - 1);
                    nextReport = System.nanoTime() + 30_000_000_000L;
                }
            }
            if (failure.get() != null) {
                throw new IllegalStateException("generating the base failed", failure.get());
            }
            try (PreparedStatement counter = c.prepareStatement("INSERT INTO crm_code_counter (tenant_id, last_value) VALUES (?, ?)")) {
                counter.setString(1, TENANT);
                counter.setLong(2, clients);
                counter.executeUpdate();
            }
            c.commit();
        } finally {
            generator.interrupt();
        }
    }

    /** A repeatable random source for the queries of a benchmark. */
    static Random queryRandom(long seed) {
        return new Random(seed * 31 + 17);
    }
}
