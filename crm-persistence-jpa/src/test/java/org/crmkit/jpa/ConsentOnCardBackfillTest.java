package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.junit.jupiter.api.Test;

/**
 * V402's backfill of {@code crm_consent_current.on_card}: consents written through the store, the
 * cards changed afterwards, every flag reset to the column's default as right after V402's ALTER,
 * then V402's UPDATE statements run as the migration runs them: "has consent now" answers what it
 * answered before the reset, on H2 and PostgreSQL.
 */
class ConsentOnCardBackfillTest {

    @Test
    void theBackfillSetsTheFlagsTheStoresKeepOnH2() throws Exception {
        Path file = TestDatabases.h2File("backfill");
        try (JpaStorage storage = JpaStorage.h2(file)) {
            backfillAgrees(storage, "jdbc:h2:file:" + file.toAbsolutePath(), "sa", "", "h2");
        }
    }

    @Test
    void theBackfillSetsTheFlagsTheStoresKeepOnPostgres() throws Exception {
        try (JpaStorage storage = TestDatabases.postgres()) {
            backfillAgrees(storage, TestDatabases.postgresUrl(), TestDatabases.postgresUser(), TestDatabases.postgresPassword(), "postgresql");
        }
    }

    private static void backfillAgrees(JpaStorage storage, String url, String user, String password, String vendor) throws Exception {
        TenantId tenant = TenantId.of("backfill-" + UUID.randomUUID().toString().substring(0, 8));
        Crm crm = Crm.builder().storage(storage).actor(Actor.employee(tenant, EmployeeId.of("alekseev"))).build();
        Client kept = crm.clients().register(NewClient.legalEntity("Кедр").contact(ContactType.EMAIL, "kedr@example.ru"));
        Client changed = crm.clients().register(NewClient.legalEntity("Ель").contact(ContactType.EMAIL, "el@example.ru"));
        Client withPerson = crm.clients().register(NewClient.legalEntity("Сосна"));
        ContactPerson person = crm.contactPersons().add(withPerson.id(), PersonName.of("Иванова", "Ольга", null),
                p -> p.addContact(ContactEntry.parse(ContactType.EMAIL, "olga@sosna.ru", "RU")));
        Client emptied = crm.clients().register(NewClient.legalEntity("Пихта"));
        ContactPerson gone = crm.contactPersons().add(emptied.id(), PersonName.of("Петров", "Олег", null),
                p -> p.addContact(ContactEntry.parse(ContactType.EMAIL, "oleg@pihta.ru", "RU")));
        grant(crm, ConsentSubject.client(kept.id()), "kedr@example.ru");
        grant(crm, ConsentSubject.client(changed.id()), "el@example.ru");
        grant(crm, ConsentSubject.contactPerson(withPerson.id(), person.id()), "olga@sosna.ru");
        grant(crm, ConsentSubject.contactPerson(emptied.id(), gone.id()), "oleg@pihta.ru");
        crm.clients().update(changed.id(), c -> c.withContacts(List.of(ContactEntry.parse(ContactType.EMAIL, "el2@example.ru", "RU"))));
        crm.contactPersons().update(gone.id(), p -> p.withContacts(List.of()));
        List<String> before = names(crm);
        assertThat(before).containsExactlyInAnyOrder("Кедр", "Сосна");

        List<String> updates = backfillStatements(vendor);
        assertThat(updates).hasSize(2);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement reset = c.prepareStatement("UPDATE crm_consent_current SET on_card = FALSE WHERE tenant_id = ?")) {
                reset.setString(1, tenant.value());
                assertThat(reset.executeUpdate()).isEqualTo(4);
            }
            c.commit();
            assertThat(names(crm)).as("all flags reset").isEmpty();
            for (String update : updates) {
                try (PreparedStatement s = c.prepareStatement(update)) {
                    s.executeUpdate();
                }
            }
            c.commit();
        }
        assertThat(names(crm)).as("after V402's backfill").containsExactlyInAnyOrderElementsOf(before);
    }

    private static void grant(Crm crm, ConsentSubject subject, String address) {
        crm.consents().grant(crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, address), ConsentSource.PAPER, Proof.none());
    }

    private static List<String> names(Crm crm) {
        return crm.clients().summaries(new org.crmkit.client.ClientQuery(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING),
                org.crmkit.client.ClientQuery.Order.CODE, 0, 100)).stream().map(org.crmkit.client.ClientSummary::shortName).toList();
    }

    /** The UPDATE statements of V402 for the vendor, as the migration file holds them (comments dropped). */
    private static List<String> backfillStatements(String vendor) throws IOException, SQLException {
        String path = "/db/migration/" + vendor + "/V402__consent_on_card.sql";
        try (InputStream in = ConsentOnCardBackfillTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> s.startsWith("UPDATE")).toList();
        }
    }
}
