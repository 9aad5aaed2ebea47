package org.crmkit.storage.contract;

import org.crmkit.client.Clients;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactType;
import org.crmkit.client.Location;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.TaxIdentifiers;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.property.AppliesTo;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;

/** Clients and property definitions for the kit: every field used, every value type, Cyrillic everywhere. */
public final class ClientSamples {
    public static final ChoiceId KITCHEN = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-0000000000c1"));
    public static final ChoiceId OFFICE = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-0000000000c2"));
    public static final ChoiceId PARTS = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-0000000000c3"));

    private ClientSamples() {
    }

    /** One definition of every property type. */
    public static List<PropertyDefinition> definitions() {
        ValueList furniture = ValueList.empty().add(KITCHEN, "Кухонная мебель").add(OFFICE, "Офисная мебель").add(PARTS, "Комплектующие");
        return List.of(
                PropertyDefinition.define("activity", "Сфера деятельности", new PropertyType.TextType(200)),
                PropertyDefinition.define("employees-count", "Количество сотрудников", PropertyType.NumberType.integer().between(0, 1_000_000)),
                PropertyDefinition.define("credit-limit", "Кредитный лимит", PropertyType.MoneyType.of("RUB")),
                PropertyDefinition.define("seminar-date", "Посетил наш семинар", PropertyType.DateType.any()),
                PropertyDefinition.define("competitor", "Является нашим конкурентом", new PropertyType.BooleanType()),
                PropertyDefinition.define("furniture", "Интересуется мебелью", new PropertyType.ChoiceType(furniture)),
                PropertyDefinition.define("parts", "Интересуется зап.частями", new PropertyType.MultiChoiceType(furniture)),
                PropertyDefinition.define("account-manager", "Куратор", new PropertyType.EmployeeRefType()),
                PropertyDefinition.define("parent-company", "Головная компания", new PropertyType.ClientRefType())
                        .applyTo(AppliesTo.kinds(ClientKind.LEGAL_ENTITY)));
    }

    public static PropertyDefinition definition(String key) {
        return definitions().stream().filter(d -> d.key().value().equals(key)).findFirst().orElseThrow();
    }

