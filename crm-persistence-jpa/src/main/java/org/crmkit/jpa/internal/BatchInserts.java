package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.NameWords;

/**
 * Writes new aggregates as JDBC batches on the connection of the unit of work's transaction: one
 * prepared statement per table, one round trip per batch. Registering thousands of clients is the
 * one path where EclipseLink's per-object insert machinery cost more than the database itself
 * (measured: see BENCHMARKS.md); rows are the same {@link Mapping} rows the entities map.
 */
final class BatchInserts {
    private static final int BATCH = 500;

    private final Connection connection;
    private final SqlDialect dialect;

    BatchInserts(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** A statement of another feature's rows (an insert, update or delete), run as batches like these. */
    Batch statement(String sql) throws SQLException {
        return new Batch(sql);
    }

    /** One statement (an insert, or the delete of former name words): rows added one by one, executed every {@value #BATCH} rows. */
    final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;
        private int column;

        Batch(String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        Batch set(Object value, int sqlType) throws SQLException {
            column++;
            if (value == null) {
                statement.setNull(column, dialect.nullType(sqlType));
            } else {
                statement.setObject(column, value);
            }
            return this;
        }

        /** Ends the row; the rows are executed as one batch every {@value #BATCH} rows and at {@link #close()}. */
        void row() throws SQLException {
            statement.addBatch();
            column = 0;
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                statement.close();
            }
        }
    }

    void clients(String tenant, List<Client> clients) throws SQLException {
        List<ClientRow> written = new ArrayList<>(clients.size());
        try (Batch insert = new Batch("INSERT INTO crm_client (tenant_id, id, code, kind, short_name, short_key, full_name, full_key,"
                + " group_id, relationship, manager, registered_on, region, city, industry, inn, kpp, ogrn, okpo, notes, main_phone, archived,"
                + " name_core, legal_form, preferred_channel, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (Client client : clients) {
                ClientRow r = new ClientRow();
                Mapping.fill(r, tenant, client);
                insert.set(r.tenantId, Types.VARCHAR).set(r.id, Types.OTHER).set(r.code, Types.VARCHAR).set(r.kind, Types.VARCHAR)
                        .set(r.shortName, Types.VARCHAR).set(r.shortKey, Types.VARCHAR).set(r.fullName, Types.VARCHAR)
                        .set(r.fullKey, Types.VARCHAR).set(r.groupId, Types.OTHER).set(r.relationship, Types.VARCHAR)
                        .set(r.manager, Types.VARCHAR).set(r.registeredOn, Types.DATE).set(r.region, Types.VARCHAR)
                        .set(r.city, Types.VARCHAR).set(r.industry, Types.VARCHAR).set(r.inn, Types.VARCHAR)
                        .set(r.kpp, Types.VARCHAR).set(r.ogrn, Types.VARCHAR).set(r.okpo, Types.VARCHAR)
                        .set(r.notes, Types.VARCHAR).set(r.mainPhone, Types.VARCHAR).set(r.archived, Types.BOOLEAN)
                        .set(r.nameCore, Types.VARCHAR).set(r.legalForm, Types.VARCHAR).set(r.preferredChannel, Types.VARCHAR).row();
                written.add(r);
            }
        }
        wordRows(written);
        try (Batch insert = contactInsert("crm_client_contact", "client_id")) {
            for (Client client : clients) {
                contacts(insert, Mapping.contactRows(tenant, client.id().value(), client.contacts(), ClientContactRow::new));
            }
        }
        try (Batch insert = new Batch("INSERT INTO crm_client_property (tenant_id, client_id, client_code, property_key, seq, value_text,"
                + " value_key, value_number, value_date, value_bool, value_ref, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Client client : clients) {
                for (PropertyValueRow r : Mapping.valueRows(tenant, client.id().value(), client.code(), client.properties())) {
                    insert.set(r.tenantId, Types.VARCHAR).set(r.clientId, Types.OTHER).set(r.clientCode, Types.VARCHAR)
                            .set(r.propertyKey, Types.VARCHAR)
                            .set(r.seq, Types.INTEGER).set(r.text, Types.VARCHAR).set(r.key, Types.VARCHAR).set(r.number, Types.NUMERIC)
                            .set(r.date, Types.DATE).set(r.bool, Types.BOOLEAN).set(r.ref, Types.VARCHAR)
                            .set(r.currency, Types.CHAR).row();
                }
            }
        }
    }

    /** A client's folded short name ({@code crm_client.short_key}), whose words the word index holds. */
    record NamedClient(String tenant, UUID id, String shortKey) {
    }

