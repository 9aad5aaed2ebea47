package org.crmkit.examples.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.TenantId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentAddress;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ConsentEntryId;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentState;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.consent.ConsentStore;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.Standing;
import org.crmkit.consent.Suppression;
import org.crmkit.consent.SuppressionReason;
import org.crmkit.criteria.Criterion;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;

/**
 * "May we send marketing e-mail to these recipients now" as part of a segment query (issue 16):
 * a segment S alone through crmkit, the same S AND {@code ConsentCriterion.hasConsent(EMAIL,
 * MARKETING)} through crmkit, and a hand-written plain-JDBC statement of S AND the consent (the
 * baseline of what the SQL could be), measured interleaved per round. Per segment (every
 * non-archived client; the ~26% of sector 0) three operations: the count ({@code
 * crm.clients().count}), the first page of 100 in code order ({@code crm.clients().find}), and the
 * full id list (crmkit's keyset listing {@code crm.clients().listAfter} in pages of 10,000, the
 * ids collected; the hand-written side reads every id in one statement). The id list loads whole
 * clients page by page (crmkit has no id-only listing), so by default it is timed on the narrower
 * segment only ({@code --lists narrow}; {@code all} or {@code none}).
 *
 * <p>The base is {@link ClientBase}'s (reused when it is there). The consents are loaded through
 * crmkit's {@link ConsentStore} in units of work of about 1,000 entries, on the clients' real
 * e-mail addresses and mobile numbers (fixed seed): 60% of the clients granted marketing e-mail,
 * a tenth of those withdrawn later (a second entry); 5% of them also granted service e-mail; 10%
 * granted marketing SMS only; 3% granted marketing e-mail on an address no longer on their card;
 * 1% of the e-mail addresses suppressed. A marker table {@code bench_consent_dataset} records a
 * finished load; a later run with the same seed reuses it, a half-finished one is removed and
 * loaded again.
 *
 * <p>Before timing, the run checks that crmkit's count, first page and id list of S AND consent
 * equal the hand-written statement's, and, for a sample of clients of S, that the Java definition
 * ({@code crm.consents().current(subject)}: some e-mail marketing consent GRANTED) agrees with
 * membership in crmkit's list; it fails on any mismatch.
 *
 * <p>Run: {@code mvn -q -pl crm-examples/crm-benchmarks exec:java -Dexec.skip=false
 * -Dexec.mainClass=org.crmkit.examples.benchmarks.ConsentBenchmark} (options {@code --clients
 * 1000000 --queries 20 --warmup 3 --list-rounds 3 --lists narrow --samples 300 --db pg --explain false}).
 *
 * <p>Size (about 455 lines): one benchmark main, read top to bottom (arguments, the dataset loaded
 * once and reused, the correctness corpus, the interleaved rounds, the report); the shared
 * machinery already lives in {@link Args}, {@link Report}, {@link ClientBase} and the servers.
 */
public final class ConsentBenchmark {
    private static final int UNIT = 1000;
    private static final int LIST_PAGE = 10_000;
    private static final UUID NO_PERSON = new UUID(0, 0);
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private ConsentBenchmark() {
    }

    private interface Operation {
        long run() throws Exception;
    }

