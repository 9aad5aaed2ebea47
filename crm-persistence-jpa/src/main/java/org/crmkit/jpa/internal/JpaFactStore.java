package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.criteria.Criterion;
import org.crmkit.ledger.ClientClass;
import org.crmkit.ledger.ClientClassCriterion;
import org.crmkit.ledger.ClientClasses;
import org.crmkit.ledger.ClientTotals;
import org.crmkit.ledger.Fact;
import org.crmkit.ledger.FactKey;
import org.crmkit.ledger.FactStore;
import org.crmkit.ledger.FactSum;

/**
 * The FactStore of a JPA unit of work: rows of {@code crm_ledger_fact}, written by plain JDBC. A push
 * is one batched upsert on the primary key (H2 {@code MERGE INTO … KEY}, PostgreSQL
 * {@code INSERT … ON CONFLICT DO UPDATE}), executed every {@value #BATCH} rows; the report's sums
 * are one {@code GROUP BY} statement over the period's rows. The clients' stored classes are rows of
 * {@code crm_client_class}, replaced whole by one DELETE and a batched INSERT.
 */
final class JpaFactStore implements FactStore {
    private static final int BATCH = 500;
    private static final String COLUMNS = "tenant_id, source, document, line_no, fact_date, client_id, order_ref, currency, amount, cost";
    private static final String VALUES = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String H2_UPSERT = "MERGE INTO crm_ledger_fact (" + COLUMNS + ") KEY (tenant_id, source, document, line_no) " + VALUES;
    private static final String POSTGRES_UPSERT = "INSERT INTO crm_ledger_fact (" + COLUMNS + ") " + VALUES
            + " ON CONFLICT (tenant_id, source, document, line_no) DO UPDATE SET fact_date = EXCLUDED.fact_date,"
            + " client_id = EXCLUDED.client_id, order_ref = EXCLUDED.order_ref, currency = EXCLUDED.currency,"
            + " amount = EXCLUDED.amount, cost = EXCLUDED.cost";

    private final JpaStores u;

    JpaFactStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public void upsert(List<Fact> facts) {
        u.writing();
        u.flush("record", "", 0);
        batched(u.dialect == SqlDialect.H2 ? H2_UPSERT : POSTGRES_UPSERT, facts, (statement, fact) -> {
            statement.setString(1, u.tenant);
            statement.setString(2, fact.key().source());
            statement.setString(3, fact.key().document());
            statement.setInt(4, fact.key().line());
            statement.setObject(5, fact.date());
            if (fact.client().isPresent()) {
                statement.setObject(6, fact.client().get().value());
            } else {
                statement.setNull(6, u.dialect.nullType(Types.OTHER));
            }
            if (fact.order().isPresent()) {
                statement.setString(7, fact.order().get());
            } else {
                statement.setNull(7, Types.VARCHAR);
            }
            statement.setString(8, fact.currency().getCurrencyCode());
            statement.setBigDecimal(9, fact.amount().amount());
            statement.setBigDecimal(10, fact.cost().amount());
        });
    }

    /** Sets one row's parameters of a batched statement. */
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** Runs {@code sql} once per row, sent every {@value #BATCH} rows, on the unit of work's connection. */
    private <T> void batched(String sql, List<T> rows, Binder<T> binder) {
        try (PreparedStatement statement = u.em.unwrap(Connection.class).prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public Optional<Fact> get(FactKey key) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_ledger_fact WHERE tenant_id = ?1 AND source = ?2 AND document = ?3 AND line_no = ?4",
                List.of(u.tenant, key.source(), key.document(), key.line())), JpaFactStore::fact).stream().findFirst();
    }

    private static Fact fact(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency").strip();
        UUID client = rs.getObject("client_id", UUID.class);
        return new Fact(new FactKey(rs.getString("source"), rs.getString("document"), rs.getInt("line_no")),
                rs.getObject("fact_date", LocalDate.class), Optional.ofNullable(client).map(ClientId::new),
                Optional.ofNullable(rs.getString("order_ref")), money(rs.getBigDecimal("amount"), currency), money(rs.getBigDecimal("cost"), currency));
    }

    private static Money money(BigDecimal stored, String currency) {
        return new Money(stored.stripTrailingZeros(), Currency.getInstance(currency));
    }

    @Override
    public int revoke(String source, String document) {
        return delete("DELETE FROM crm_ledger_fact WHERE tenant_id = ?1 AND source = ?2 AND document = ?3", List.of(u.tenant, source, document));
    }

    @Override
    public boolean revoke(FactKey key) {
        return delete("DELETE FROM crm_ledger_fact WHERE tenant_id = ?1 AND source = ?2 AND document = ?3 AND line_no = ?4",
                List.of(u.tenant, key.source(), key.document(), key.line())) > 0;
    }

    private int delete(String sql, List<Object> parameters) {
        u.writing();
        u.flush("record", "", 0);
        return u.nativeQuery(sql, parameters, null).executeUpdate();
    }

