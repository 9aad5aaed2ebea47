package org.crmkit.client;

import org.crmkit.criteria.Criterion;
import org.crmkit.Crm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.audit.AuditEntry;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class ClientsTest {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final Actor ALEKSEEV = Actor.employee(TENANT, EmployeeId.of("alekseev"));
    private static final Actor PANINA = Actor.employee(TENANT, EmployeeId.of("panina"));
    private static final Actor PETRISHCHEV = Actor.employee(TENANT, EmployeeId.of("petrishchev"));

    private final List<DomainEvent> events = new ArrayList<>();
    private final EmployeeDirectory staff = EmployeeDirectory.of(List.of(
            Employee.of("alekseev", "Алексеев И.Н.", "sales"),
            Employee.of("panina", "Панина Л.Г.", "sales"),
            Employee.of("petrishchev", "Петрищев А.Е.", "service")));
    private final Crm crm = Crm.builder()
            .storage(new InMemoryStorage())
            .clock(Clock.fixed(Instant.parse("2011-09-16T08:30:00Z"), ZoneOffset.UTC))
            .ids(IdGenerator.sequential())
            .employees(staff)
            .accessPolicy(ClientAccess.ownAndTeam(staff))
            .actor(ALEKSEEV)
            .listener(events::add)
            .build();

    @Test
    void aRejectedRegistrationNamesTheFieldAndTheValueAndStoresNothing() {
        assertRejected(NewClient.legalEntity("Иваночкин").contact(ContactType.PHONE, "+7 916 123-45-67")
                .contact(ContactType.EMAIL, "wqdqdas@sfgsr wert wert"), "contacts[1].value", "wqdqdas@sfgsr wert wert");
        assertRejected(NewClient.legalEntity("Альфа").inn("7707083894"), "inn", "7707083894");
        assertRejected(NewClient.legalEntity("Альфа").inn("500100732259"), "inn", "500100732259");
        assertRejected(NewClient.individual("Бета").kpp("771001001"), "kpp", "771001001");
        assertRejected(NewClient.legalEntity(" "), "shortName", " ");
        assertRejected(NewClient.legalEntity("Evil\u202Egnp.exe"), "shortName", "Evil\u202Egnp.exe");
        assertRejected(NewClient.legalEntity("Альфа").code("000 12"), "code", "000 12");
        assertRejected(NewClient.legalEntity("Альфа").contact(ContactType.PHONE, "12"), "contacts[0].value", "12");
        assertRejected(NewClient.legalEntity("Альфа").relationship(RelationshipTypeId.of("nobody")), "relationship", "nobody");
        assertRejected(NewClient.legalEntity("Альфа").group(ClientGroupId.of("00000000-0000-7000-8000-000000000999")),
                "group", "00000000-0000-7000-8000-000000000999");
        assertRejected(NewClient.legalEntity("Альфа").property("undefined", PropertyValue.text("x")), "properties.undefined", "undefined");
        assertRejected(NewClient.legalEntity("x".repeat(151)), "shortName", "x".repeat(151));

        assertThat(crm.clients().count(Criterion.all())).isZero();
        assertThat(events).isEmpty();
    }

    private void assertRejected(NewClient draft, String field, String value) {
        assertThatThrownBy(() -> crm.clients().register(draft))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rejectedValue()).isEqualTo(value);
                    assertThat(e.getMessage()).startsWith(field + ": ");
                });
    }

    @Test
    void propertyValuesAreCheckedAgainstTheSchema() {
        crm.properties().define(PropertyDefinition.define("employees", "Количество сотрудников",
                PropertyType.NumberType.integer().between(0, 10_000)));
        crm.properties().define(PropertyDefinition.define("hours", "Время работы", new PropertyType.TextType(20)).requiredFlag(false));

        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Альфа").property("employees", PropertyValue.number("5.5"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("properties.employees");
                    assertThat(e.rejectedValue()).isEqualTo("5.5");
                });
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Альфа").property("employees", PropertyValue.number(-1))))
                .hasMessageContaining("properties.employees").hasMessageContaining("\"-1\"").hasMessageContaining("minimum 0");
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Альфа").property("employees", PropertyValue.text("пять"))))
                .hasMessageContaining("properties.employees").hasMessageContaining("пять").hasMessageContaining("not a number");
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Альфа").property("hours", PropertyValue.text("с 9-00 до 18-00, кроме Сб и Вс"))))
                .hasMessageContaining("properties.hours").hasMessageContaining("longer than 20");

        PropertyDefinition hours = crm.properties().get("hours").orElseThrow();
        crm.properties().change(hours.requiredFlag(true));
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Альфа")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("properties.hours"));
        Client ok = crm.clients().register(NewClient.legalEntity("Альфа").property("hours", PropertyValue.text("9-18")));
        assertThat(ok.properties()).hasSize(1);
        assertThat(crm.clients().count(Criterion.all())).isEqualTo(1);
    }

    @Test
    void saving_a_stale_copy_fails_and_changes_nothing() {
        Client v1 = crm.clients().register(NewClient.legalEntity("Баев и Ко"));
        Client v2 = crm.clients().save(v1.withFullName("ООО \"Баев и Ко\""));
        assertThat(v2.version()).isEqualTo(2);

        assertThatThrownBy(() -> crm.clients().save(v1.changeNotes("stale")))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining(v1.id().toString());
        assertThat(crm.clients().get(v1.id())).isEqualTo(v2);
        assertThat(crm.clients().history(v1.id())).extracting(AuditEntry::field).doesNotContain("notes");
    }

    @Test
    void theJournalSaysWhoChangedWhichFieldWhenFromWhatToWhat() {
        Client client = crm.clients().register(NewClient.legalEntity("Белявский").contact(ContactType.PHONE, "8 (916) 123-45-67"));
        crm.as(PANINA).clients().update(client.id(), c -> c.classifyAs(RelationshipType.VIP).rename("Белявский О.К.", Optional.empty()));
        crm.contactPersons().add(client.id(), PersonName.of("Белявский", "Олег", "Константинович"), p -> p.withPosition("Директор"));

        List<AuditEntry> history = crm.clients().history(client.id());
        AuditEntry rename = history.stream().filter(e -> e.field().equals("shortName") && e.oldValue().isPresent()).findFirst().orElseThrow();
        assertThat(rename.oldValue()).contains("Белявский");
        assertThat(rename.newValue()).contains("Белявский О.К.");
        assertThat(rename.actor()).isEqualTo("panina");
        assertThat(rename.at()).isEqualTo(Instant.parse("2011-09-16T08:30:00Z"));
        assertThat(history).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("relationship");
            assertThat(e.oldValue()).isEmpty();
            assertThat(e.newValue()).contains("vip");
        });
        assertThat(history).anySatisfy(e -> {
            assertThat(e.subject()).startsWith("contact-person:");
            assertThat(e.field()).isEqualTo("added");
            assertThat(e.newValue()).contains("Белявский Олег Константинович, Директор");
        });
        var person = crm.contactPersons().ofClient(client.id()).get(0);
        crm.contactPersons().update(person.id(), p -> p.withPosition("Генеральный директор"));
        assertThat(crm.clients().history(client.id())).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("contact-person:" + person.id());
            assertThat(e.field()).isEqualTo("position");
            assertThat(e.oldValue()).contains("Директор");
            assertThat(e.newValue()).contains("Генеральный директор");
        });
    }

    @Test
    void eventsArePublishedAfterCommitAndNotForFailedWork() {
        Client client = crm.clients().register(NewClient.legalEntity("Заря"));
        crm.clients().archive(client.id());
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(ClientEvent.ClientRegistered.class);
        assertThat(events.get(1)).isInstanceOf(ClientEvent.ClientArchived.class);
        assertThat(events.get(2)).isInstanceOfSatisfying(ClientEvent.ClientChanged.class,
                e -> assertThat(e.fields()).containsExactly("archived"));
        assertThat(events).allSatisfy(e -> assertThat(e.tenant()).isEqualTo(TENANT));

        // a storage whose commit fails after the use case has done all its work, events included
        InMemoryStorage inner = new InMemoryStorage();
        org.crmkit.storage.Storage failingCommit = new org.crmkit.storage.Storage() {
            @Override
            public java.util.Set<Class<?>> storeTypes() {
                return inner.storeTypes();
            }

            @Override
            public <T> T inTransaction(TenantId tenant, java.util.function.Function<org.crmkit.storage.Stores, T> work) {
                return inner.inTransaction(tenant, stores -> {
                    work.apply(stores);
                    throw new IllegalStateException("commit failed");
                });
            }
        };
        List<DomainEvent> seen = new ArrayList<>();
        Crm failing = Crm.builder().storage(failingCommit).actor(ALEKSEEV).listener(seen::add).build();
        assertThatThrownBy(() -> failing.clients().register(NewClient.legalEntity("Квадро"))).hasMessage("commit failed");
        assertThat(seen).isEmpty();
        assertThat(inner.<Long>read(TENANT, s -> s.get(ClientStore.class).count(Criterion.all()))).isZero();
    }

    @Test
    void aListenerThatThrowsDoesNotUndoTheChange() {
        Crm failing = Crm.builder().storage(new InMemoryStorage()).actor(ALEKSEEV)
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                }).build();
        Client client = failing.clients().register(NewClient.legalEntity("Квадро"));
        assertThat(failing.clients().get(client.id())).isEqualTo(client);
    }

    @Test
    void theAccessPolicyRestrictsEveryReadAndChange() {
        Client mine = crm.clients().register(NewClient.legalEntity("Квадро Алексеева").inn("7707083893"));
        Client teams = crm.as(PANINA).clients().register(NewClient.legalEntity("Квадро Паниной"));
        Client service = crm.as(PETRISHCHEV).clients().register(NewClient.legalEntity("Квадро Петрищева").contact(ContactType.EMAIL, "kvadro@service.ru"));

        assertThat(mine.manager()).contains(EmployeeId.of("alekseev"));
        assertThat(crm.clients().search("квадро")).containsExactlyInAnyOrder(ClientSummary.of(mine), ClientSummary.of(teams));
        assertThat(crm.clients().summaries(new ClientQuery(Criterion.all(), ClientQuery.Order.CODE, 0, 10)))
                .containsExactly(ClientSummary.of(mine), ClientSummary.of(teams));
        assertThat(crm.as(PETRISHCHEV).clients().summaries(new ClientQuery(Criterion.all(), ClientQuery.Order.CODE, 0, 10)))
                .containsExactly(ClientSummary.of(service));
        assertThat(crm.clients().search("kvadro@service.ru")).isEmpty();
        assertThat(crm.as(PETRISHCHEV).clients().search("kvadro@service.ru")).containsExactly(ClientSummary.of(service));
        assertThat(crm.as(PETRISHCHEV).clients().search("7707083893")).isEmpty();
        assertThat(crm.clients().count(Criterion.all())).isEqualTo(2);
        assertThat(crm.clients().find(service.id())).isEmpty();
        assertThatThrownBy(() -> crm.clients().get(service.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.clients().history(service.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.contactPersons().ofClient(service.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.clients().update(service.id(), c -> c.changeNotes("x"))).isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Чужой").manager(EmployeeId.of("petrishchev"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.clients().update(mine.id(), c -> c.assignManager(EmployeeId.of("petrishchev"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(crm.as(Actor.system(TENANT, "system:report")).clients().count(Criterion.all())).isEqualTo(3);
    }

    @Test
    void quickSearchFindsByNameCodePhoneEmailAndInn() {
        Client elka = crm.clients().register(NewClient.legalEntity("Ёлка-Маркет").inn("7736050003")
                .contact(ContactType.MOBILE, "8 (916) 123-45-67").contact(ContactType.EMAIL, "Info@Elka.RU"));
        crm.clients().register(NewClient.legalEntity("Альфа"));

        for (String query : List.of("ёлка", "ЕЛКА", "маркет", elka.code().value(), "7736050003", "+7 916 1234567",
                "89161234567", "8 (916) 123-45-67", "info@elka.ru", "INFO@ELKA.RU")) {
            assertThat(crm.clients().search(query)).as(query).containsExactly(ClientSummary.of(elka));
        }
        assertThat(crm.clients().search("бета")).isEmpty();
        crm.clients().archive(elka.id());
        assertThat(crm.clients().search("ёлка")).isEmpty();
        // a search box never refuses a text: blank, too long or with control characters, it finds nothing
        assertThat(crm.clients().search("  ")).isEmpty();
        assertThat(crm.clients().search(null)).isEmpty();
        assertThat(crm.clients().search("ёлка\u0007")).isEmpty();
    }

    @Test
    void quickSearchListsNamesWithAWordStartingWithTheTextBeforeNamesThatOnlyContainIt() {
        Client inner = crm.clients().register(NewClient.legalEntity("Суперма-Пром"));
        Client second = crm.clients().register(NewClient.legalEntity("ООО «Пермь-63»"));
        Client first = crm.clients().register(NewClient.legalEntity("Пермские окна"));
        Client person = crm.clients().register(NewClient.legalEntity("АО «ПЕРМЬСТРОЙ»"));
        crm.clients().register(NewClient.legalEntity("Гермес"));

        // by the matching word (пермские, пермь, пермьстрой), then the names that only contain the text
        assertThat(crm.clients().search("перм")).containsExactly(ClientSummary.of(first), ClientSummary.of(second), ClientSummary.of(person),
                ClientSummary.of(inner));
        assertThat(crm.clients().search("пермь-6")).containsExactly(ClientSummary.of(second));
        // punctuation around one word is ignored
        assertThat(crm.clients().search("«пермь-")).containsExactly(ClientSummary.of(second), ClientSummary.of(person));
        assertThat(crm.clients().search("пермские ок")).containsExactly(ClientSummary.of(first));
        assertThat(crm.clients().search("63")).containsExactly(ClientSummary.of(second));
    }

    @Test
    void quickSearchForSeveralWordsListsNamesByTierWhateverPunctuationStandsBetweenTheWords() {
        Client ip = crm.clients().register(NewClient.soleProprietor("ИП Иванов И. И.").inn("500100732259"));
        Client partners = crm.clients().register(NewClient.legalEntity("Иванов и партнёры"));
        Client inside = crm.clients().register(NewClient.legalEntity("Сидоров-Иванов и сын"));
        Client middle = crm.clients().register(NewClient.legalEntity("Петров и Ко"));
        Client ivanova = crm.clients().register(NewClient.legalEntity("Иванова И. И."));
        Client fullOnly = crm.clients().register(NewClient.legalEntity("Альфа").fullName("ООО «Иванов и К»"));

        // the names that start with «иванов и» (the legal form aside), by name; then the one where it starts a later word;
        // then «Альфа», whose full name contains it; «Иванова И. И.» has neither
        assertThat(crm.clients().search("Иванов и")).containsExactly(ClientSummary.of(ip), ClientSummary.of(partners),
                ClientSummary.of(inside), ClientSummary.of(fullOnly));
        // a legal form narrows: names of that form or of none
        assertThat(crm.clients().search("ип иванов")).containsExactly(ClientSummary.of(ip), ClientSummary.of(partners),
                ClientSummary.of(ivanova), ClientSummary.of(inside));
        // no name has a word starting with «ов»: the names that contain the text, in short or full name, by name
        assertThat(crm.clients().search("ов и к")).containsExactly(ClientSummary.of(fullOnly), ClientSummary.of(middle));
        // one word: names with a word starting with it; «ванов» starts none, so all are names that contain it, by name
        assertThat(crm.clients().search("иванова")).containsExactly(ClientSummary.of(ivanova));
        assertThat(crm.clients().search("сын")).containsExactly(ClientSummary.of(inside));
        assertThat(crm.clients().search("петров")).containsExactly(ClientSummary.of(middle));
        assertThat(crm.clients().search("ванов")).containsExactly(ClientSummary.of(fullOnly), ClientSummary.of(ip),
                ClientSummary.of(partners), ClientSummary.of(ivanova), ClientSummary.of(inside));
        // both start with the text: by name
        Client starting = crm.clients().register(NewClient.legalEntity("Сидоров-Иванов и внуки"));
        assertThat(crm.clients().search("сидоров-иванов и")).containsExactly(ClientSummary.of(starting), ClientSummary.of(inside));
        // no word starts with «пик»: both names contain the text, one in its full name, by name
        Client materials = crm.clients().register(NewClient.legalEntity("Спик стройматериалы"));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета").fullName("ООО «Спик стройматериалы»"));
        assertThat(crm.clients().search("пик стройматериалы")).containsExactly(ClientSummary.of(beta), ClientSummary.of(materials));
    }

    @Test
    void quickSearchForSeveralShortWordsListsNamesByTierWithTheLegalFormAside() {
        Client amber = crm.clients().register(NewClient.legalEntity("ООО «Янтарь»"));
        Client withForm = crm.clients().register(NewClient.legalEntity("Торговый дом ООО «Ясень»"));
        Client withoutForm = crm.clients().register(NewClient.legalEntity("Торговый дом «Ясень»"));

        // the name that starts with «я» (its legal form aside), then those where a later word does
        assertThat(crm.clients().search("ООО «я")).containsExactly(ClientSummary.of(amber), ClientSummary.of(withoutForm),
                ClientSummary.of(withForm));
        assertThat(crm.clients().search("дом «я")).containsExactly(ClientSummary.of(withoutForm), ClientSummary.of(withForm));
        // then the names that only contain the text typed, here in a full name
        Client peak = crm.clients().register(NewClient.legalEntity("ООО «Пик-Строй»"));
        crm.clients().register(NewClient.legalEntity("Пикник-Строй"));
        Client gamma = crm.clients().register(NewClient.legalEntity("Гамма").fullName("ООО «Пик-Сервис»"));
        assertThat(crm.clients().search("Пик-С")).containsExactly(ClientSummary.of(peak), ClientSummary.of(gamma));
    }

    @Test
    void anImportedCodeMustBeUniqueAndNumberingSkipsTakenCodes() {
        crm.clients().register(NewClient.legalEntity("Импорт").code("000000002"));
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Дубль").code("000000002")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThat(crm.clients().register(NewClient.legalEntity("Первый")).code().value()).isEqualTo("000000001");
        assertThat(crm.clients().register(NewClient.legalEntity("Второй")).code().value()).isEqualTo("000000003");
    }

    @Test
    void groupsFormATreeWithoutCycles() {
        var buyers = crm.groups().create("Покупатели и заказчики", null);
        var wholesale = crm.groups().create("Оптовые", buyers.id());
        var big = crm.groups().create("Крупные", wholesale.id());
        assertThat(crm.groups().subtree(buyers.id())).containsExactlyInAnyOrder(buyers.id(), wholesale.id(), big.id());
        assertThatThrownBy(() -> crm.groups().move(buyers.id(), big.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("group.parent"));
        assertThat(crm.groups().move(big.id(), buyers.id()).parent()).contains(buyers.id());
    }

    @Test
    void relationshipTypesHaveDefaultsAndCanBeExtendedRenamedAndRetired() {
        assertThat(crm.relationshipTypes().all()).extracting(t -> t.id().value())
                .containsExactly("vip", "regular", "one-off-buyer", "prospect", "partner", "competitor");
        crm.relationshipTypes().add("dealer", "Дилер");
        crm.relationshipTypes().rename(RelationshipType.VIP, "Важный клиент(VIP)");
        Client client = crm.clients().register(NewClient.legalEntity("Дом мод").relationship(RelationshipType.ONE_OFF_BUYER));
        crm.relationshipTypes().retire(RelationshipType.ONE_OFF_BUYER);

        assertThat(crm.relationshipTypes().all()).extracting(RelationshipType::name).contains("Важный клиент(VIP)", "Дилер");
        assertThat(crm.clients().update(client.id(), c -> c.changeNotes("ещё покупает")).relationship()).contains(RelationshipType.ONE_OFF_BUYER);
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Новый").relationship(RelationshipType.ONE_OFF_BUYER)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("relationship"));
        assertThatThrownBy(() -> crm.relationshipTypes().add("vip", "ещё VIP")).isInstanceOf(ValidationException.class);
    }

    @Test
    void tenantsAreSeparatedAtTheFacade() {
        Client veterok = crm.clients().register(NewClient.legalEntity("Питерсофт"));
        Crm other = crm.as(Actor.employee(TenantId.of("other"), EmployeeId.of("alekseev")));
        assertThat(other.clients().search("питерсофт")).isEmpty();
        assertThat(other.clients().find(veterok.id())).isEmpty();
        assertThat(other.clients().register(NewClient.legalEntity("Питерсофт")).code().value()).isEqualTo("000000001");
    }

    @Test
    void aBatchRegistersClientsWithTheirPersonsAllOrNothing() {
        List<NewClient> batch = List.of(
                NewClient.legalEntity("Прайм-М").contactPerson(PersonName.of("Светикова", "Светлана", "Андреевна"), p -> p.withPosition("Бухгалтер")),
                NewClient.legalEntity("Пайт").code("000000002"),
                NewClient.legalEntity("Квадро").contactPerson(PersonName.of("Киров", "Юрий", "Васильевич"), p -> p)
                        .contactPerson(PersonName.of("Федоров", "Андрей", null), p -> p));
        List<Client> stored = crm.clients().registerAll(batch);
        assertThat(stored).extracting(c -> c.code().value()).containsExactly("000000001", "000000002", "000000003");
        assertThat(crm.contactPersons().ofClient(stored.get(2).id())).extracting(p -> p.name().surname()).containsExactly("Киров", "Федоров");
        assertThat(events).hasSize(3);

        List<NewClient> broken = List.of(NewClient.legalEntity("Заря"), NewClient.legalEntity("Дом мод").inn("123"));
        assertThatThrownBy(() -> crm.clients().registerAll(broken))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("clients[1].inn");
                    assertThat(e.rejectedValue()).isEqualTo("123");
                });
        assertThat(crm.clients().count(Criterion.all())).isEqualTo(3);
        assertThat(crm.clients().register(NewClient.legalEntity("Заря")).code().value()).isEqualTo("000000004");
    }
}
