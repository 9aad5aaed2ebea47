package org.crmkit.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.crmkit.jpa.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * A report's statement is planned with its values each time on PostgreSQL: the driver never turns
 * it into a server-side prepared statement, whose generic plan would be guessed without them. The
 * same statement run as an ordinary query is server-prepared after five runs, which shows that the
 * check can see the difference.
 */
class ReportPlanningTest {

    @Test
    void aReportStatementIsNeverServerPreparedWhileAnOrdinaryOneIs() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), TestDatabases.postgresUser(),
                TestDatabases.postgresPassword())) {
            run(c, "SELECT ?::int + 1 AS report_marker", true);
            run(c, "SELECT ?::int + 2 AS ordinary_marker", false);

            assertThat(serverPrepared(c, "report_marker")).as("server-side prepared report statements").isZero();
            assertThat(serverPrepared(c, "ordinary_marker")).as("server-side prepared ordinary statements").isEqualTo(1);
        }
    }

    @Test
    void h2NeedsNothingDone() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:report-planning", "sa", "");
             PreparedStatement statement = c.prepareStatement("SELECT 1")) {
            SqlDialect.H2.planWithValues(statement);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private static void run(Connection c, String sql, boolean report) throws SQLException {
        for (int k = 0; k < 10; k++) {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                if (report) {
                    SqlDialect.POSTGRESQL.planWithValues(statement);
                }
                statement.setInt(1, k);
                try (ResultSet rs = statement.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
        }
    }

    private static long serverPrepared(Connection c, String marker) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE ?")) {
            count.setString(1, "%" + marker + "%");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
