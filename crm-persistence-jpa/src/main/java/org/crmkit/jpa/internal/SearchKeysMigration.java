package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.crmkit.client.NameWords;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 10: fills the search keys V9 added (a client's name core and legal form, on its
 * row and its name-word rows; the reversed search value of every contact) for the rows stored
 * before. A Java migration because the keys are cut by {@link NameWords}, the same code the
 * store and the in-memory ranking use.
 */
public final class SearchKeysMigration extends DerivedRowsMigration {
    private static final int BATCH = 1_000;

    public SearchKeysMigration() {
        super(10, "fill search keys");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             PreparedStatement client = connection.prepareStatement(
                     "UPDATE crm_client SET name_core = ?, legal_form = ? WHERE tenant_id = ? AND id = ?");
             PreparedStatement words = connection.prepareStatement(
                     "UPDATE crm_client_name_word SET name_core = ?, legal_form = ? WHERE tenant_id = ? AND client_id = ? AND word = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("SELECT tenant_id, id, short_name FROM crm_client")) {
                while (rows.next()) {
                    String tenant = rows.getString(1);
                    UUID id = rows.getObject(2, UUID.class);
                    String name = rows.getString(3);
                    String core = NameWords.core(name);
                    String form = NameWords.legalForm(name).orElse(null);
                    client.setString(1, core);
                    client.setString(2, form);
                    client.setString(3, tenant);
                    client.setObject(4, id);
                    client.addBatch();
                    for (String word : NameWords.of(name)) {
                        words.setString(1, core);
                        words.setString(2, form);
                        words.setString(3, tenant);
                        words.setObject(4, id);
                        words.setString(5, word);
                        words.addBatch();
                    }
                    if (++pending == BATCH) {
                        client.executeBatch();
                        words.executeBatch();
                        pending = 0;
                    }
                }
            }
            client.executeBatch();
            words.executeBatch();
        }
        for (String table : new String[] {"crm_client_contact", "crm_person_contact"}) {
            reverseSearchValues(connection, table);
        }
    }

    private static void reverseSearchValues(Connection connection, String table) throws SQLException {
        String owner = table.equals("crm_client_contact") ? "client_id" : "person_id";
        try (Statement read = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET search_reversed = ? WHERE tenant_id = ? AND "
                     + owner + " = ? AND position = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("SELECT tenant_id, " + owner + ", position, search_value FROM " + table
                    + " WHERE search_value IS NOT NULL")) {
                while (rows.next()) {
                    update.setString(1, Mapping.reversed(rows.getString(4)));
                    update.setString(2, rows.getString(1));
                    update.setObject(3, rows.getObject(2, UUID.class));
                    update.setInt(4, rows.getInt(3));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
        }
    }
}
