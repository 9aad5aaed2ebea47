package org.crmkit.examples.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.deal.NewStage;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.Stage;
import org.crmkit.deal.StageKind;

/**
 * The sales dataset of {@link SalesBenchmark}, added to the client base of {@link ClientBase}: one
 * pipeline (five open stages, won, lost; created through crmkit), three lost reasons, deals with
 * their stage history and income/expense facts, generated from a seed and written by plain JDBC
 * batches into crmkit's own tables, row for row what {@code JpaDealStore} and {@code JpaFactStore}
 * write. A marker table {@code bench_sales} records what was loaded, so a later run of the same size
 * and seed reuses it.
 *
 * <p>Deals are opened uniformly over 2025 and 2026; each has {@code changes} stage changes after its
 * first stage (a random walk over the open stages whose last change wins, loses or stays open).
 * Facts are dated uniformly over 2025 and 2026, in documents of one to five lines, 2% without a
 * client, 10% in USD (else RUB), 5% returns (negative amounts).
 */
final class SalesData {
    static final String PIPELINE = "Bench sales";
    static final List<String> REASONS = List.of("price", "competitor", "no-budget");
    static final int MANAGERS = 50;
    static final String SOURCE = "erp";
    private static final int BATCH = 1000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 730L * 86_400;

    private SalesData() {
    }

    /** The pipeline, created through crmkit when the tenant has none of that name. */
    static Pipeline pipeline(Crm crm) {
        return crm.pipelines().all().stream().filter(p -> p.name().equals(PIPELINE)).findFirst().orElseGet(() -> {
            for (String reason : REASONS) {
                crm.pipelines().addLostReason(reason, "Lost: " + reason);
            }
            return crm.pipelines().create(PIPELINE, List.of(NewStage.open("Lead", 10), NewStage.open("Qualified", 25),
                    NewStage.open("Proposal", 50), NewStage.open("Negotiation", 75), NewStage.open("Contract", 90),
                    NewStage.won("Won"), NewStage.lost("Lost")));
        });
    }

