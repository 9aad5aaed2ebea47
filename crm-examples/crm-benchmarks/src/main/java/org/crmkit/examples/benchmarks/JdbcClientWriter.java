package org.crmkit.examples.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.crmkit.client.ContactType;
import org.crmkit.client.NameWords;
import org.crmkit.common.CleanText;
import org.crmkit.common.IdGenerator;
import org.crmkit.examples.benchmarks.ClientRow.PersonRow;

/**
 * Plain JDBC batch inserts of generated clients into crmkit's tables: row for row what
 * {@code JpaStorage} writes for the same registration (same columns, same values, same version 1,
 * the words of the name with the client's search line for quick search,
 * time-ordered UUIDs from the same generator), so that the rows are readable through crmkit
 * afterwards. One {@link #write} is one transaction: every table's rows as one JDBC batch each,
 * parents first, then a commit. With {@code journal} the writer also stores the contact persons
 * and the journal lines crmkit writes on registration (one per client, one per person).
 */
final class JdbcClientWriter implements AutoCloseable {
    private static final String CLIENT = "INSERT INTO crm_client (tenant_id, id, code, kind, short_name, short_key, full_name, "
            + "full_key, registered_on, region, city, industry, inn, kpp, main_phone, archived, version, name_core, legal_form) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CLIENT_CONTACT = "INSERT INTO crm_client_contact (tenant_id, client_id, position, type, "
            + "contact_value, search_value, is_primary, search_reversed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PROPERTY = "INSERT INTO crm_client_property (tenant_id, client_id, client_code, property_key, seq, "
            + "value_text, value_number, value_date, value_bool, value_ref) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)";
    private static final String PERSON = "INSERT INTO crm_contact_person (tenant_id, id, client_id, surname, first_name, "
            + "patronymic, position_title, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PERSON_CONTACT = "INSERT INTO crm_person_contact (tenant_id, person_id, position, type, "
            + "contact_value, search_value, is_primary, search_reversed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NAME_WORD = "INSERT INTO crm_client_name_word (tenant_id, word, short_key, client_id, code, kind, "
            + "short_name, inn, main_phone, archived, name_core, legal_form) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String AUDIT = "INSERT INTO crm_audit (tenant_id, id, client_id, subject, field, new_value, actor, at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final String tenant;
    private final String actor;
    private final boolean journal;
    private final IdGenerator ids;
    private final Clock clock;
    private final PreparedStatement client;
    private final PreparedStatement nameWord;
    private final PreparedStatement clientContact;
    private final PreparedStatement property;
    private final PreparedStatement person;
    private final PreparedStatement personContact;
    private final PreparedStatement audit;

    JdbcClientWriter(Connection connection, String tenant, String actor, boolean journal) throws SQLException {
        this.connection = connection;
        this.tenant = tenant;
        this.actor = actor;
        this.journal = journal;
        this.clock = Clock.systemUTC();
        this.ids = IdGenerator.timeOrdered(clock);
        this.client = connection.prepareStatement(CLIENT);
        this.nameWord = connection.prepareStatement(NAME_WORD);
        this.clientContact = connection.prepareStatement(CLIENT_CONTACT);
        this.property = connection.prepareStatement(PROPERTY);
        this.person = journal ? connection.prepareStatement(PERSON) : null;
        this.personContact = journal ? connection.prepareStatement(PERSON_CONTACT) : null;
        this.audit = journal ? connection.prepareStatement(AUDIT) : null;
    }

    /** Reserves {@code count} code numbers from the tenant's counter, as crmkit does once per batch; returns the first. */
    long reserveCodes(int count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_code_counter SET last_value = last_value + ? WHERE tenant_id = ?")) {
            update.setLong(1, count);
            update.setString(2, tenant);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO crm_code_counter (tenant_id, last_value) VALUES (?, ?)")) {
                    insert.setString(1, tenant);
                    insert.setLong(2, count);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT last_value FROM crm_code_counter WHERE tenant_id = ?")) {
            select.setString(1, tenant);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    /** Writes the rows with codes {@code firstCode, firstCode + 1, …} and commits. */
    void write(List<ClientRow> rows, long firstCode) throws SQLException {
        long code = firstCode;
        for (ClientRow row : rows) {
            UUID id = ids.next();
            String codeText = String.format(Locale.ROOT, "%09d", code++);
            addClient(id, codeText, row);
            addContact(clientContact, id, 0, ContactType.PHONE, row.phone(), row.phone());
            addContact(clientContact, id, 1, ContactType.MOBILE, row.mobile(), row.mobile());
            addContact(clientContact, id, 2, ContactType.EMAIL, row.email(), row.email().toLowerCase(Locale.ROOT));
            addContact(clientContact, id, 3, row.hasLegalAddress() ? ContactType.LEGAL_ADDRESS : ContactType.ACTUAL_ADDRESS,
                    row.address(), null);
            addProperty(id, codeText, BenchProperties.SOURCE, row.source(), null, null, null, null);
            addProperty(id, codeText, BenchProperties.EMPLOYEES, null, BigDecimal.valueOf(row.employees()), null, null, null);
            addProperty(id, codeText, BenchProperties.SECTOR, null, null, null, null, BenchProperties.sectorChoice(row.sector()).toString());
            addProperty(id, codeText, BenchProperties.CONTRACT_DATE, null, null, row.contractDate(), null, null);
            addProperty(id, codeText, BenchProperties.VIP, null, null, null, row.vip(), null);
            if (journal) {
                addAudit(id, "client", "registered", codeText + " " + row.shortName());
                for (PersonRow p : row.persons()) {
                    UUID personId = ids.next();
                    addPerson(personId, id, p);
                    addContact(personContact, personId, 0, ContactType.MOBILE, p.mobile(), p.mobile());
                    addAudit(id, "contact-person:" + personId, "added", p.fullName() + ", " + p.position());
                }
            }
        }
        client.executeBatch();
        nameWord.executeBatch();
        clientContact.executeBatch();
        property.executeBatch();
        if (journal) {
            person.executeBatch();
            personContact.executeBatch();
            audit.executeBatch();
        }
        connection.commit();
    }

    private void addClient(UUID id, String code, ClientRow row) throws SQLException {
        client.setString(1, tenant);
        client.setObject(2, id);
        client.setString(3, code);
        client.setString(4, row.kind().name());
        client.setString(5, row.shortName());
        client.setString(6, CleanText.fold(row.shortName()));
        client.setString(7, row.fullName().orElse(null));
        client.setString(8, row.fullName().map(CleanText::fold).orElse(null));
        client.setObject(9, row.registeredOn());
        client.setString(10, row.region());
        client.setString(11, row.city());
        client.setString(12, row.industry());
        client.setString(13, row.inn().orElse(null));
        client.setString(14, row.kpp().orElse(null));
        // the first phone, primary like every entry here: what crmkit keeps as the main phone (V6)
        client.setString(15, row.phone());
        client.setBoolean(16, false);
        client.setLong(17, 1);
        // the name as quick search compares and orders it (V9)
        String core = NameWords.core(row.shortName());
        String legalForm = NameWords.legalForm(row.shortName()).orElse(null);
        client.setString(18, core);
        client.setString(19, legalForm);
        client.addBatch();
        String shortKey = CleanText.fold(row.shortName());
        for (String word : NameWords.of(shortKey)) {
            nameWord.setString(1, tenant);
            nameWord.setString(2, word);
            nameWord.setString(3, shortKey);
            nameWord.setObject(4, id);
            // the client's search line, as crmkit copies it into each word row (V8)
            nameWord.setString(5, code);
            nameWord.setString(6, row.kind().name());
            nameWord.setString(7, row.shortName());
            nameWord.setString(8, row.inn().orElse(null));
            nameWord.setString(9, row.phone());
            nameWord.setBoolean(10, false);
            nameWord.setString(11, core);
            nameWord.setString(12, legalForm);
            nameWord.addBatch();
        }
    }

    private void addContact(PreparedStatement statement, UUID owner, int position, ContactType type, String value,
                            String searchValue) throws SQLException {
        statement.setString(1, tenant);
        statement.setObject(2, owner);
        statement.setInt(3, position);
        statement.setString(4, type.name());
        statement.setString(5, value);
        statement.setString(6, searchValue);
        statement.setBoolean(7, true);
        // reversed, so that a phone's last digits and an address's domain are index ranges (V9)
        statement.setString(8, searchValue == null ? null : new StringBuilder(searchValue).reverse().toString());
        statement.addBatch();
    }

    private void addProperty(UUID client, String code, String key, String text, BigDecimal number, java.time.LocalDate date, Boolean bool,
                             String ref) throws SQLException {
        property.setString(1, tenant);
        property.setObject(2, client);
        property.setString(3, code);
        property.setString(4, key);
        property.setString(5, text);
        property.setBigDecimal(6, number);
        property.setObject(7, date, java.sql.Types.DATE);
        property.setObject(8, bool, java.sql.Types.BOOLEAN);
        property.setString(9, ref);
        property.addBatch();
    }

    private void addPerson(UUID id, UUID client, PersonRow p) throws SQLException {
        person.setString(1, tenant);
        person.setObject(2, id);
        person.setObject(3, client);
        person.setString(4, p.surname());
        person.setString(5, p.firstName());
        person.setString(6, p.patronymic());
        person.setString(7, p.position());
        person.setLong(8, 1);
        person.addBatch();
    }

    private void addAudit(UUID client, String subject, String field, String newValue) throws SQLException {
        audit.setString(1, tenant);
        audit.setObject(2, ids.next());
        audit.setObject(3, client);
        audit.setString(4, subject);
        audit.setString(5, field);
        audit.setString(6, newValue);
        audit.setString(7, actor);
        audit.setObject(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.addBatch();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[] {client, nameWord, clientContact, property, person, personContact, audit}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
