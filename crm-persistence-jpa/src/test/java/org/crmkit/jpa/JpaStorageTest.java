package org.crmkit.jpa;

import org.crmkit.client.ClientStore;
import org.crmkit.criteria.Criterion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactType;
import org.crmkit.client.NameWords;
import org.crmkit.client.PersonName;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.Actor;
import org.crmkit.common.CleanText;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmployeeId;
import org.crmkit.handover.HandOverScenario;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.jpa.internal.NameWordsMigration;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the JPA storage adds to the contract: files that survive, two nodes on one database, errors, SQL-side policy. */
class JpaStorageTest {
    private static JpaStorage h2;
    private static JpaStorage postgres;

    @BeforeAll
    static void open() {
        h2 = TestDatabases.h2("storage");
        postgres = TestDatabases.postgres();
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    static Stream<JpaStorage> databases() {
        return Stream.of(h2, postgres);
    }

    private static TenantId freshTenant() {
        return TenantId.of("t" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static Crm crm(JpaStorage storage, Actor actor) {
        return Crm.builder().storage(storage).actor(actor).build();
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossARestart() {
        Path file = TestDatabases.h2File("restart");
        Actor actor = Actor.system(TenantId.of("veterok"), "demo");
        Client pitersoft;
        try (JpaStorage first = JpaStorage.h2(file)) {
            pitersoft = crm(first, actor).clients().register(NewClient.legalEntity("Питерсофт").inn("7707083893")
                    .contact(ContactType.PHONE, "+7 903 523 66 45")
                    .contactPerson(PersonName.of("Светикова", "Светлана", "Андреевна"), p -> p));
        }
        try (JpaStorage second = JpaStorage.h2(file)) {
            Crm crm = crm(second, actor);
            assertThat(crm.clients().get(pitersoft.id())).isEqualTo(pitersoft);
            assertThat(crm.clients().search("8 903 523-66-45")).containsExactly(ClientSummary.of(pitersoft));
            assertThat(crm.contactPersons().ofClient(pitersoft.id())).hasSize(1);
            assertThat(crm.clients().register(NewClient.legalEntity("Прайм-М")).code().value()).isEqualTo("000000002");
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aStaleSaveFromAnotherNodeIsRefusedAndNothingIsWritten(JpaStorage storage) {
        Actor actor = Actor.system(freshTenant(), "node-a");
        Crm nodeA = crm(storage, actor);
        Client read = nodeA.clients().register(NewClient.legalEntity("Баев и Ко"));
        try (JpaStorage otherNode = storage.isPostgres() ? TestDatabases.postgres() : null) {
            Crm nodeB = otherNode == null ? crm(storage, actor) : crm(otherNode, actor);
            Client readByB = nodeB.clients().get(read.id());
            nodeA.clients().save(read.changeNotes("A был первым"));
            assertThatThrownBy(() -> nodeB.clients().save(readByB.changeNotes("B опоздал").addContact(
                    nodeB.clients().contact(ContactType.EMAIL, "late@baev.ru"))))
                    .isInstanceOf(ConcurrentChangeException.class);
            Client now = nodeB.clients().get(read.id());
            assertThat(now.notes()).contains("A был первым");
            assertThat(now.contacts()).isEmpty();
            assertThat(now.version()).isEqualTo(2);
            assertThat(nodeB.clients().history(read.id())).extracting(e -> e.newValue().orElse("")).doesNotContain("B опоздал");
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void theAccessPolicyFiltersInsideTheQueryBeforePaging(JpaStorage storage) {
        TenantId tenant = freshTenant();
        EmployeeDirectory staff = EmployeeDirectory.of(List.of(Employee.of("alekseev", "Алексеев И.Н.", "a"),
                Employee.of("panina", "Панина Л.Г.", "b")));
        Crm admin = Crm.builder().storage(storage).actor(Actor.system(tenant, "admin")).build();
        for (int i = 0; i < 5; i++) {
            admin.clients().register(NewClient.legalEntity("Чужой " + i).manager(EmployeeId.of("panina")));
        }
        Client mine = admin.clients().register(NewClient.legalEntity("Свой").manager(EmployeeId.of("alekseev")));
        Crm alekseev = Crm.builder().storage(storage).employees(staff).accessPolicy(ClientAccess.ownAndTeam(staff))
                .actor(Actor.employee(tenant, EmployeeId.of("alekseev"))).build();

        assertThat(alekseev.clients().find(ClientQuery.where(Criterion.all()).page(0, 1))).containsExactly(mine);
        assertThat(alekseev.clients().count(Criterion.all())).isEqualTo(1);
        assertThat(alekseev.clients().search("чужой")).isEmpty();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void aDuplicateCodeRacingPastTheCheckComesBackAsTheDomainError(JpaStorage storage) throws Exception {
        TenantId tenant = freshTenant();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> storage.inTransaction(tenant, s -> {
                s.get(ClientStore.class).insert(Client.register(new ClientId(UUID.randomUUID()),
                        ClientCode.of("777"), ClientKind.LEGAL_ENTITY, "Первый", java.time.LocalDate.of(2024, 1, 1)));
                firstInserted.countDown();
                await(secondTried);
                return null;
            }));
            firstInserted.await(30, TimeUnit.SECONDS);
            Client second = Client.register(new ClientId(UUID.randomUUID()),
                    ClientCode.of("777"), ClientKind.LEGAL_ENTITY, "Второй", java.time.LocalDate.of(2024, 1, 1));
            Thread releaser = new Thread(() -> {
                sleep(300);
                secondTried.countDown();
            });
            releaser.start();
            assertThatThrownBy(() -> storage.inTransaction(tenant, s -> s.get(ClientStore.class).insert(second)))
                    .isInstanceOfSatisfying(CrmException.class, e -> {
                        assertThat(e).isInstanceOfAny(DuplicateException.class, ConcurrentChangeException.class);
                        if (e instanceof DuplicateException) {
                            assertThat(((DuplicateException) e).field()).isEqualTo("code");
                        }
                    });
            first.get(30, TimeUnit.SECONDS);
            releaser.join();
        } finally {
            pool.shutdownNow();
        }
        assertThat(storage.<Long>read(tenant, s -> s.get(ClientStore.class).count(Criterion.all()))).isEqualTo(1L);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void everyTextTheDomainAcceptsFitsTheDatabaseAndIsFoundAgain(JpaStorage storage) {
        Crm crm = crm(storage, Actor.system(freshTenant(), "admin"));
        crm.properties().define(PropertyDefinition.define("memo", "Памятка", new PropertyType.TextType(4000)));
        java.util.Random random = new java.util.Random(42);
        StringBuilder cyrillic = new StringBuilder();
        random.ints(4000, 0x0410, 0x0450).forEach(cyrillic::appendCodePoint);
        String emoji = "\uD83D\uDE00".repeat(4000);
        String longName = "\u0130".repeat(Client.SHORT_NAME_MAX);
        for (String text : List.of(cyrillic.toString(), emoji)) {
            Client stored = crm.clients().register(NewClient.legalEntity(longName).fullName(longName + longName)
                    .notes(text).property("memo", PropertyValue.text(text)));
            assertThat(crm.clients().get(stored.id())).isEqualTo(stored);
            assertThat(crm.clients().count(Criterion.and(new ClientCriterion.IdIn(java.util.Set.of(stored.id())),
                    new ClientCriterion.PropertyEquals(org.crmkit.property.PropertyKey.of("memo"), PropertyValue.text(text))))).isEqualTo(1);
        }
        assertThat(crm.clients().search("\u0130\u0130\u0130")).hasSize(2);
    }

    @Test
    void whatTheDatabaseRefusesComesBackAsTheDomainsErrors() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:errors");
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE crm_client (tenant_id VARCHAR(9), code VARCHAR(3), CONSTRAINT crm_client_code_uq UNIQUE (tenant_id, code))");
            st.execute("INSERT INTO crm_client VALUES ('t', '007')");
            java.sql.SQLException tooLong = org.assertj.core.api.Assertions.catchThrowableOfType(java.sql.SQLException.class,
                    () -> st.execute("INSERT INTO crm_client VALUES ('t', '0007')"));
            assertThat(org.crmkit.jpa.internal.Errors.translate(tooLong)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("too long for the database");
            java.sql.SQLException duplicate = org.assertj.core.api.Assertions.catchThrowableOfType(java.sql.SQLException.class,
                    () -> st.execute("INSERT INTO crm_client VALUES ('t', '007')"));
            assertThat(org.crmkit.jpa.internal.Errors.translate(duplicate)).isInstanceOfSatisfying(DuplicateException.class,
                    e -> assertThat(e.field()).isEqualTo("code"));
        }
    }

    @Test
    void clientsStoredBeforeTheWordIndexExistedAreFoundByTheirWordsAfterTheUpgrade() throws Exception {
        Path file = TestDatabases.h2File("upgrade");
        String url = "jdbc:h2:file:" + file.toAbsolutePath();
        // schema 2: the word index exists but is empty, as for clients crmkit stored before version 3
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").table("crm_schema_history")
                .target(MigrationVersion.fromVersion("2")).load().migrate();
        UUID perm = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_client (tenant_id, id, code, kind, short_name,"
                     + " short_key, registered_on, archived, version) VALUES ('veterok', ?, ?, 'LEGAL_ENTITY', ?, ?, DATE '2024-01-15', FALSE, 1)")) {
            for (String[] client : new String[][] {{perm.toString(), "000000001", "ООО «Пермь-Строй»"},
                {UUID.randomUUID().toString(), "000000002", "Гермес"}}) {
                insert.setObject(1, UUID.fromString(client[0]));
                insert.setString(2, client[1]);
                insert.setString(3, client[2]);
                insert.setString(4, CleanText.fold(client[2]));
                insert.executeUpdate();
            }
        }
        assertThatThrownBy(() -> JpaStorage.builder().url(url).user("sa").password("").migrate(false).build())
                .isInstanceOf(CrmException.class).hasMessageContaining("validating");
        try (JpaStorage upgraded = JpaStorage.h2(file)) {
            Crm crm = crm(upgraded, Actor.system(TenantId.of("veterok"), "demo"));
            assertThat(crm.clients().find(new ClientQuery(new ClientCriterion.NameWordStartsWith("строй"), ClientQuery.Order.NAME, 0, 10)))
                    .extracting(c -> c.id().value()).containsExactly(perm);
            assertThat(crm.clients().search("перм")).extracting(ClientSummary::shortName).containsExactly("ООО «Пермь-Строй»");
        }
    }

    @Test
    void clientsStoredAtVersion5GetTheirMainPhoneAndWordRowSearchLinesFromTheUpgradeOnH2() throws Exception {
        String url = "jdbc:h2:file:" + TestDatabases.h2File("main-phone").toAbsolutePath();
        searchLinesAreFilledByTheUpgrade(url, "sa", "");
    }

    @Test
    void clientsStoredAtVersion5GetTheirMainPhoneAndWordRowSearchLinesFromTheUpgradeOnPostgres() throws Exception {
        String schema = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        String url = TestDatabases.postgresUrl();
        String user = TestDatabases.postgresUser();
        String password = TestDatabases.postgresPassword();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try {
            // the schema first, public after it for pg_trgm's operators
            searchLinesAreFilledByTheUpgrade(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public", user, password);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /**
     * Clients written at schema 5 (no main_phone column yet, word rows of four columns) read back
     * with the main phone V6 derived from their contacts, and a quick search, which reads its page
     * off the word rows, lists them with the search lines V8 copied there.
     */
    private static void searchLinesAreFilledByTheUpgrade(String url, String user, String password) throws Exception {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/" + (postgres ? "postgresql" : "h2"))
                .javaMigrations(new NameWordsMigration()).table("crm_schema_history").target(MigrationVersion.fromVersion("5")).load()
                .migrate();
        UUID group = UUID.randomUUID();
        // code, name, manager, INN, relationship, archived
        String[][] clients = {{"000000001", "Два телефона", "alekseev", "7707083893", "vip", "false"},
            {"000000002", "Факс и телефон", null, null, null, "false"}, {"000000003", "Только почта", "panina", null, null, "true"}};
        // position, type, value, primary
        String[][][] contacts = {
            {{"0", "PHONE", "+74953212223", "false"}, {"1", "MOBILE", "+79161234567", "true"}},
            {{"0", "FAX", "+74953212224", "true"}, {"1", "WHATSAPP", "+79167654321", "true"}, {"2", "PHONE", "+74953212225", "true"}},
            {{"0", "EMAIL", "info@example.ru", "true"}}};
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement client = connection.prepareStatement("INSERT INTO crm_client (tenant_id, id, code, kind, short_name,"
                     + " short_key, manager, inn, relationship, group_id, registered_on, archived, version)"
                     + " VALUES ('veterok', ?, ?, 'LEGAL_ENTITY', ?, ?, ?, ?, ?, ?, DATE '2024-01-15', ?, 1)");
             PreparedStatement word = connection.prepareStatement("INSERT INTO crm_client_name_word (tenant_id, word, short_key, client_id)"
                     + " VALUES ('veterok', ?, ?, ?)");
             PreparedStatement contact = connection.prepareStatement("INSERT INTO crm_client_contact (tenant_id, client_id, position, type,"
                     + " contact_value, search_value, is_primary) VALUES ('veterok', ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < clients.length; i++) {
                UUID id = UUID.randomUUID();
                client.setObject(1, id);
                client.setString(2, clients[i][0]);
                client.setString(3, clients[i][1]);
                client.setString(4, CleanText.fold(clients[i][1]));
                client.setString(5, clients[i][2]);
                client.setString(6, clients[i][3]);
                client.setString(7, clients[i][4]);
                client.setObject(8, i == 0 ? group : null);
                client.setBoolean(9, Boolean.parseBoolean(clients[i][5]));
                client.executeUpdate();
                for (String nameWord : NameWords.of(CleanText.fold(clients[i][1]))) {
                    word.setString(1, nameWord);
                    word.setString(2, CleanText.fold(clients[i][1]));
                    word.setObject(3, id);
                    word.executeUpdate();
                }
                for (String[] entry : contacts[i]) {
                    contact.setObject(1, id);
                    contact.setInt(2, Integer.parseInt(entry[0]));
                    contact.setString(3, entry[1]);
                    contact.setString(4, entry[2]);
                    contact.setString(5, entry[2]);
                    contact.setBoolean(6, Boolean.parseBoolean(entry[3]));
                    contact.executeUpdate();
                }
            }
        }
        try (JpaStorage upgraded = JpaStorage.builder().url(url).user(user).password(password).build()) {
            Crm crm = crm(upgraded, Actor.system(TenantId.of("veterok"), "demo"));
            List<ClientSummary> summaries = crm.clients().summaries(new ClientQuery(Criterion.all(), ClientQuery.Order.CODE, 0, 10));
            assertThat(summaries).extracting(summary -> summary.phone().map(PhoneNumber::e164).orElse("none"))
                    .containsExactly("+79161234567", "+74953212225", "none");
            // the same as the domain derives from the whole client
            for (ClientSummary summary : summaries) {
                assertThat(summary).isEqualTo(ClientSummary.of(crm.clients().get(summary.id())));
            }
            assertThat(crm.clients().search("телефон")).containsExactlyInAnyOrder(summaries.get(0), summaries.get(1));
            assertThat(crm.clients().search("почта")).isEmpty();
            assertThat(crm.clients().summaries(new ClientQuery(Criterion.and(new ClientCriterion.NameWordStartsWith("почт"),
                    new ClientCriterion.Archived(true)), ClientQuery.Order.NAME, 0, 10))).containsExactly(summaries.get(2));
            // the search keys of V9, filled by V10 for the clients stored before: a phone's last digits, the name's core
            assertThat(crm.clients().search("4567")).containsExactly(summaries.get(0));
            assertThat(crm.clients().search("2225")).containsExactly(summaries.get(1));
            assertThat(summaries.get(0)).extracting(ClientSummary::manager, ClientSummary::relationship, ClientSummary::group)
                    .containsExactly(Optional.of(EmployeeId.of("alekseev")), Optional.of(RelationshipTypeId.of("vip")),
                            Optional.of(new ClientGroupId(group)));
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        JpaStorage storage = JpaStorage.h2(TestDatabases.h2File("twice"));
        Crm crm = crm(storage, Actor.system(TenantId.of("veterok"), "demo"));
        crm.close();
        storage.close();
        assertThatThrownBy(() -> crm.clients().search("питер")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aSchemaThatIsNotMigratedIsRefusedWhenOnlyValidating() {
        Path file = TestDatabases.h2File("validate");
        assertThatThrownBy(() -> JpaStorage.builder().url("jdbc:h2:file:" + file.toAbsolutePath()).user("sa").migrate(false).build())
                .isInstanceOf(CrmException.class).hasMessageContaining("validating the crmkit schema failed");
        JpaStorage.h2(file).close();
        try (JpaStorage validated = JpaStorage.builder().url("jdbc:h2:file:" + file.toAbsolutePath()).user("sa").migrate(false).build()) {
            assertThat(validated.isPostgres()).isFalse();
        }
    }

    @Test
    void theStorageIsFoundThroughTheServiceLoaderByName() {
        Path file = TestDatabases.h2File("provider");
        try (Crm crm = Crm.builder().storageProvider("jpa", Map.of("url", "jdbc:h2:file:" + file.toAbsolutePath(), "user", "sa"))
                .actor(Actor.system(TenantId.DEFAULT, "demo")).build()) {
            Client client = crm.clients().register(NewClient.legalEntity("Пайт").relationship(RelationshipType.PARTNER));
            assertThat(crm.clients().find(client.id())).contains(client);
        }
        assertThatThrownBy(() -> new JpaStorageProvider().create(Map.of("url", " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void theWholeCardRoundTripsThroughTheFacade(JpaStorage storage) {
        Crm crm = crm(storage, Actor.employee(freshTenant(), EmployeeId.of("abdulov")));
        var buyers = crm.groups().create("Покупатели и заказчики", null);
        crm.properties().define(PropertyDefinition.define("employees", "Количество сотрудников", PropertyType.NumberType.integer()));
        Client client = crm.clients().register(NewClient.legalEntity("Прайм-М").code("000000012")
                .fullName("ЗАО \"Прайм-М - агентство\"").group(buyers.id()).relationship(RelationshipType.VIP)
                .inn("7736050003").kpp("773601001").ogrn("1037739010891")
                .contact(ContactType.PHONE, "8 (916) 123-45-67").contact(ContactType.EMAIL, "Office@Prime-M.ru")
                .property("employees", PropertyValue.number(12))
                .contactPerson(PersonName.of("Светикова", "Светлана", "Андреевна"), p -> p.withPosition("Бухгалтер")));
        Client changed = crm.clients().update(client.id(), c -> c.removeContact(c.contacts().get(0))
                .addContact(crm.clients().contact(ContactType.MOBILE, "+7 903 523 66 45"))
                .setProperty(crm.properties().get("employees").orElseThrow(), PropertyValue.number(15))
                .archive());

        assertThat(crm.clients().get(client.id())).isEqualTo(changed);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(crm.clients().search("прайм")).isEmpty();
        assertThat(crm.clients().find(ClientQuery.where(new ClientCriterion.Archived(true)))).containsExactly(changed);
        assertThat(crm.clients().history(client.id())).extracting(e -> e.field())
                .contains("registered", "added", "contacts", "properties.employees", "archived");
        assertThat(crm.contactPersons().ofClient(client.id())).extracting(p -> p.position().orElse("")).containsExactly("Бухгалтер");
        assertThat(Optional.of(crm.clients().get(client.id()).primaryContact(ContactType.EMAIL).orElseThrow().value()))
                .contains("Office@prime-m.ru");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("databases")
    void anEmployeesWorkIsHandedOverInOneUnitOfWork(JpaStorage storage) {
        HandOverScenario.run(crm(storage, Actor.employee(freshTenant(), EmployeeId.of("admin"))), EmployeeId.of("abdulov"), EmployeeId.of("panina"));
    }
}
