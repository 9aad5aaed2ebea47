package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientStore;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Timing;
import org.crmkit.jpa.JpaStorage;

/**
 * Recording interactions one per unit of work (issue 14): {@code crm.interactions().plan(...)} of a
 * timed call with one client, against a plain JDBC insert of the same rows (the interaction row and
 * its participant row, derived columns included) in one transaction each: the baseline. Calls
 * alternate, one crmkit call then one JDBC insert, on a base of clients and an existing calendar
 * (so that crmkit's free/busy check reads what a real calendar holds). A third row is crmkit's
 * store insert alone in a unit of work, without the use case (number, checks, journal, feed, the
 * free/busy read).
 *
 * <p>Correctness first: every interaction recorded by either side is read back through crmkit and
 * must equal the value it was built from (the baseline's rows are the same rows crmkit writes).
 *
 * <p>Run (from crm-examples/crm-benchmarks, after building the class path as BENCHMARKS.md says):
 * {@code java -cp target/classes:$(cat target/cp.txt) org.crmkit.examples.benchmarks.InteractionRecordBenchmark}
 * with options {@code --clients 20000 --calendar 100000 --records 2000 --warmup 300 --employees 20 --db h2,pg}.
 */
public final class InteractionRecordBenchmark {
    private static final String TENANT = "bench-record";
    private static final String JDBC_TENANT = "bench-record-jdbc";
    private static final long YEAR_START = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    private InteractionRecordBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "20000", "calendar", "100000", "records", "2000", "warmup", "300",
                "employees", "20", "db", "h2,pg", "seed", "20251205"));
        for (String name : List.of("clients", "calendar", "records", "employees")) {
            if (args.number(name) < 1) {
                throw new IllegalArgumentException("--" + name + " must be positive, not " + args.text(name));
            }
        }
        Path target = Path.of("target");
        Report report = new Report(target, String.format(Locale.ROOT, "Recording interactions one per unit of work over %,d clients and"
                + " %,d calendar items", args.integer("clients"), args.integer("calendar")), "InteractionRecordBenchmark " + args.describe());
        List<String> rows = new ArrayList<>();
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                BenchDatabase db = server.database("interaction_record", true);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                try (JpaStorage storage = db.storage()) {
                    long start = System.nanoTime();
                    List<ClientId> clients = load(storage, args);
                    db.analyze();
                    report.line(String.format(Locale.ROOT, "Loaded through crmkit's stores in %.0f s.", (System.nanoTime() - start) / 1e9));
                    run(server, db, storage, clients, args, rows);
                }
            }
        }
        report.line("").table(List.of("database", "method", "median / p99 ms (n)", "median ÷ baseline"), rows);
        report.save();
    }

    /** Clients, and a calendar of earlier interactions of both tenants' employees, loaded in batches through the stores. */
    private static List<ClientId> load(JpaStorage storage, Args args) {
        Random random = new Random(args.number("seed"));
        List<ClientId> clients = new ArrayList<>();
        for (String tenantName : List.of(TENANT, JDBC_TENANT)) {
            TenantId tenant = TenantId.of(tenantName);
            List<Client> batch = new ArrayList<>();
            for (int k = 0; k < args.integer("clients"); k++) {
                // the same client ids in both tenants, so that both sides record the same participants
                ClientId id = tenantName.equals(TENANT) ? new ClientId(new UUID(random.nextLong(), random.nextLong())) : clients.get(k);
                if (tenantName.equals(TENANT)) {
                    clients.add(id);
                }
                batch.add(Client.register(id, ClientCode.of(String.format("R%07d", k)), ClientKind.LEGAL_ENTITY, "Клиент " + k,
                        LocalDate.of(2020, 1, 1)).assignManager(employee(k % args.integer("employees"))));
                if (batch.size() == 1000 || k == args.integer("clients") - 1) {
                    List<Client> chunk = List.copyOf(batch);
                    storage.inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(chunk));
                    batch.clear();
                }
            }
            List<Interaction> items = new ArrayList<>();
            for (int k = 0; k < args.integer("calendar"); k++) {
                items.add(call(new InteractionId(new UUID(random.nextLong(), random.nextLong())), k + 1, random, clients, args));
                if (items.size() == 1000 || k == args.integer("calendar") - 1) {
                    List<Interaction> chunk = List.copyOf(items);
                    storage.inTransaction(tenant, s -> {
                        chunk.forEach(x -> s.get(InteractionStore.class).insert(x));
                        s.get(InteractionStore.class).reserveNumbers(chunk.size());
                        return null;
                    });
                    items.clear();
                }
            }
        }
        return clients;
    }

    private static EmployeeId employee(int k) {
        return EmployeeId.of("emp" + k);
    }

    /** A 30-minute outgoing call on a working hour of 2025 with one client. */
    private static Interaction call(InteractionId id, long number, Random random, List<ClientId> clients, Args args) {
        long at = YEAR_START + 86_400L * random.nextInt(365) + 3_600L * (9 + random.nextInt(9)) + 60L * 15 * random.nextInt(4);
        return Interaction.plan(id, number, InteractionKind.OUTGOING_CALL, "Звонок по счёту " + number,
                        Timing.timed(Instant.ofEpochSecond(at), Instant.ofEpochSecond(at + 1_800)),
                        employee(random.nextInt(args.integer("employees"))), Optional.empty())
                .withParticipants(List.of(Participant.of(clients.get(random.nextInt(clients.size())))));
    }

    private static void run(BenchServer server, BenchDatabase db, JpaStorage storage, List<ClientId> clients, Args args, List<String> rows)
            throws Exception {
        Random random = new Random(args.number("seed") + 1);
        Latencies crmkit = new Latencies();
        Latencies jdbc = new Latencies();
        Latencies store = new Latencies();
        List<Interaction> byCrmkit = new ArrayList<>();
        List<Interaction> byJdbc = new ArrayList<>();
        long jdbcNumber = args.integer("calendar");
        long storeNumber = 1_000_000_000L;
        try (Crm crm = Crm.builder().storage(storage).actor(Actor.system(TenantId.of(TENANT), "bench")).build();
             Connection connection = db.connect()) {
            int total = args.integer("warmup") + args.integer("records");
            for (int k = 0; k < total; k++) {
                boolean timed = k >= args.integer("warmup");
                Interaction wanted = call(new InteractionId(UUID.randomUUID()), 1, random, clients, args);
                Timing.Timed when = (Timing.Timed) wanted.timing();

                long t = System.nanoTime();
                Interaction recorded = crm.interactions().plan(wanted.kind(), wanted.subject(), when, wanted.responsible(),
                        i -> i.withParticipants(wanted.participants())).interaction();
                long crmNanos = System.nanoTime() - t;

                Interaction row = Interaction.plan(new InteractionId(UUID.randomUUID()), ++jdbcNumber, wanted.kind(), wanted.subject(), when,
                        wanted.responsible(), Optional.empty()).withParticipants(wanted.participants());
                t = System.nanoTime();
                insert(connection, row);
                long jdbcNanos = System.nanoTime() - t;

                Interaction alone = Interaction.plan(new InteractionId(UUID.randomUUID()), ++storeNumber, wanted.kind(), wanted.subject(), when,
                        wanted.responsible(), Optional.empty()).withParticipants(wanted.participants());
                t = System.nanoTime();
                storage.inTransaction(TenantId.of(TENANT), s -> s.get(InteractionStore.class).insert(alone));
                long storeNanos = System.nanoTime() - t;
                if (timed) {
                    crmkit.add(crmNanos);
                    jdbc.add(jdbcNanos);
                    store.add(storeNanos);
                    byCrmkit.add(recorded);
                    byJdbc.add(row);
                }
            }
            check(storage, byCrmkit, byJdbc); // before the Crm closes, and the storage with it
        }
        rows.add(Report.row(server.label(), "plain JDBC insert of the same rows, a transaction each (baseline)",
                Latencies.ms(jdbc.median()) + " / " + Latencies.ms(jdbc.p99()) + " (" + jdbc.count() + ")", "1.00"));
        rows.add(Report.row(server.label(), "crmkit `interactions().plan(...)`, a unit of work each",
                Latencies.ms(crmkit.median()) + " / " + Latencies.ms(crmkit.p99()) + " (" + crmkit.count() + ")",
                String.format(Locale.ROOT, "%.2f", crmkit.median() / jdbc.median())));
        rows.add(Report.row(server.label(), "(diagnostic) crmkit's store insert alone in a unit of work",
                Latencies.ms(store.median()) + " / " + Latencies.ms(store.p99()) + " (" + store.count() + ")",
                String.format(Locale.ROOT, "%.2f", store.median() / jdbc.median())));
    }

    /** Both sides' interactions read back through crmkit equal what they were built from (crmkit's own at version 1). */
    private static void check(JpaStorage storage, List<Interaction> byCrmkit, List<Interaction> byJdbc) {
        for (Interaction x : byCrmkit) {
            Interaction read = storage.read(TenantId.of(TENANT), s -> s.get(InteractionStore.class).get(x.id())).orElseThrow(
                    () -> new IllegalStateException("crmkit's interaction " + x.id() + " is not stored"));
            if (!read.equals(x)) {
                throw new IllegalStateException("crmkit's interaction reads back as " + read + ", not " + x);
            }
        }
        for (Interaction x : byJdbc) {
            Interaction read = storage.read(TenantId.of(JDBC_TENANT), s -> s.get(InteractionStore.class).get(x.id())).orElseThrow(
                    () -> new IllegalStateException("the baseline's interaction " + x.id() + " is not stored"));
            if (!read.equals(x.withVersion(1))) {
                throw new IllegalStateException("the baseline's row reads back through crmkit as " + read + ", not " + x.withVersion(1));
            }
        }
    }

    /** The rows crmkit's store writes for a planned timed call with one client, by hand, committed. */
    private static void insert(Connection connection, Interaction x) throws SQLException {
        Timing.Timed when = (Timing.Timed) x.timing();
        try (PreparedStatement row = connection.prepareStatement("INSERT INTO crm_interaction (tenant_id, id, interaction_number, kind,"
                + " direction, state, subject, subject_key, timed, start_at, end_at, start_key, due_key, responsible, importance, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
             PreparedStatement participant = connection.prepareStatement("INSERT INTO crm_interaction_participant (tenant_id,"
                     + " interaction_id, position, client_id) VALUES (?, ?, 0, ?)")) {
            row.setString(1, JDBC_TENANT);
            row.setObject(2, x.id().value());
            row.setLong(3, x.number());
            row.setString(4, x.kind().key());
            row.setObject(5, x.direction().map(Enum::name).orElse(null), Types.VARCHAR);
            row.setString(6, x.state().name());
            row.setString(7, x.subject());
            row.setString(8, CleanText.fold(x.subject()));
            row.setBoolean(9, true);
            row.setObject(10, utc(when.start()));
            row.setObject(11, utc(when.end()));
            row.setObject(12, utc(x.timing().startKey()));
            row.setObject(13, utc(x.dueKey()));
            row.setString(14, x.responsible().value());
            row.setString(15, x.importance().name());
            row.executeUpdate();
            participant.setString(1, JDBC_TENANT);
            participant.setObject(2, x.id().value());
            participant.setObject(3, x.participants().get(0).client().value());
            participant.executeUpdate();
            connection.commit();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
