package org.crmkit.examples.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.crmkit.Crm;
import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.ledger.Fact;
import org.crmkit.ledger.FactKey;

/** The push part of {@link SalesBenchmark}: crmkit's {@code ledger().push} against a JDBC batch upsert of the same rows. */
final class SalesPush {
    private static final String PUSH_SOURCE = "push";

    private SalesPush() {
    }

    /**
     * Pushing facts: {@code --push-batches} batches of {@code --batch} facts (source {@value #PUSH_SOURCE}, dated 2024, outside
     * the reports' year), first written once by JDBC, then per round each batch pushed by crmkit and upserted by JDBC in turn,
     * with amounts changed every round, so both sides replace stored rows; then, to show what the check of the named clients
     * costs, crmkit pushes the batch again with no client on its facts (answer index 2).
     */
    static Latencies[] measure(Crm crm, Connection c, boolean postgres, List<UUID> clients, Args args, long seed) throws Exception {
        int batches = args.integer("push-batches");
        int size = args.integer("batch");
        Random random = new Random(seed * 31 + 3);
        List<List<Fact>> work = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Fact> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                SalesData.Fact money = SalesData.Fact.random(random, false);
                batch.add(new Fact(new FactKey(PUSH_SOURCE, "P-" + b + "-" + i / 4, i % 4 + 1),
                        LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366)), Optional.of(new ClientId(clients.get(random.nextInt(clients.size())))),
                        Optional.of("PO-" + b + "-" + i / 8), new Money(money.amount(), Currency.getInstance("RUB")),
                        new Money(money.cost(), Currency.getInstance("RUB"))));
            }
            work.add(batch);
        }
        String upsert = postgres ? "INSERT INTO crm_ledger_fact (tenant_id, source, document, line_no, fact_date, client_id, order_ref, "
                + "currency, amount, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, source, document, line_no) DO UPDATE "
                + "SET fact_date = EXCLUDED.fact_date, client_id = EXCLUDED.client_id, order_ref = EXCLUDED.order_ref, "
                + "currency = EXCLUDED.currency, amount = EXCLUDED.amount, cost = EXCLUDED.cost"
                : "MERGE INTO crm_ledger_fact (tenant_id, source, document, line_no, fact_date, client_id, order_ref, currency, amount, cost) "
                + "KEY (tenant_id, source, document, line_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Latencies api = new Latencies();
        Latencies jdbc = new Latencies();
        Latencies withoutClients = new Latencies();
        // the diagnostic's facts are rows of their own: pushing the measured rows without their client would
        // move them in the client index every round, work the JDBC side (same client each time) never does
        List<List<Fact>> anonymousWork = work.stream().map(batch -> batch.stream()
                .map(f -> new Fact(new FactKey(PUSH_SOURCE + "-without-client", f.key().document(), f.key().line()), f.date(),
                        Optional.empty(), f.order(), f.amount(), f.cost())).toList()).toList();
        try (PreparedStatement statement = c.prepareStatement(upsert)) {
            for (List<Fact> batch : work) {
                upsert(c, statement, batch);
            }
            for (List<Fact> batch : anonymousWork) {
                upsert(c, statement, batch);
            }
            int rounds = args.integer("warmup") + Math.max(1, args.integer("runs") / 5);
            long budget = args.number("budget") * 1_000_000_000L;
            long start = System.nanoTime();
            for (int round = 1; round <= rounds; round++) {
                boolean measured = round > args.integer("warmup");
                if (measured && round > args.integer("warmup") + 1 && System.nanoTime() - start > budget) {
                    break;
                }
                for (int w = 0; w < work.size(); w++) {
                    List<Fact> batch = work.get(w);
                    List<Fact> changed = changed(batch, round);
                    long t = System.nanoTime();
                    crm.ledger().push(changed);
                    long apiNanos = System.nanoTime() - t;
                    List<Fact> again = changed(batch, -round);
                    t = System.nanoTime();
                    upsert(c, statement, again);
                    long jdbcNanos = System.nanoTime() - t;
                    List<Fact> anonymous = changed(anonymousWork.get(w), round);
                    t = System.nanoTime();
                    crm.ledger().push(anonymous);
                    long anonymousNanos = System.nanoTime() - t;
                    if (measured) {
                        api.add(apiNanos);
                        jdbc.add(jdbcNanos);
                        withoutClients.add(anonymousNanos);
                    }
                }
            }
        }
        return new Latencies[] {api, jdbc, withoutClients};
    }

    /** The batch with every amount moved by {@code cents} (so that an upsert changes the row). */
    private static List<Fact> changed(List<Fact> batch, int cents) {
        BigDecimal delta = BigDecimal.valueOf(cents, 2);
        List<Fact> out = new ArrayList<>(batch.size());
        for (Fact f : batch) {
            out.add(new Fact(f.key(), f.date(), f.client(), f.order(), new Money(f.amount().amount().add(delta), f.currency()), f.cost()));
        }
        return out;
    }

    private static void upsert(Connection c, PreparedStatement statement, List<Fact> batch) throws SQLException {
        for (Fact fact : batch) {
            statement.setString(1, ClientBase.TENANT);
            statement.setString(2, fact.key().source());
            statement.setString(3, fact.key().document());
            statement.setInt(4, fact.key().line());
            statement.setObject(5, fact.date());
            if (fact.client().isPresent()) {
                statement.setObject(6, fact.client().get().value());
            } else {
                statement.setNull(6, Types.OTHER);
            }
            statement.setString(7, fact.order().orElse(null));
            statement.setString(8, fact.currency().getCurrencyCode());
            statement.setBigDecimal(9, fact.amount().amount());
            statement.setBigDecimal(10, fact.cost().amount());
            statement.addBatch();
        }
        statement.executeBatch();
        c.commit();
    }
}