    /** Whether deals and facts of this size and seed are loaded already; the seconds their load took, or null. */
    static Double loadedBefore(BenchDatabase db, int deals, int changes, long facts, long seed) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_sales (tenant_id VARCHAR(64) NOT NULL, seed BIGINT NOT NULL, deals INT NOT NULL, "
                    + "changes INT NOT NULL, facts BIGINT NOT NULL, load_seconds DOUBLE PRECISION NOT NULL)");
            c.commit();
            try (PreparedStatement find = c.prepareStatement("SELECT load_seconds FROM bench_sales WHERE tenant_id = ? AND seed = ? "
                    + "AND deals = ? AND changes = ? AND facts = ?")) {
                bindDataset(find, seed, deals, changes, facts);
                try (ResultSet rs = find.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : null;
                }
            }
        }
    }

    /** Replaces the tenant's deals and facts by a generated set; answers the rows written. */
    static long load(BenchDatabase db, Pipeline pipeline, List<UUID> clients, int deals, int changes, long facts, long seed)
            throws SQLException {
        long rows = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("bench_sales", "crm_deal_stage_visit", "crm_deal", "crm_deal_counter", "crm_ledger_fact")) {
                s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = '" + ClientBase.TENANT + "'");
            }
            c.commit();
            rows += loadDeals(c, pipeline, clients, deals, changes, new Random(seed * 31 + 1));
            rows += loadFacts(c, clients, facts, new Random(seed * 31 + 2));
        }
        return rows;
    }

    private static long loadDeals(Connection c, Pipeline pipeline, List<UUID> clients, int deals, int changes, Random random)
            throws SQLException {
        List<Stage> open = pipeline.activeStages().stream().filter(st -> st.kind() == StageKind.OPEN).toList();
        Stage won = pipeline.activeStages().stream().filter(st -> st.kind() == StageKind.WON).findFirst().orElseThrow();
        Stage lost = pipeline.activeStages().stream().filter(st -> st.kind() == StageKind.LOST).findFirst().orElseThrow();
        long rows = 0;
        try (PreparedStatement deal = c.prepareStatement("INSERT INTO crm_deal (tenant_id, id, deal_number, client_id, contact_person_id, "
                + "title, amount, currency, expected_close, responsible, source, pipeline_id, stage_id, status, closed_on, lost_reason, "
                + "version) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 1)");
             PreparedStatement visit = c.prepareStatement("INSERT INTO crm_deal_stage_visit (tenant_id, deal_id, seq, stage_id, "
                     + "entered_at, entered_by, left_at, left_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int n = 1; n <= deals; n++) {
                UUID id = uuid(random);
                Instant entered = START.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
                int position = 0;
                Stage stage = open.get(0);
                for (int seq = 0; seq <= changes; seq++) {
                    Stage next = null;
                    Instant left = null;
                    if (seq < changes) {
                        left = entered.plusSeconds(3_600 + random.nextInt(30 * 86_400));
                        if (seq == changes - 1 && random.nextInt(10) < 6) {
                            next = random.nextBoolean() ? won : lost;
                        } else {
                            int step = random.nextInt(10) < 7 ? 1 : -1;
                            position = Math.max(0, Math.min(open.size() - 1, position + step));
                            if (open.get(position).equals(stage)) {
                                position = position == 0 ? 1 : position - 1;
                            }
                            next = open.get(position);
                        }
                    }
                    visit.setString(1, ClientBase.TENANT);
                    visit.setObject(2, id);
                    visit.setInt(3, seq);
                    visit.setObject(4, stage.id().value());
                    visit.setObject(5, OffsetDateTime.ofInstant(entered, ZoneOffset.UTC));
                    visit.setString(6, "bench");
                    if (left == null) {
                        visit.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                        visit.setNull(8, Types.VARCHAR);
                    } else {
                        visit.setObject(7, OffsetDateTime.ofInstant(left, ZoneOffset.UTC));
                        visit.setString(8, "bench");
                    }
                    visit.addBatch();
                    rows++;
                    if (next != null) {
                        stage = next;
                        entered = left;
                    }
                }
                StageKind status = stage.kind();
                deal.setString(1, ClientBase.TENANT);
                deal.setObject(2, id);
                deal.setLong(3, n);
                deal.setObject(4, clients.get(random.nextInt(clients.size())));
                deal.setString(5, "Deal " + n);
                deal.setBigDecimal(6, BigDecimal.valueOf(10_000 + random.nextInt(5_000_000), 2));
                deal.setString(7, random.nextInt(10) == 0 ? "USD" : "RUB");
                deal.setString(8, String.format(Locale.ROOT, "m%02d", random.nextInt(MANAGERS)));
                deal.setString(9, random.nextBoolean() ? "web" : "phone");
                deal.setObject(10, pipeline.id().value());
                deal.setObject(11, stage.id().value());
                deal.setString(12, status.name());
                if (status == StageKind.OPEN) {
                    deal.setNull(13, Types.DATE);
                    deal.setNull(14, Types.VARCHAR);
                } else {
                    deal.setObject(13, entered.atOffset(ZoneOffset.UTC).toLocalDate());
                    if (status == StageKind.LOST) {
                        deal.setString(14, REASONS.get(random.nextInt(REASONS.size())));
                    } else {
                        deal.setNull(14, Types.VARCHAR);
                    }
                }
                deal.addBatch();
                rows++;
                if (n % BATCH == 0 || n == deals) {
                    deal.executeBatch();
                    visit.executeBatch();
                    c.commit();
                }
            }
        }
        try (PreparedStatement counter = c.prepareStatement("INSERT INTO crm_deal_counter (tenant_id, last_value) VALUES (?, ?)")) {
            counter.setString(1, ClientBase.TENANT);
            counter.setLong(2, deals);
            counter.executeUpdate();
        }
        c.commit();
        return rows;
    }

    private static long loadFacts(Connection c, List<UUID> clients, long facts, Random random) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_ledger_fact (tenant_id, source, document, line_no, fact_date, "
                + "client_id, order_ref, currency, amount, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long written = 0;
            long document = 0;
            while (written < facts) {
                document++;
                int lines = (int) Math.min(1 + random.nextInt(5), facts - written);
                LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
                UUID client = random.nextInt(50) == 0 ? null : clients.get(random.nextInt(clients.size()));
                String order = random.nextInt(5) == 0 ? null : "O-" + (document / 2);
                String currency = random.nextInt(10) == 0 ? "USD" : "RUB";
                boolean isReturn = random.nextInt(20) == 0;
                for (int line = 1; line <= lines; line++) {
                    Fact row = Fact.random(random, isReturn);
                    insert.setString(1, ClientBase.TENANT);
                    insert.setString(2, SOURCE);
                    insert.setString(3, "D-" + document);
                    insert.setInt(4, line);
                    insert.setObject(5, date);
                    if (client == null) {
                        insert.setNull(6, Types.OTHER);
                    } else {
                        insert.setObject(6, client);
                    }
                    if (order == null) {
                        insert.setNull(7, Types.VARCHAR);
                    } else {
                        insert.setString(7, order);
                    }
                    insert.setString(8, currency);
                    insert.setBigDecimal(9, row.amount());
                    insert.setBigDecimal(10, row.cost());
                    insert.addBatch();
                    if (++written % BATCH == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            insert.executeBatch();
            c.commit();
            return written;
        }
    }

    /** One generated fact's money: an income of 1.00 to 50,000.00 and a cost of 50 to 99% of it; both negative for a return. */
    record Fact(BigDecimal amount, BigDecimal cost) {
        static Fact random(Random random, boolean isReturn) {
            long cents = 100 + random.nextInt(4_999_900);
            long cost = cents * (50 + random.nextInt(50)) / 100;
            int sign = isReturn ? -1 : 1;
            return new Fact(BigDecimal.valueOf(sign * cents, 2), BigDecimal.valueOf(sign * cost, 2));
        }
    }

    static void marker(BenchDatabase db, int deals, int changes, long facts, long seed, double seconds) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO bench_sales (tenant_id, seed, deals, changes, facts, load_seconds) "
                     + "VALUES (?, ?, ?, ?, ?, ?)")) {
            bindDataset(insert, seed, deals, changes, facts);
            insert.setDouble(6, seconds);
            insert.executeUpdate();
            c.commit();
        }
    }

    /** Parameters 1 to 5 of a {@code bench_sales} statement: tenant, seed, deals, changes, facts. */
    private static void bindDataset(PreparedStatement statement, long seed, int deals, int changes, long facts) throws SQLException {
        statement.setString(1, ClientBase.TENANT);
        statement.setLong(2, seed);
        statement.setInt(3, deals);
        statement.setInt(4, changes);
        statement.setLong(5, facts);
    }

    /** The base's client ids in code order. */
    static List<UUID> clients(BenchDatabase db) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement select = c.prepareStatement("SELECT id FROM crm_client WHERE tenant_id = ? ORDER BY code")) {
            select.setString(1, ClientBase.TENANT);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            c.rollback();
        }
        return ids;
    }

    private static UUID uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
