package org.crmkit.examples.demo;

import org.crmkit.criteria.Criterion;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.PersonName;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;

/**
 * Creates the brochure's clients in an embedded H2 database (first run), then prints their cards,
 * a few quick searches and a change journal. Run it twice: the second run finds the data again.
 *
 * <p>Argument: the database file (default {@code data/crm-demo}).
 */
public final class Demo {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final EmployeeDirectory STAFF = EmployeeDirectory.of(List.of(
            Employee.of("abdulov", "Абдулов Юрий Владимирович", "sales"),
            Employee.of("alekseev", "Алексеев И.Н.", "sales"),
            Employee.of("panina", "Панина Л.Г.", "service")));

    private Demo() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "data/crm-demo");
        run(file, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /** The whole demo against the database file, printing to {@code out}. */
    public static void run(Path file, PrintStream out) {
        try (Crm crm = Crm.builder()
                .storage(JpaStorage.h2(file))
                .employees(STAFF)
                .actor(Actor.employee(TENANT, EmployeeId.of("abdulov")))
                .build()) {
            List<ClientSummary> found = crm.clients().search("Питерсофт");
            if (found.isEmpty()) {
                out.println("New database at " + file.toAbsolutePath() + ": registering the brochure's clients.");
                createBrochureClients(crm);
            } else {
                out.println("Database at " + file.toAbsolutePath() + " already holds the brochure's clients (from an earlier run).");
                ClientSummary pitersoft = found.get(0);
                Client touched = crm.clients().update(pitersoft.id(), c -> c.changeNotes("Демо запущено снова: " + LocalDate.now()));
                out.println("Updated the notes of " + touched.shortName() + " to version " + touched.version() + ".");
            }
            out.println();
            for (Client client : crm.clients().find(ClientQuery.where(Criterion.all()))) {
                printCard(crm, client, out);
            }
            printSearches(crm, out);
            ClientSummary pitersoft = crm.clients().search("Питерсофт").get(0);
            out.println("Change journal of " + pitersoft.shortName() + ":");
            for (AuditEntry entry : crm.clients().history(pitersoft.id())) {
                out.printf("  %s  %-10s %-22s %s → %s%n", entry.at(), entry.actor(), entry.field(),
                        entry.oldValue().orElse("—"), entry.newValue().orElse("—"));
            }
        }
    }

    private static void createBrochureClients(Crm crm) {
        ClientGroup buyers = crm.groups().create("Покупатели и заказчики", null);
        crm.groups().create("Поставщики и подрядчики", null);
        defineProperties(crm);

        crm.clients().register(NewClient.legalEntity("Питерсофт")
                .fullName("ООО \"Питерсофт\"")
                .group(buyers.id())
                .relationship(RelationshipType.VIP)
                .inn("7707083893").kpp("770701001")
                .contact(ContactType.PHONE, "+7 903 523 66 45")
                .contact(ContactType.FAX, "+7 (495) 3212223")
                .contact(ContactType.LEGAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612")
                .contact(ContactType.ACTUAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612")
                .contact(ContactType.EMAIL, "info@pitersoft.ru"));

        crm.clients().register(NewClient.legalEntity("Прайм-М")
                .code("000000012")
                .fullName("ЗАО \"Прайм-М - агентство\"")
                .group(buyers.id())
                .relationship(RelationshipType.REGULAR)
                .inn("7736050003")
                .contactPerson(PersonName.of("Светикова", "Светлана", "Андреевна"), p -> p
                        .assignResponsible(EmployeeId.of("abdulov"))
                        .relationSince(LocalDate.of(2008, 1, 1))));

        crm.clients().register(NewClient.soleProprietor("Алхимов А.А.")
                .group(buyers.id())
                .relationship(RelationshipType.PARTNER)
                .manager(EmployeeId.of("alekseev"))
                .registeredOn(LocalDate.of(2011, 9, 1))
                .inn("500100732259").ogrn("304500116000157")
                .contact(ContactType.EMAIL, "ad@erw.ru")
                .choice("competitor", "Партнер")
                .property("activity", PropertyValue.text("Сборка мебели из комплектующих"))
                .property("working-hours", PropertyValue.text("с 9-00 до 18-00, кроме Сб и Вс"))
                .property("district", PropertyValue.text("Царицыно"))
                .choice("furniture", "Кухонная мебель")
                .choice("spare-parts", "Комплектующие к кухонной мебели")
                .property("employees", PropertyValue.number(5))
                .property("seminar", PropertyValue.text("Выставка образцов в кинотеатре \"Ладомир\" 12.09.2011"))
                .contactPerson(PersonName.of("Алхимов", "Андрей", "Андреевич"), p -> p
                        .addContact(ContactEntry.parse(ContactType.MOBILE, "8 (916) 123-45-67", crm.phoneRegion()))));
    }

    private static void defineProperties(Crm crm) {
        var schema = crm.properties();
        schema.define(PropertyDefinition.define("competitor", "Является нашим конкурентом", new PropertyType.ChoiceType(ValueList.empty())));
        schema.addChoice("competitor", "Клиент");
        schema.addChoice("competitor", "Партнер");
        schema.define(PropertyDefinition.define("activity", "Сфера деятельности", new PropertyType.TextType(200)));
        schema.define(PropertyDefinition.define("working-hours", "Время работы", new PropertyType.TextType(100)));
        schema.define(PropertyDefinition.define("district", "Район расположения", new PropertyType.TextType(100)));
        schema.define(PropertyDefinition.define("furniture", "Интересуется мебелью", new PropertyType.MultiChoiceType(ValueList.empty())));
        schema.addChoice("furniture", "Кухонная мебель");
        schema.addChoice("furniture", "Офисная мебель");
        schema.define(PropertyDefinition.define("spare-parts", "Интересуется зап.частями к мебели", new PropertyType.ChoiceType(ValueList.empty())));
        schema.addChoice("spare-parts", "Комплектующие к кухонной мебели");
        schema.define(PropertyDefinition.define("employees", "Количество сотрудников", PropertyType.NumberType.integer().between(0, 100_000)));
        schema.define(PropertyDefinition.define("seminar", "Посетил наш семинар", new PropertyType.TextType(300)));
    }

    private static void printCard(Crm crm, Client client, PrintStream out) {
        Map<RelationshipTypeId, String> relationships = crm.relationshipTypes().all().stream()
                .collect(Collectors.toMap(RelationshipType::id, RelationshipType::name));
        Map<String, PropertyDefinition> schema = crm.properties().all().stream()
                .collect(Collectors.toMap(d -> d.key().value(), d -> d));
        out.println("┌ " + client.shortName() + " (" + client.code() + ")" + client.fullName().map(n -> " — " + n).orElse(""));
        out.println("│ Вид: " + client.kind() + "   Тип отношений: " + client.relationship().map(relationships::get).orElse("—")
                + "   Основной менеджер: " + client.manager().flatMap(m -> crm.employees().find(m)).map(Employee::name).orElse("—"));
        out.println("│ ИНН: " + client.taxIds().inn().map(i -> i.value()).orElse("—")
                + client.taxIds().kpp().map(k -> "   КПП: " + k.value()).orElse("")
                + client.taxIds().ogrn().map(o -> "   ОГРН: " + o.value()).orElse("")
                + "   Дата регистрации: " + client.registeredOn());
        for (ContactEntry contact : client.contacts()) {
            out.println("│ " + contact.type() + (contact.primary() ? "*" : " ") + " " + contact.display());
        }
        client.properties().forEach((key, value) -> {
            PropertyDefinition definition = schema.get(key.value());
            out.println("│ " + definition.label() + ": " + definition.display(value));
        });
        for (ContactPerson person : crm.contactPersons().ofClient(client.id())) {
            out.println("│ Контактное лицо: " + person.name().full()
                    + person.relationStart().map(d -> ", связь с " + d).orElse("")
                    + person.contacts().stream().map(c -> ", " + c.display()).collect(Collectors.joining()));
        }
        out.println("└ version " + client.version());
        out.println();
    }

    private static void printSearches(Crm crm, PrintStream out) {
        for (String query : List.of("питер", "ПРАЙМ", "8 903 523-66-45", "+7 (903) 5236645", "7707083893", "000000012", "AD@ERW.RU")) {
            out.println("Быстрый поиск \"" + query + "\": " + crm.clients().search(query).stream()
                    .map(c -> c.shortName() + " (" + c.code() + c.phone().map(phone -> ", " + phone.international()).orElse("") + ")")
                    .collect(Collectors.joining(", ")));
        }
        out.println();
    }
}
