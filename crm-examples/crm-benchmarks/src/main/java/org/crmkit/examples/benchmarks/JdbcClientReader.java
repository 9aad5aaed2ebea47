package org.crmkit.examples.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The read side of a baseline: a page of client rows by one hand-written query, then the page's
 * contact entries and property values with one query each, the same three round trips crmkit makes
 * for a page of clients, read into plain column arrays instead of domain objects. Hand-written means
 * written with the database's index use in mind, as a baseline should be.
 */
final class JdbcClientReader {
    /** The columns of a search line as crmkit's summaries read them, plus the name a DISTINCT page sorts by. */
    private static final String SUMMARY_COLUMNS = "c.id, c.code, c.kind, c.short_name, c.short_key, c.group_id, c.relationship, c.manager,"
            + " c.inn, c.main_phone, c.archived";

    private final Connection connection;
    private final boolean postgres;
    private final String tenant;
    private final String columns;
    private final boolean children;

    /** Pages of whole clients: every client column, then the contacts and the property values. */
    JdbcClientReader(Connection connection, boolean postgres, String tenant) {
        this(connection, postgres, tenant, "c.*", true);
    }

    private JdbcClientReader(Connection connection, boolean postgres, String tenant, String columns, boolean children) {
        this.connection = connection;
        this.postgres = postgres;
        this.tenant = tenant;
        this.columns = columns;
        this.children = children;
    }

    /** Pages of search lines, as a DAO for a search box would read them: the summary's columns in one query, no children. */
    static JdbcClientReader summaries(Connection connection, boolean postgres, String tenant) {
        return new JdbcClientReader(connection, postgres, tenant, SUMMARY_COLUMNS, false);
    }

    boolean postgres() {
        return postgres;
    }

    /** {@code c.short_key} or {@code c.code} as crmkit sorts: ties by id (the migrations give both columns binary collation). */
    String orderBy(String column) {
        return column + ", c.id";
    }

    /**
     * Runs {@code SELECT <columns> FROM crm_client c WHERE c.tenant_id = ? AND <condition> ORDER BY … LIMIT …}
     * with the tenant as first parameter, then, for whole clients, loads the children; returns the
     * number of clients.
     */
    int page(String condition, String order, int limit, Object... parameters) throws SQLException {
        return statementPage("SELECT " + columns + " FROM crm_client c WHERE c.tenant_id = ? AND (" + condition + ") ORDER BY " + order
                + " OFFSET 0 ROWS FETCH NEXT " + limit + " ROWS ONLY", parameters);
    }

    /**
     * The same, with the filter fenced off from the ORDER BY … LIMIT by a subquery with
     * {@code OFFSET 0}: otherwise PostgreSQL may walk the ordered name index and test every row
     * against a rare {@code LIKE '%…%'} instead of using the trigram indexes.
     */
    int fencedPage(String condition, String order, int limit, Object... parameters) throws SQLException {
        return statementPage("SELECT " + columns + " FROM (SELECT * FROM crm_client c WHERE c.tenant_id = ? AND (" + condition + ") OFFSET 0 ROWS) c"
                + " ORDER BY " + order + " OFFSET 0 ROWS FETCH NEXT " + limit + " ROWS ONLY", parameters);
    }

    /**
     * A page of the clients that a joined child row selects ({@code join} names the child table
     * {@code k} and its join condition on {@code c}, tenant included; {@code condition} may use both).
     * A join with the tenant given on the child, because H2 answers {@code EXISTS} and
     * {@code IN (subquery)} on a child table, or a join with the tenant given on the client, by
     * scanning the tenant's clients (seconds on a million), while it drives this join from the child's index.
     */
    int joinedPage(String join, String condition, String order, int limit, Object... parameters) throws SQLException {
        return statementPage("SELECT DISTINCT " + columns + " FROM crm_client c JOIN " + join + " WHERE k.tenant_id = ? AND (" + condition + ") ORDER BY "
                + order + " OFFSET 0 ROWS FETCH NEXT " + limit + " ROWS ONLY", parameters);
    }

    /** A page by a whole hand-written statement whose first parameter is the tenant; then, for whole clients, the children. */
    int statementPage(String sql, Object... parameters) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement page = connection.prepareStatement(sql)) {
            page.setString(1, tenant);
            for (int i = 0; i < parameters.length; i++) {
                page.setObject(i + 2, parameters[i]);
            }
            try (ResultSet rs = page.executeQuery()) {
                read(rs, ids, "id");
            }
        }
        if (children && !ids.isEmpty()) {
            children("crm_client_contact", ids);
            children("crm_client_property", ids);
        }
        connection.rollback();
        return ids.size();
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, tenant);
            for (int i = 0; i < parameters.length; i++) {
                count.setObject(i + 2, parameters[i]);
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                connection.rollback();
                return n;
            }
        }
    }

    /**
     * The children of the page's clients. PostgreSQL answers {@code client_id IN (…)} from the
     * (tenant_id, client_id, …) key; H2 2.3 uses such a list only on an index's first column and would
     * scan the whole tenant, so for H2 the list names whole keys: {@code (tenant_id, client_id) IN ((?, ?), …)}.
     */
    private void children(String table, List<UUID> ids) throws SQLException {
        String sql = postgres
                ? "SELECT * FROM " + table + " WHERE tenant_id = ? AND client_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")"
                : "SELECT * FROM " + table + " WHERE (tenant_id, client_id) IN (" + String.join(", ", Collections.nCopies(ids.size(), "(?, ?)")) + ")";
        try (PreparedStatement children = connection.prepareStatement(sql)) {
            int index = 1;
            if (postgres) {
                children.setString(index++, tenant);
            }
            for (UUID id : ids) {
                if (!postgres) {
                    children.setString(index++, tenant);
                }
                children.setObject(index++, id);
            }
            try (ResultSet rs = children.executeQuery()) {
                read(rs, null, null);
            }
        }
    }

    /** Reads every column of every row, as a DAO mapping rows would; collects the id column if asked. */
    private static void read(ResultSet rs, List<UUID> ids, String idColumn) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        int idIndex = -1;
        for (int i = 1; i <= columns && idColumn != null; i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(idColumn)) {
                idIndex = i;
            }
        }
        while (rs.next()) {
            Object[] row = new Object[columns];
            for (int i = 1; i <= columns; i++) {
                row[i - 1] = rs.getObject(i);
            }
            if (ids != null) {
                ids.add((UUID) row[idIndex - 1]);
            }
        }
    }
}