    /**
     * Indexes the words of clients' names with the columns of their search lines (schema 8): new
     * clients, or clients whose name or search line changed.
     */
    void wordRows(List<ClientRow> clients) throws SQLException {
        try (Batch insert = new Batch("INSERT INTO crm_client_name_word (tenant_id, word, short_key, client_id, code, kind, short_name,"
                + " group_id, relationship, manager, inn, main_phone, archived, name_core, legal_form)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ClientRow r : clients) {
                for (String word : NameWords.of(r.shortKey)) {
                    insert.set(r.tenantId, Types.VARCHAR).set(word, Types.VARCHAR).set(r.shortKey, Types.VARCHAR)
                            .set(r.id, Types.OTHER).set(r.code, Types.VARCHAR).set(r.kind, Types.VARCHAR)
                            .set(r.shortName, Types.VARCHAR).set(r.groupId, Types.OTHER).set(r.relationship, Types.VARCHAR)
                            .set(r.manager, Types.VARCHAR).set(r.inn, Types.VARCHAR).set(r.mainPhone, Types.VARCHAR)
                            .set(r.archived, Types.BOOLEAN).set(r.nameCore, Types.VARCHAR).set(r.legalForm, Types.VARCHAR).row();
                }
            }
        }
    }

    /**
     * Indexes the words of clients' names as schema 3 knew them, without the search-line columns;
     * only the migration that fills the index for clients stored before it (V3) writes these, and V8
     * adds the columns to them.
     */
    void nameWords(List<NamedClient> clients) throws SQLException {
        try (Batch insert = new Batch("INSERT INTO crm_client_name_word (tenant_id, word, short_key, client_id) VALUES (?, ?, ?, ?)")) {
            for (NamedClient client : clients) {
                for (String word : NameWords.of(client.shortKey())) {
                    insert.set(client.tenant(), Types.VARCHAR).set(word, Types.VARCHAR).set(client.shortKey(), Types.VARCHAR)
                            .set(client.id(), Types.OTHER).row();
                }
            }
        }
    }

    /** Removes the word rows of a client's former name. */
    void forgetNameWords(NamedClient former) throws SQLException {
        try (Batch delete = new Batch("DELETE FROM crm_client_name_word WHERE tenant_id = ? AND word = ? AND short_key = ? AND client_id = ?")) {
            for (String word : NameWords.of(former.shortKey())) {
                delete.set(former.tenant(), Types.VARCHAR).set(word, Types.VARCHAR).set(former.shortKey(), Types.VARCHAR)
                        .set(former.id(), Types.OTHER).row();
            }
        }
    }

    void persons(String tenant, List<ContactPerson> persons) throws SQLException {
        try (Batch insert = new Batch("INSERT INTO crm_contact_person (tenant_id, id, client_id, surname, first_name, patronymic,"
                + " position_title, responsible, relation_start, relation_end, birthday, notes, preferred_channel, receives_mailings, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (ContactPerson person : persons) {
                ContactPersonRow r = new ContactPersonRow();
                Mapping.fill(r, tenant, person);
                insert.set(r.tenantId, Types.VARCHAR).set(r.id, Types.OTHER).set(r.clientId, Types.OTHER)
                        .set(r.surname, Types.VARCHAR).set(r.firstName, Types.VARCHAR).set(r.patronymic, Types.VARCHAR)
                        .set(r.position, Types.VARCHAR).set(r.responsible, Types.VARCHAR).set(r.relationStart, Types.DATE)
                        .set(r.relationEnd, Types.DATE).set(r.birthday, Types.DATE).set(r.notes, Types.VARCHAR)
                        .set(r.preferredChannel, Types.VARCHAR).set(r.receivesMailings, Types.BOOLEAN).row();
            }
        }
        try (Batch insert = contactInsert("crm_person_contact", "person_id")) {
            for (ContactPerson person : persons) {
                contacts(insert, Mapping.contactRows(tenant, person.id().value(), person.contacts(), PersonContactRow::new));
            }
        }
    }

    void audit(String tenant, List<AuditEntry> entries) throws SQLException {
        try (Batch insert = new Batch("INSERT INTO crm_audit (tenant_id, id, client_id, subject, field, old_value, new_value, actor, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry entry : entries) {
                AuditRow r = Mapping.auditRow(tenant, entry);
                insert.set(r.tenantId, Types.VARCHAR).set(r.id, Types.OTHER).set(r.clientId, Types.OTHER)
                        .set(r.subject, Types.VARCHAR).set(r.field, Types.VARCHAR).set(r.oldValue, Types.VARCHAR)
                        .set(r.newValue, Types.VARCHAR).set(r.actor, Types.VARCHAR)
                        .set(r.at, Types.TIMESTAMP_WITH_TIMEZONE).row();
            }
        }
    }

    private Batch contactInsert(String table, String ownerColumn) throws SQLException {
        return new Batch("INSERT INTO " + table + " (tenant_id, " + ownerColumn + ", position, type, contact_value, search_value,"
                + " search_reversed, label, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    private static void contacts(Batch insert, List<? extends ContactRow> rows) throws SQLException {
        for (ContactRow r : rows) {
            UUID owner = r.owner();
            insert.set(r.tenantId, Types.VARCHAR).set(owner, Types.OTHER).set(r.position, Types.INTEGER).set(r.type, Types.VARCHAR)
                    .set(r.value, Types.VARCHAR).set(r.searchValue, Types.VARCHAR).set(r.searchReversed, Types.VARCHAR)
                    .set(r.label, Types.VARCHAR)
                    .set(r.primary, Types.BOOLEAN).row();
        }
    }
}