    /** One statement: the period's rows of the tenant grouped by currency, client and order (the date index is read as a range). */
    @Override
    public List<FactSum> sums(LocalDate from, LocalDate until) {
        u.checkOpen();
        String sql = "SELECT currency, client_id, order_ref, SUM(amount) AS income, SUM(cost) AS expense FROM crm_ledger_fact"
                + " WHERE tenant_id = ?1 AND fact_date >= ?2 AND fact_date <= ?3 GROUP BY currency, client_id, order_ref";
        return u.select(new JpaStores.Select(sql, List.of(u.tenant, from, until)), rs -> {
            String currency = rs.getString("currency").strip();
            UUID client = rs.getObject("client_id", UUID.class);
            return new FactSum(Optional.ofNullable(client).map(ClientId::new), Optional.ofNullable(rs.getString("order_ref")),
                    money(rs.getBigDecimal("income"), currency), money(rs.getBigDecimal("expense"), currency));
        });
    }

    /**
     * One statement: the period's rows of one currency grouped by client. Documents are counted by
     * source and document joined with U+0001, which neither can hold (clean text has no control
     * characters).
     */
    @Override
    public List<ClientTotals> perClient(LocalDate from, LocalDate until, Currency currency) {
        u.checkOpen();
        String sql = "SELECT client_id, SUM(amount) AS income, SUM(cost) AS expense,"
                + " MAX(CASE WHEN amount > 0 THEN fact_date END) AS last_income,"
                + " COUNT(DISTINCT CASE WHEN amount > 0 THEN source || ?5 || document END) AS documents"
                + " FROM crm_ledger_fact WHERE tenant_id = ?1 AND currency = ?2 AND fact_date >= ?3 AND fact_date <= ?4"
                + " AND client_id IS NOT NULL GROUP BY client_id";
        String code = currency.getCurrencyCode();
        return u.select(new JpaStores.Select(sql, List.of(u.tenant, code, from, until, "\u0001")), rs -> new ClientTotals(
                new ClientId(rs.getObject("client_id", UUID.class)), money(rs.getBigDecimal("income"), code),
                money(rs.getBigDecimal("expense"), code), Optional.ofNullable(rs.getObject("last_income", LocalDate.class)),
                rs.getLong("documents")));
    }

    /** Deletes the tenant's rows and inserts the new ones in batches of {@value #BATCH}, in the unit of work's transaction. */
    @Override
    public int replaceClasses(List<ClientClass> classes) {
        int before = delete("DELETE FROM crm_client_class WHERE tenant_id = ?1", List.of(u.tenant));
        String sql = "INSERT INTO crm_client_class (tenant_id, client_id, grade, recency, frequency, monetary) VALUES (?, ?, ?, ?, ?, ?)";
        batched(sql, classes, (statement, c) -> {
            statement.setString(1, u.tenant);
            statement.setObject(2, c.client().value());
            statement.setString(3, c.grade().name());
            for (ClientClassCriterion.Measure measure : ClientClassCriterion.Measure.values()) {
                if (c.rfm().isPresent()) {
                    statement.setInt(4 + measure.ordinal(), c.rfm().get().of(measure));
                } else {
                    statement.setNull(4 + measure.ordinal(), Types.SMALLINT);
                }
            }
        });
        return before;
    }

    @Override
    public Optional<ClientClass> storedClasses(ClientId client) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT grade, recency, frequency, monetary FROM crm_client_class WHERE tenant_id = ?1 AND client_id = ?2",
                List.of(u.tenant, client.value())), rs -> {
                    int recency = rs.getInt("recency");
                    Optional<ClientClass.Scores> rfm = rs.wasNull() ? Optional.empty()
                            : Optional.of(new ClientClass.Scores(recency, rs.getInt("frequency"), rs.getInt("monetary")));
                    return new ClientClass(client, ClientClasses.Grade.valueOf(rs.getString("grade").strip()), rfm);
                }).stream().findFirst();
    }

    /** The EXISTS for {@link ClientClassCriterion#OF_CLIENT}: the client's row of stored classes, satisfying the criterion. */
    static String classesOf(String client, Criterion<ClientClassCriterion> criterion, List<Object> parameters) {
        String k = "cc" + parameters.size();
        return "EXISTS (SELECT 1 FROM crm_client_class " + k + " WHERE " + k + ".tenant_id = ?1 AND " + k + ".client_id = " + client + ".id AND ("
                + criterion.fold(new ClassSql(parameters, k)) + "))";
    }

    /**
     * The leaves on stored classes, as conditions on their row. A score leaf tests its column for
     * NULL first, so that it is false (not unknown) for a client without scores, and NOT means what
     * it means in memory.
     */
    private static final class ClassSql extends LeafSql.OnRow<ClientClassCriterion> implements ClientClassCriterion.Visitor<String> {
        ClassSql(List<Object> parameters, String alias) {
            super(parameters, alias);
        }

        @Override
        public String leaf(ClientClassCriterion leaf) {
            return leaf.accept(this);
        }

        @Override
        public String gradeIn(ClientClassCriterion.GradeIn c) {
            return alias + ".grade IN (" + c.grades().stream().sorted().map(g -> param(g.name())).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        public String scoreBetween(ClientClassCriterion.ScoreBetween c) {
            String column = alias + "." + c.measure().name().toLowerCase(Locale.ROOT);
            return column + " IS NOT NULL AND " + column + " >= " + param(c.min()) + " AND " + column + " <= " + param(c.max());
        }
    }
}
