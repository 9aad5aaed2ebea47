package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.contract.ClientRecord;
import org.crmkit.contract.ClientRecordStore;

/**
 * Records of a client's card (contracts, bank accounts) as rows of one table, read and written by
 * plain JDBC on the unit of work's connection: these small records need no entity state, and an
 * update is one {@code UPDATE … WHERE version = ?} (0 rows: someone else saved first). The table's
 * unique keys ({@code <table>_number_uq}, {@code <table>_main_uq}) are turned into
 * {@link DuplicateException}s naming the record's field.
 */
abstract class JdbcClientRecordStore<I, R extends ClientRecord<I, R>> implements ClientRecordStore<I, R> {
    /** A value to bind, with the SQL type a null of it is bound as. */
    record Column(String name, Object value, int sqlType) {
    }

    private final JpaStores u;
    private final String table;
    private final String kind;
    private final Comparator<R> order;
    private final String uniqueField;

    JdbcClientRecordStore(JpaStores unit, String table, String kind, Comparator<R> order, String uniqueField) {
        this.u = unit;
        this.table = table;
        this.kind = kind;
        this.order = order;
        this.uniqueField = uniqueField;
    }

    /** The record's own columns (all but tenant, id, client and version), in a fixed order. */
    abstract List<Column> columns(R record);

    abstract UUID idValue(I id);

    /** The record of the result set's current row. */
    abstract R read(ResultSet rs) throws SQLException;

    /** The value shown when the record's unique key (number) is taken. */
    abstract String uniqueValue(R record);

    static UUID mainClient(ClientRecord<?, ?> record) {
        return record.main() ? record.client().value() : null;
    }

    @Override
    public Optional<R> get(I id) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM " + table + " WHERE tenant_id = ?1 AND id = ?2", List.of(u.tenant, idValue(id))),
                this::read).stream().findFirst();
    }

    @Override
    public List<R> ofClient(ClientId client) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM " + table + " WHERE tenant_id = ?1 AND client_id = ?2",
                List.of(u.tenant, client.value())), this::read).stream().sorted(order).collect(Collectors.toList());
    }

    @Override
    public R insert(R record) {
        u.writing();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("tenant_id", u.tenant, Types.VARCHAR));
        columns.add(new Column("id", idValue(record.id()), Types.OTHER));
        columns.add(new Column("client_id", record.client().value(), Types.OTHER));
        columns.addAll(columns(record));
        columns.add(new Column("version", 1L, Types.BIGINT));
        String sql = "INSERT INTO " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        execute(sql, columns, record);
        return record.withVersion(1);
    }

    @Override
    public R update(R record) {
        u.writing();
        List<Column> columns = new ArrayList<>(columns(record));
        columns.add(new Column("version", record.version() + 1, Types.BIGINT));
        String sql = "UPDATE " + table + " SET " + columns.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "))
                + " WHERE tenant_id = ? AND id = ? AND version = ?";
        columns.add(new Column("tenant_id", u.tenant, Types.VARCHAR));
        columns.add(new Column("id", idValue(record.id()), Types.OTHER));
        columns.add(new Column("version", record.version(), Types.BIGINT));
        if (execute(sql, columns, record) != 1) {
            throw new ConcurrentChangeException(kind, record.id(), record.version());
        }
        return record.withVersion(record.version() + 1);
    }

    private int execute(String sql, List<Column> columns, R record) {
        u.flush("record", "", 0);
        try (PreparedStatement statement = u.em.unwrap(Connection.class).prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.value() == null) {
                    statement.setNull(i + 1, u.dialect.nullType(c.sqlType()));
                } else {
                    statement.setObject(i + 1, c.value());
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if ("23505".equals(e.getSQLState()) && message.contains(table + "_number_uq")) {
                throw new DuplicateException(uniqueField, uniqueValue(record));
            }
            if ("23505".equals(e.getSQLState()) && message.contains(table + "_main_uq")) {
                throw new DuplicateException("main", record.client());
            }
            if ("23505".equals(e.getSQLState()) && message.contains(table + "_pk")) {
                throw new DuplicateException("id", record.id());
            }
            throw Errors.translate(e);
        }
    }
}
