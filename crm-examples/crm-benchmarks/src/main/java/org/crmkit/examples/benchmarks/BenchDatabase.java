package org.crmkit.examples.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.crmkit.jpa.JpaStorage;

/**
 * One database of a benchmark: its JDBC coordinates, used alike by the crmkit side (through
 * {@link JpaStorage}) and by the plain-JDBC baseline.
 *
 * @param shared whether other benchmarks' tenants live in the same database (an external server),
 *               so cleaning up must go tenant by tenant
 */
public record BenchDatabase(String name, String url, String user, String password, boolean postgres, boolean shared) {

    /** The tables of the client base, children first. */
    static final List<String> TABLES = List.of("crm_audit", "crm_person_contact", "crm_contact_person", "crm_client_property",
            "crm_client_contact", "crm_client_name_word", "crm_client", "crm_code_counter", "crm_property_choice", "crm_property",
            "crm_client_group", "crm_relationship_type");

    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(false);
        return connection;
    }

    /** The crmkit storage on this database; creates or migrates the schema through crmkit's own migrations. */
    public JpaStorage storage() {
        return JpaStorage.builder().url(url).user(user).password(password).migrate(true).build();
    }

    /** Removes every row of these tenants (a shared database keeps other benchmarks' data). */
    public void deleteTenants(List<String> tenants) throws SQLException {
        try (Connection c = connect()) {
            for (String table : TABLES) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ?")) {
                    for (String tenant : tenants) {
                        delete.setString(1, tenant);
                        delete.executeUpdate();
                    }
                }
            }
            c.commit();
            if (postgres) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
            }
        }
    }

    /** Rows per table of one tenant, in {@link #TABLES} order. */
    public long[] countRows(String tenant) throws SQLException {
        long[] counts = new long[TABLES.size()];
        try (Connection c = connect()) {
            for (int i = 0; i < TABLES.size(); i++) {
                try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + TABLES.get(i) + " WHERE tenant_id = ?")) {
                    count.setString(1, tenant);
                    try (var rs = count.executeQuery()) {
                        rs.next();
                        counts[i] = rs.getLong(1);
                    }
                }
            }
            c.rollback();
        }
        return counts;
    }

    /** {@code VACUUM ANALYZE} on PostgreSQL, {@code ANALYZE} on H2: fresh statistics for the planner. */
    public void analyze() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE");
            }
        }
    }
}
