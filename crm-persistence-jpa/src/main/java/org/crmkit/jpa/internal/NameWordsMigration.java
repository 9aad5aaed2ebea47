package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 3: fills the name word index (created empty by V2) for the clients stored before
 * it existed. A Java migration because the words are cut by {@link org.crmkit.client.NameWords},
 * the same code the store and the in-memory criterion use; SQL could only approximate it.
 */
public final class NameWordsMigration extends DerivedRowsMigration {
    private static final int CHUNK = 1_000;

    public NameWordsMigration() {
        super(3, "fill name words");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        BatchInserts inserts = new BatchInserts(connection, SqlDialect.of(connection));
        List<BatchInserts.NamedClient> chunk = new ArrayList<>();
        try (Statement read = connection.createStatement()) {
            read.setFetchSize(CHUNK);
            try (ResultSet rows = read.executeQuery("SELECT tenant_id, id, short_key FROM crm_client")) {
                while (rows.next()) {
                    chunk.add(new BatchInserts.NamedClient(rows.getString(1), rows.getObject(2, UUID.class), rows.getString(3)));
                    if (chunk.size() == CHUNK) {
                        inserts.nameWords(chunk);
                        chunk.clear();
                    }
                }
            }
        }
        inserts.nameWords(chunk);
    }
}
