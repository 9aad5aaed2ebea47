package org.crmkit.jpa;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.common.TenantId;
import org.crmkit.jpa.internal.Errors;
import org.crmkit.jpa.internal.JpaStores;
import org.crmkit.jpa.internal.SqlDialect;
import org.crmkit.jpa.internal.NameWordsMigration;
import org.crmkit.jpa.internal.SearchKeysMigration;
import org.crmkit.storage.Storage;
import org.crmkit.storage.Stores;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The client base in a relational database: H2 embedded (one line: {@link #h2(Path)}) or
 * PostgreSQL through the host's {@link DataSource}. The schema comes from versioned migrations
 * (Flyway, history table {@code crm_schema_history}), applied on start or only validated.
 *
 * <p>One {@link #inTransaction} is one database transaction on its own {@link EntityManager}.
 * EclipseLink's shared cache is off, so several application nodes on one database always read
 * what is committed, and optimistic locking (a version column per aggregate) refuses stale saves.
 */
public final class JpaStorage implements Storage {
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final EntityManagerFactory factory;
    private final SqlDialect dialect;

    private JpaStorage(EntityManagerFactory factory, SqlDialect dialect) {
        this.factory = factory;
        this.dialect = dialect;
    }

    /**
     * A file-based H2 database at {@code file} (H2 adds {@code .mv.db}), migrated to the current
     * schema. H2 writes each commit into the file as it commits ({@code WRITE_DELAY=0}), so a host
     * killed right after a commit ({@code kill -9}) almost always keeps it; a power loss may still
     * take what the operating system had not yet written to disk.
     */
    public static JpaStorage h2(Path file) {
        ValidationException.required(file, "file");
        return builder().url(h2Url(file)).user("sa").password("").build();
    }

    /**
     * The JDBC URL of the embedded default. H2 keeps committed changes in memory for up to
     * {@code WRITE_DELAY} ms (500 by default) before it writes them: without {@code WRITE_DELAY=0}
     * a killed host loses the clients it registered last, although their registration returned.
     */
    static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0";
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Function<Stores, T> work) {
        return run(tenant, work, false);
    }

    @Override
    public <T> T read(TenantId tenant, Function<Stores, T> work) {
        return run(tenant, work, true);
    }

    private <T> T run(TenantId tenant, Function<Stores, T> work, boolean readOnly) {
        Objects.requireNonNull(tenant, "tenant");
        if (!factory.isOpen()) {
            throw new IllegalStateException("this crmkit storage is closed");
        }
        EntityManager em = factory.createEntityManager();
        JpaStores stores = new JpaStores(em, factory, tenant.value(), dialect, readOnly);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(stores);
            if (readOnly) {
                tx.rollback();
            } else {
                tx.commit();
            }
            return result;
        } catch (RuntimeException | Error e) {
            rollback(tx, e);
            if (e instanceof Error) {
                throw (Error) e;
            }
            throw Errors.translate((RuntimeException) e);
        } finally {
            stores.close();
            em.close();
        }
    }

    /** Rolls back after a failure; a failing rollback is attached to the original error, never replaces it. */
    private static void rollback(EntityTransaction tx, Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public Set<Class<?>> storeTypes() {
        return JpaStores.types();
    }

    @Override
    public String name() {
        return "JpaStorage(" + dialect.displayName() + ")";
    }

    /** Whether this storage talks to PostgreSQL (otherwise H2). */
    public boolean isPostgres() {
        return dialect == SqlDialect.POSTGRESQL;
    }

    /** Closes the connection pool; closing again does nothing (a {@code Crm} closes the storage it was given). */
    @Override
    public synchronized void close() {
        if (factory.isOpen()) {
            factory.close();
        }
    }

    /** Configures a {@link JpaStorage}: where the database is, and whether to migrate it. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private boolean migrate = true;
        private int poolSize = 8;

        private Builder() {
        }

        /** A JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}); connections are pooled by EclipseLink. */
        public Builder url(String value) {
            this.url = ValidationException.required(value, "url");
            return this;
        }

        public Builder user(String value) {
            this.user = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** The host's (pooled) data source, instead of a URL. */
        public Builder dataSource(DataSource value) {
            this.dataSource = ValidationException.required(value, "dataSource");
            return this;
        }

        /** Apply pending migrations on start (default); {@code false} only validates that the schema is current. */
        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /** Connections of EclipseLink's own pool when built from a URL (default 8). */
        public Builder poolSize(int value) {
            if (value < 1) {
                throw new ValidationException("poolSize", value, "must be positive");
            }
            this.poolSize = value;
            return this;
        }

        public JpaStorage build() {
            if ((url == null) == (dataSource == null)) {
                throw new CrmException("give JpaStorage either a JDBC url or a DataSource");
            }
            routeLogging();
            SqlDialect dialect = dialect();
            schema(dialect);
            Map<String, Object> properties = new HashMap<>();
            if (dataSource != null) {
                properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
            } else {
                properties.put("jakarta.persistence.jdbc.url", url);
                properties.put("jakarta.persistence.jdbc.driver", dialect.driver());
                properties.put("jakarta.persistence.jdbc.user", user == null ? "" : user);
                properties.put("jakarta.persistence.jdbc.password", password == null ? "" : password);
                properties.put("eclipselink.connection-pool.default.initial", "1");
                properties.put("eclipselink.connection-pool.default.min", "1");
                properties.put("eclipselink.connection-pool.default.max", String.valueOf(poolSize));
            }
            properties.put("eclipselink.session-name", "crmkit-" + SESSIONS.incrementAndGet());
            properties.put("eclipselink.target-database", dialect.platform());
            try {
                EntityManagerFactory factory = Persistence.createEntityManagerFactory("crmkit", properties);
                factory.createEntityManager().close();
                return new JpaStorage(factory, dialect);
            } catch (RuntimeException e) {
                throw new CrmException("cannot open the crmkit database: " + e.getMessage(), e);
            }
        }

        private SqlDialect dialect() {
            if (url != null) {
                return SqlDialect.ofUrl(url);
            }
            try (Connection connection = dataSource.getConnection()) {
                return SqlDialect.of(connection);
            } catch (SQLException e) {
                throw new CrmException("cannot connect to the crmkit database: " + e.getMessage(), e);
            }
        }

        private void schema(SqlDialect dialect) {
            FluentConfiguration configuration = Flyway.configure()
                    .locations(dialect.migrations())
                    .javaMigrations(new NameWordsMigration(), new SearchKeysMigration())
                    .table("crm_schema_history")
                    // features take version blocks of their own (V1xx the feed, V2xx, … next: see docs/architecture.md),
                    // so a block that lands later than a higher one is still applied
                    .outOfOrder(true)
                    .loggers("slf4j");
            Flyway flyway = (dataSource != null ? configuration.dataSource(dataSource)
                    : configuration.dataSource(url, user == null ? "" : user, password == null ? "" : password)).load();
            try {
                if (migrate) {
                    flyway.migrate();
                } else {
                    flyway.validate();
                }
            } catch (RuntimeException e) {
                throw new CrmException((migrate ? "migrating" : "validating") + " the crmkit schema failed: " + e.getMessage(), e);
            }
        }

        /** EclipseLink logs through java.util.logging; its records go to SLF4J only, not to the console twice. */
        private static void routeLogging() {
            Logger eclipseLink = Logger.getLogger("org.eclipse.persistence");
            synchronized (JpaStorage.class) {
                if (eclipseLink.getUseParentHandlers()) {
                    eclipseLink.setUseParentHandlers(false);
                    eclipseLink.addHandler(new SLF4JBridgeHandler());
                    eclipseLink.setLevel(Level.WARNING);
                }
            }
        }
    }
}
