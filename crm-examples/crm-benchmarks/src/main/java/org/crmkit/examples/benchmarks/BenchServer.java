package org.crmkit.examples.benchmarks;

import java.sql.SQLException;

/** Where a benchmark's databases live: H2 files under {@code target/}, or a PostgreSQL server. */
public interface BenchServer extends AutoCloseable {

    /** "H2", "PostgreSQL": the first column of every result row. */
    String label();

    /** Product, version and settings that matter for the figures. */
    String describe() throws SQLException;

    /**
     * The database called {@code name}; {@code fresh} empties it first (a new file, a new database).
     * On a shared external server every name is the one configured database: callers then keep
     * apart by tenant and clean up with {@link BenchDatabase#deleteTenants}.
     */
    BenchDatabase database(String name, boolean fresh) throws SQLException;

    @Override
    void close();
}