    /** Питерсофт as in the brochure, with every kind of field filled in. */
    public static Client pitersoft(ClientId id, ClientGroupId group) {
        return Client.register(id, ClientCode.of("000000001"), ClientKind.LEGAL_ENTITY, "Питерсофт", LocalDate.of(2011, 9, 1))
                .withFullName("ООО \"Питерсофт\"")
                .moveToGroup(group)
                .classifyAs(RelationshipType.VIP)
                .assignManager(EmployeeId.of("alekseev"))
                .relocate(Location.of("Москва", "Москва", "Программное обеспечение"))
                .changeTaxIds(TaxIdentifiers.parse("7707083893", "771001001", "1037739010891", null))
                .addContact(ContactEntry.parse(ContactType.PHONE, "+7 903 523 66 45", "RU"))
                .addContact(ContactEntry.parse(ContactType.FAX, "+7 (495) 3212223", "RU").labelled("приёмная"))
                .addContact(ContactEntry.parse(ContactType.LEGAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612", "RU"))
                .addContact(ContactEntry.parse(ContactType.ACTUAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612", "RU"))
                .addContact(ContactEntry.parse(ContactType.EMAIL, "info@pitersoft.ru", "RU"))
                .setProperty(definition("activity"), PropertyValue.text("Продажа мебели в розницу"))
                .setProperty(definition("employees-count"), PropertyValue.number(5))
                .setProperty(definition("credit-limit"), PropertyValue.money(Money.of("1234.50", "RUB")))
                .setProperty(definition("seminar-date"), PropertyValue.date(LocalDate.of(2011, 9, 12)))
                .setProperty(definition("competitor"), PropertyValue.bool(false))
                .setProperty(definition("furniture"), PropertyValue.choice(KITCHEN))
                .setProperty(definition("parts"), PropertyValue.choices(Set.of(KITCHEN, PARTS)))
                .setProperty(definition("account-manager"), PropertyValue.employee(EmployeeId.of("panina")))
                .changeNotes("Первая строка\nвторая строка");
    }

    /**
     * A varied population for comparing a store's query answers with {@code criterion.test}: kinds,
     * groups, managers, relationship types, names with ё, phones, e-mails, INNs, property values,
     * archived clients.
     */
    public static List<Client> population(List<ClientId> ids, List<ClientGroupId> groups) {
        String[] names = {"Ёлка", "Елочка", "Альфа", "Бета-Строй", "Мир кондиционеров", "Баев и Ко", "Белявский",
            "Иваночкин", "Налоговая инспекция", "Пайт", "База комплектующих", "ЁЖИК", "Прайм-М", "Заря", "Квадро"};
        String[] inns10 = {"7707083893", "7736050003"};
        String[] inns12 = {"500100732259", "773173084809"};
        String[] managers = {"alekseev", "panina", "petrishchev"};
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ClientKind kind = ClientKind.values()[i % 3];
            Client c = Client.register(ids.get(i), ClientCode.numbered(100 + i), kind, names[i % names.length] + " " + (i / names.length),
                    LocalDate.of(2010, 1, 1).plusDays(i * 17L));
            if (i % 4 != 3) {
                c = c.moveToGroup(groups.get(i % groups.size()));
            }
            if (i % 5 != 4) {
                c = c.assignManager(EmployeeId.of(managers[i % managers.length]));
            }
            c = c.classifyAs(RelationshipType.DEFAULTS.get(i % RelationshipType.DEFAULTS.size()).id());
            if (i % 3 == 0 && i % 2 == 0) {
                c = c.changeTaxIds(TaxIdentifiers.parse(inns10[(i / 6) % 2], null, null, null));
            } else if (i % 3 != 0 && i % 2 == 1) {
                c = c.changeTaxIds(TaxIdentifiers.parse(inns12[(i / 6) % 2], null, null, null));
            }
            c = c.addContact(ContactEntry.parse(ContactType.MOBILE, String.format("+7 916 %03d-%02d-%02d", 100 + i % 7, i % 100, 11), "RU"));
            if (i % 2 == 0) {
                c = c.addContact(ContactEntry.parse(ContactType.EMAIL, "Client" + (i % 6) + "@Example.RU", "RU"));
            }
            if (i % 3 == 1) {
                c = c.withFullName("ООО «" + names[(i + 3) % names.length] + "»");
            }
            if (i % 2 == 1) {
                c = c.setProperty(definition("employees-count"), PropertyValue.number(i % 4));
            }
            if (i % 3 == 2) {
                c = c.setProperty(definition("furniture"), PropertyValue.choice(i % 2 == 0 ? KITCHEN : OFFICE));
            }
            if (i % 4 == 1) {
                c = c.setProperty(definition("parts"), PropertyValue.choices(i % 8 == 1 ? Set.of(KITCHEN) : Set.of(OFFICE, PARTS)));
            }
            if (i % 5 == 2) {
                c = c.setProperty(definition("competitor"), PropertyValue.bool(i % 2 == 0));
                c = c.setProperty(definition("activity"), PropertyValue.text(i % 10 == 2 ? "Сборка мебели" : "Продажа мебели"));
            }
            if (i % 7 == 3) {
                c = c.setProperty(definition("seminar-date"), PropertyValue.date(LocalDate.of(2011, 9, 12)));
                c = c.setProperty(definition("credit-limit"), PropertyValue.money(new Money(new BigDecimal("100.10"), Money.currency("RUB"))));
            }
            if (i % 9 == 5) {
                c = c.archive();
            }
            if (i % 11 == 4) {
                c = c.addContact(ContactEntry.parse(ContactType.EMAIL, i % 2 == 0 ? "info@example.ru" : "οδος@example.gr", "RU"));
                c = c.setProperty(definition("account-manager"), PropertyValue.employee(EmployeeId.of(i % 2 == 0 ? "panina" : "abdulov")));
            }
            if (i % 6 == 3 && c.kind() == ClientKind.LEGAL_ENTITY) {
                c = c.setProperty(definition("parent-company"), PropertyValue.client(ids.get(0)));
            }
            clients.add(c);
        }
        return clients;
    }
}