    /** A segment: its crmkit criterion, and the same condition in hand-written SQL on {@code c}. */
    private record Segment(String name, ClientCriterion criterion, String sql, List<Object> parameters) {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments, Map.of("clients", "1000000", "queries", "20", "warmup", "3", "list-rounds", "3",
                "samples", "300", "db", "pg", "seed", String.valueOf(Dataset.DEFAULT_SEED), "reload", "false", "explain", "false",
                "lists", "narrow"));
        if (!List.of("all", "narrow", "none").contains(args.text("lists"))) {
            throw new IllegalArgumentException("--lists takes all, narrow or none; not " + args.text("lists"));
        }
        for (String positive : List.of("clients", "queries", "list-rounds")) {
            if (args.integer(positive) < 1) {
                throw new IllegalArgumentException("--" + positive + " must be positive, not " + args.integer(positive));
            }
        }
        args.databases();
        Path target = Path.of("target");
        Report report = new Report(target, String.format(Locale.ROOT, "Consent in a segment over %,d clients", args.integer("clients")),
                "ConsentBenchmark " + args.describe());
        for (String name : args.databases()) {
            try (BenchServer server = name.equals("h2") ? new H2Server(target.resolve("bench-data").resolve("h2"))
                    : PostgresServer.start(target)) {
                ClientBase.Loaded base = ClientBase.ensure(server, args.integer("clients"), args.number("seed"), args.flag("reload"), 0,
                        report);
                report.line("").line("**" + server.label() + "**: " + server.describe()).line("");
                report.line("Load average at start: " + loadAverage()).line("");
                try (JpaStorage storage = base.db().storage()) {
                    ensureConsents(base.db(), storage, args.number("seed"), report);
                    run(server, base, storage, args, report);
                }
                report.line("Load average at the end: " + loadAverage()).line("");
            }
        }
        report.save();
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    // ---- the consents, loaded once through crmkit's store

