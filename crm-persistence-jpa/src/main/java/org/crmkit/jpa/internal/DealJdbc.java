package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.ConcurrentChangeException;

/**
 * Plain JDBC on a JPA unit of work's connection for the deal tables: the deal feature keeps no
 * entities (its rows are flat and written whole), so its stores bind statements here, after a
 * flush of whatever the entity manager holds, inside the unit of work's own transaction.
 */
final class DealJdbc {
    /** A null of an SQL type (PostgreSQL wants the type of a null uuid or date). */
    record Null(int type) {
    }

    static final Null NO_UUID = new Null(Types.OTHER);
    static final Null NO_TEXT = new Null(Types.VARCHAR);
    static final Null NO_DATE = new Null(Types.DATE);
    static final Null NO_INSTANT = new Null(Types.TIMESTAMP_WITH_TIMEZONE);

    private DealJdbc() {
    }

    /** Runs one statement with {@code ?} parameters; answers the update count. */
    static int execute(JpaStores u, String sql, Object... parameters) {
        u.flush("record", "", 0);
        try (PreparedStatement statement = u.em.unwrap(Connection.class).prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /**
     * Runs an UPDATE whose WHERE ends with {@code version = ?} (the read version, the last
     * parameter): no row updated means someone saved the record since, a
     * {@link ConcurrentChangeException} naming it.
     */
    static void updateVersioned(JpaStores u, String recordType, Object id, long version, String sql, Object... parameters) {
        if (execute(u, sql, parameters) != 1) {
            throw new ConcurrentChangeException(recordType, id, version);
        }
    }

    /** Runs one statement once per parameter row, as a JDBC batch. */
    static void batch(JpaStores u, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        u.flush("record", "", 0);
        try (PreparedStatement statement = u.em.unwrap(Connection.class).prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Null) {
                statement.setNull(i + 1, ((Null) value).type());
            } else if (value instanceof Instant) {
                statement.setObject(i + 1, ((Instant) value).atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    static <T> Object orNull(Optional<T> value, Null none) {
        return value.isPresent() ? value.get() : none;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
