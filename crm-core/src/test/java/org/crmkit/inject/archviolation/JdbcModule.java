package org.crmkit.inject.archviolation;

import javax.sql.DataSource;

/** Deliberately JDBC in the Guice package, which the domain rule exempts; only the architecture test imports it. */
public final class JdbcModule {
    private JdbcModule() {
    }

    public static DataSource dataSource() {
        return null;
    }
}