    private static void ensureConsents(BenchDatabase db, JpaStorage storage, long seed, Report report) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_consent_dataset (tenant_id VARCHAR(64) NOT NULL PRIMARY KEY, seed BIGINT NOT NULL, "
                    + "entries BIGINT NOT NULL, suppressions BIGINT NOT NULL, load_seconds DOUBLE PRECISION NOT NULL)");
            c.commit();
            try (PreparedStatement find = c.prepareStatement("SELECT entries, suppressions, load_seconds FROM bench_consent_dataset"
                    + " WHERE tenant_id = ? AND seed = ?")) {
                find.setString(1, ClientBase.TENANT);
                find.setLong(2, seed);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        report.line(String.format(Locale.ROOT, "Reusing the consents loaded earlier: %,d ledger entries and %,d suppressions"
                                + " in %.0f s through `ConsentStore`.", rs.getLong(1), rs.getLong(2), rs.getDouble(3)));
                        c.rollback();
                        if (db.postgres()) {
                            // a migration that rewrote the consent rows (V402) leaves the visibility map to redo: index-only scans need it
                            c.setAutoCommit(true);
                            s.execute("VACUUM ANALYZE crm_consent_current");
                        }
                        return;
                    }
                }
            }
            for (String table : List.of("bench_consent_dataset", "crm_consent_current", "crm_consent_entry", "crm_consent_suppression")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ?")) {
                    delete.setString(1, ClientBase.TENANT);
                    delete.executeUpdate();
                }
            }
            c.commit();
        }
        List<UUID> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("SELECT c.id, e.contact_value, m.contact_value"
                + " FROM crm_client c JOIN crm_client_contact e ON e.tenant_id = c.tenant_id AND e.client_id = c.id AND e.type = 'EMAIL'"
                + " JOIN crm_client_contact m ON m.tenant_id = c.tenant_id AND m.client_id = c.id AND m.type = 'MOBILE'"
                + " WHERE c.tenant_id = ? ORDER BY c.code")) {
            select.setFetchSize(10_000);
            select.setString(1, ClientBase.TENANT);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    emails.add(rs.getString(2));
                    mobiles.add(rs.getString(3));
                }
            }
            c.rollback();
        }
        report.line(String.format(Locale.ROOT, "Loading consents for %,d clients through `ConsentStore` in units of work of about %,d entries …",
                ids.size(), UNIT));
        Random random = new Random(seed * 7 + 16);
        TenantId tenant = TenantId.of(ClientBase.TENANT);
        long start = System.nanoTime();
        long entries = 0;
        long suppressions = 0;
        List<ConsentEntry> unit = new ArrayList<>();
        List<Suppression> suppressed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ConsentSubject subject = ConsentSubject.client(new ClientId(ids.get(i)));
            ConsentAddress email = ConsentAddress.email(emails.get(i));
            if (!email.value().equals(emails.get(i))) {
                throw new IllegalStateException("the base's e-mail " + emails.get(i) + " is not in crmkit's normal form " + email.value());
            }
            Instant at = START.plusSeconds(random.nextInt(300 * 86_400));
            double r = random.nextDouble();
            if (r < 0.60) {
                ConsentKey key = new ConsentKey(subject, Channel.EMAIL, Purpose.MARKETING, email);
                unit.add(entry(key, ConsentState.GRANTED, at, random.nextBoolean() ? ConsentSource.WEB_FORM : ConsentSource.PAPER, i));
                if (random.nextInt(10) == 0) {
                    unit.add(entry(key, ConsentState.WITHDRAWN, at.plusSeconds(1 + random.nextInt(30 * 86_400)), ConsentSource.UNSUBSCRIBE_LINK, i));
                }
                if (random.nextInt(20) == 0) {
                    unit.add(entry(new ConsentKey(subject, Channel.EMAIL, Purpose.SERVICE, email), ConsentState.GRANTED, at, ConsentSource.WEB_FORM, i));
                }
            } else if (r < 0.70) {
                ConsentAddress mobile = new ConsentAddress(ConsentAddress.Kind.PHONE, mobiles.get(i));
                unit.add(entry(new ConsentKey(subject, Channel.SMS, Purpose.MARKETING, mobile), ConsentState.GRANTED, at, ConsentSource.CALL, i));
            } else if (r < 0.73) {
                // granted for an address the client had then: the card now holds another one
                ConsentAddress old = ConsentAddress.email("old." + emails.get(i));
                unit.add(entry(new ConsentKey(subject, Channel.EMAIL, Purpose.MARKETING, old), ConsentState.GRANTED, at, ConsentSource.IMPORT, i));
            }
            if (random.nextInt(100) == 0) {
                suppressed.add(new Suppression(email, random.nextBoolean() ? SuppressionReason.HARD_BOUNCE : SuppressionReason.COMPLAINT,
                        Optional.empty(), at, "bench"));
            }
            if (unit.size() >= UNIT || i == ids.size() - 1) {
                List<ConsentEntry> chunk = List.copyOf(unit);
                List<Suppression> marks = List.copyOf(suppressed);
                storage.inTransaction(tenant, s -> {
                    ConsentStore store = s.get(ConsentStore.class);
                    chunk.forEach(store::append);
                    marks.forEach(store::suppress);
                    return null;
                });
                entries += chunk.size();
                suppressions += marks.size();
                unit.clear();
                suppressed.clear();
                if (i % 100_000 < UNIT / 2) {
                    System.out.printf(Locale.ROOT, "  … %,d clients, %,d entries, %.0f s%n", i + 1, entries, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        db.analyze();
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO bench_consent_dataset"
                + " (tenant_id, seed, entries, suppressions, load_seconds) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, ClientBase.TENANT);
            insert.setLong(2, seed);
            insert.setLong(3, entries);
            insert.setLong(4, suppressions);
            insert.setDouble(5, seconds);
            insert.executeUpdate();
            c.commit();
        }
        report.line(String.format(Locale.ROOT, "Loaded %,d ledger entries and %,d suppressions through `ConsentStore` in %.0f s (%,d entries/s),"
                + " then %s.", entries, suppressions, seconds, Math.round(entries / seconds), db.postgres() ? "VACUUM ANALYZE" : "ANALYZE"));
    }

    private static ConsentEntry entry(ConsentKey key, ConsentState state, Instant at, ConsentSource source, int number) {
        return new ConsentEntry(new ConsentEntryId(UUID.randomUUID()), key, state, at, "bench", source,
                Proof.of("marketing-v3", "form-" + number), Optional.empty());
    }

    // ---- the measurements

    /**
     * S AND the consent in hand-written SQL from the cards themselves: the latest entry grants, the
     * address is on the subject's card, not suppressed. It does not read {@code on_card} (V402), so
     * crmkit's answers equal to it show that the flags agree with the cards on the whole dataset;
     * it is the correctness reference, not timed.
     */
    private static final String CARD_SQL = "EXISTS (SELECT 1 FROM crm_consent_current k WHERE k.tenant_id = c.tenant_id"
            + " AND k.client_id = c.id AND k.channel = 'EMAIL' AND k.purpose = 'marketing' AND k.state = 'GRANTED'"
            + " AND CASE WHEN k.person_id = '" + NO_PERSON + "' THEN EXISTS (SELECT 1 FROM crm_client_contact x WHERE x.tenant_id = k.tenant_id"
            + " AND x.client_id = k.client_id AND x.contact_value = k.address AND x.type = 'EMAIL')"
            + " ELSE EXISTS (SELECT 1 FROM crm_person_contact y WHERE y.tenant_id = k.tenant_id AND y.person_id = k.person_id"
            + " AND y.contact_value = k.address AND y.type = 'EMAIL') END"
            + " AND NOT EXISTS (SELECT 1 FROM crm_consent_suppression s WHERE s.tenant_id = k.tenant_id AND s.address = k.address))";

    /** The same condition in hand-written SQL as one would write it on this schema (V402's flag and partial index): the timed baseline (3). */
    private static final String CONSENT_SQL = "EXISTS (SELECT 1 FROM crm_consent_current k WHERE k.tenant_id = c.tenant_id"
            + " AND k.client_id = c.id AND k.channel = 'EMAIL' AND k.purpose = 'marketing' AND k.state = 'GRANTED' AND k.on_card"
            + " AND NOT EXISTS (SELECT 1 FROM crm_consent_suppression s WHERE s.tenant_id = k.tenant_id AND s.address = k.address))";

    private static void run(BenchServer server, ClientBase.Loaded base, JpaStorage storage, Args args, Report report) throws Exception {
        BenchDatabase db = base.db();
        TenantId tenant = TenantId.of(ClientBase.TENANT);
        PropertyKey sector = PropertyKey.of(BenchProperties.SECTOR);
        String sector0 = BenchProperties.sectorChoice(0).toString();
        List<Segment> segments = List.of(
                new Segment("every non-archived client", new ClientCriterion.Archived(false), "c.archived = FALSE", List.of()),
                new Segment("sector " + BenchProperties.SECTORS.get(0) + " (property)",
                        new ClientCriterion.PropertyEquals(sector, PropertyValue.choice(BenchProperties.sectorChoice(0))),
                        "EXISTS (SELECT 1 FROM crm_client_property p WHERE p.tenant_id = c.tenant_id AND p.client_id = c.id"
                                + " AND p.property_key = ? AND p.value_ref = ?)", List.of(BenchProperties.SECTOR, sector0)));
        ClientCriterion consent = ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING);
        PostgresServer pg = server instanceof PostgresServer ? (PostgresServer) server : null;
        try (Crm crm = Crm.builder().storage(storage).actor(Actor.system(tenant, "bench")).build(); Connection connection = db.connect()) {
            List<String> rows = new ArrayList<>();
            List<String> checks = new ArrayList<>();
            for (Segment segment : segments) {
                Criterion<ClientCriterion> alone = segment.criterion();
                Criterion<ClientCriterion> with = Criterion.and(segment.criterion(), consent);
                String where = " FROM crm_client c WHERE c.tenant_id = ? AND " + segment.sql() + " AND " + CONSENT_SQL;
                String countSql = "SELECT COUNT(*)" + where;
                String pageSql = "SELECT c.id" + where + " ORDER BY c.code LIMIT 100";
                String listSql = "SELECT c.id" + where + " ORDER BY c.id";
                String byCards = " FROM crm_client c WHERE c.tenant_id = ? AND " + segment.sql() + " AND " + CARD_SQL;
                // correctness first: crmkit against the hand-written SQL, and against the Java definition on a sample
                System.out.printf(Locale.ROOT, "  checking %s at %s%n", segment.name(), java.time.LocalTime.now().withNano(0));
                long crmCount = crm.clients().count(with);
                long sqlCount = count(connection, countSql, segment.parameters());
                if (crmCount != sqlCount) {
                    throw new IllegalStateException(segment.name() + " AND consent: crmkit counts " + crmCount + ", the hand-written SQL " + sqlCount);
                }
                long cardCount = count(connection, "SELECT COUNT(*)" + byCards, segment.parameters());
                if (crmCount != cardCount) {
                    throw new IllegalStateException(segment.name() + " AND consent: crmkit counts " + crmCount + ", the SQL from the cards " + cardCount);
                }
                List<UUID> crmPage = crm.clients().find(ClientQuery.where(with).page(0, 100)).stream().map(c -> c.id().value()).toList();
                List<UUID> sqlPage = ids(connection, pageSql, segment.parameters());
                if (!crmPage.equals(sqlPage) || !crmPage.equals(ids(connection, "SELECT c.id" + byCards + " ORDER BY c.code LIMIT 100", segment.parameters()))) {
                    throw new IllegalStateException(segment.name() + " AND consent: crmkit's first page differs from the hand-written SQL's");
                }
                List<UUID> crmList = list(crm, with);
                List<UUID> sqlList = ids(connection, listSql, segment.parameters());
                List<UUID> cardList = ids(connection, "SELECT c.id" + byCards + " ORDER BY c.id", segment.parameters());
                if (!new HashSet<>(crmList).equals(new HashSet<>(sqlList)) || crmList.size() != sqlList.size() || !cardList.equals(sqlList)) {
                    throw new IllegalStateException(segment.name() + " AND consent: crmkit lists " + crmList.size() + " ids, the hand-written SQL "
                            + sqlList.size() + " (or other ids)");
                }
                List<UUID> segmentList = ids(connection, "SELECT c.id FROM crm_client c WHERE c.tenant_id = ? AND " + segment.sql(),
                        segment.parameters());
                long segmentCount = crm.clients().count(alone);
                if (segmentCount != segmentList.size()) {
                    throw new IllegalStateException(segment.name() + ": crmkit counts " + segmentCount + ", the hand-written SQL of S lists "
                            + segmentList.size());
                }
                int[] agree = sample(crm, segmentList, new HashSet<>(crmList), args.integer("samples"), args.number("seed"));
                checks.add(String.format(Locale.ROOT, "%s: S has %,d clients, S AND consent %,d (%.1f%%); crmkit's count, first page of 100 and"
                                + " id list equal the hand-written SQL's (with the flag, and from the cards without it); %,d sampled clients of S (%,d of them with consent) agree with"
                                + " `crm.consents().current(subject)`.", segment.name(), segmentCount, crmCount, 100.0 * crmCount / segmentCount,
                        agree[0], agree[1]));
                Operation[] count = {() -> crm.clients().count(alone), () -> crm.clients().count(with),
                    () -> count(connection, countSql, segment.parameters())};
                Operation[] page = {() -> crm.clients().find(ClientQuery.where(alone).page(0, 100)).size(),
                    () -> crm.clients().find(ClientQuery.where(with).page(0, 100)).size(), () -> ids(connection, pageSql, segment.parameters()).size()};
                Operation[] list = {() -> list(crm, alone).size(), () -> list(crm, with).size(), () -> ids(connection, listSql, segment.parameters()).size()};
                measure(server.label(), segment.name(), "count", count, args.integer("warmup"), args.integer("queries"), rows);
                measure(server.label(), segment.name(), "first page of 100", page, args.integer("warmup"), args.integer("queries"), rows);
                if (args.text("lists").equals("all") || args.text("lists").equals("narrow") && segment != segments.get(0)) {
                    // no warm-up: the correctness check above listed S AND consent once already
                    measure(server.label(), segment.name(), "all ids", list, 0, args.integer("list-rounds"), rows);
                }
                if (pg != null && args.flag("explain")) {
                    String plans = pg.plansOf(() -> {
                        try {
                            crm.clients().count(alone);
                            crm.clients().count(with);
                            crm.clients().find(ClientQuery.where(with).page(0, 100));
                            crm.clients().listAfter(with, Optional.empty(), LIST_PAGE);
                        } catch (RuntimeException e) {
                            throw e;
                        }
                    });
                    report.line("Plans (auto_explain) for " + segment.name() + ": crmkit's count of S, of S AND consent, first page, first id-list page:")
                            .line("").line("```");
                    plans.lines().forEach(report::line);
                    report.line("```").line("");
                }
            }
            checks.forEach(line -> report.line("- " + line));
            report.line("");
            report.table(List.of("database", "segment S", "operation", "(1) crmkit S: median / p99 ms (n)",
                    "(2) crmkit S AND consent: median / p99 ms", "(3) hand SQL S AND consent: median / p99 ms", "(2) ÷ (1)", "(2) ÷ (3)"), rows);
        }
    }

    /** Every id of the clients matching {@code where}, by crmkit's keyset listing in pages of 10,000. */
    private static List<UUID> list(Crm crm, Criterion<ClientCriterion> where) {
        List<UUID> ids = new ArrayList<>();
        Optional<ClientId> after = Optional.empty();
        while (true) {
            List<Client> page = crm.clients().listAfter(where, after, LIST_PAGE);
            page.forEach(c -> ids.add(c.id().value()));
            if (page.size() < LIST_PAGE) {
                return ids;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    /** For a sample of S, whether the Java definition of "in effect" agrees with crmkit's list; {checked, with consent}. */
    private static int[] sample(Crm crm, List<UUID> segment, Set<UUID> withConsent, int count, long seed) {
        Random random = new Random(seed + 3);
        int checked = 0;
        int granted = 0;
        for (int i = 0; i < count && !segment.isEmpty(); i++) {
            UUID id = segment.get(random.nextInt(segment.size()));
            List<ConsentStatus> statuses = crm.consents().current(ConsentSubject.client(new ClientId(id)));
            boolean java = statuses.stream().anyMatch(s -> s.key().channel() == Channel.EMAIL && s.key().purpose().equals(Purpose.MARKETING)
                    && s.standing() == Standing.GRANTED);
            if (java != withConsent.contains(id)) {
                throw new IllegalStateException("client " + id + ": crm.consents().current says " + statuses + ", the segment query "
                        + (withConsent.contains(id) ? "lists it" : "does not list it"));
            }
            checked++;
            granted += java ? 1 : 0;
        }
        return new int[] {checked, granted};
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        statement.setString(1, ClientBase.TENANT);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 2, parameters.get(i));
        }
    }

    private static long count(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                connection.rollback();
                return n;
            }
        }
    }

    private static List<UUID> ids(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            bind(statement, parameters);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            connection.rollback();
            return ids;
        }
    }

    /** The three methods, interleaved per round so that each sees the same machine. */
    private static void measure(String label, String segment, String operation, Operation[] methods, int warmup, int rounds, List<String> rows)
            throws Exception {
        System.out.printf(Locale.ROOT, "  measuring %s, %s (%d + %d rounds) at %s, load %s%n", segment, operation, warmup, rounds,
                java.time.LocalTime.now().withNano(0), loadAverage());
        for (int i = 0; i < warmup; i++) {
            for (Operation method : methods) {
                method.run();
            }
        }
        Latencies[] measured = {new Latencies(), new Latencies(), new Latencies()};
        long[] found = new long[3];
        for (int i = 0; i < rounds; i++) {
            for (int m = 0; m < methods.length; m++) {
                long t = System.nanoTime();
                found[m] = methods[m].run();
                measured[m].add(System.nanoTime() - t);
            }
        }
        rows.add(Report.row(label, segment, operation,
                cell(measured[0], found[0], true), cell(measured[1], found[1], false), cell(measured[2], found[2], false),
                String.format(Locale.ROOT, "**%.2f**", measured[1].median() / measured[0].median()),
                String.format(Locale.ROOT, "%.2f", measured[1].median() / measured[2].median())));
    }

    private static String cell(Latencies l, long found, boolean withCount) {
        return Latencies.ms(l.median()) + " / " + Latencies.ms(l.p99()) + (withCount ? " (" + l.count() + ")" : "")
                + String.format(Locale.ROOT, " [%,d]", found);
    }
}
