package org.crmkit.jpa.crash;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.Crm;
import org.crmkit.client.NewClient;
import org.crmkit.client.Client;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.PersonName;
import org.crmkit.common.Money;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.memory.InMemoryStorage;

/**
 * What the crashing child writes: clients named by a key ({@code Сбой 12-345}), each with contacts,
 * five properties and two contact persons, all derived from the key, so that any client found after
 * a crash can be checked against what was meant to be written. The expected content comes from the
 * same drafts registered in memory.
 */
final class CrashWorkload {
    static final String NAME_PREFIX = "Сбой ";

    private CrashWorkload() {
    }

    /** The property definitions the drafts use; defined once per database. */
    static void defineProperties(Crm crm) {
        define(crm, PropertyDefinition.define("crash-note", "Заметка", new PropertyType.TextType(400)));
        define(crm, PropertyDefinition.define("crash-staff", "Сотрудников", PropertyType.NumberType.integer()));
        define(crm, PropertyDefinition.define("crash-budget", "Бюджет", PropertyType.MoneyType.of("RUB")));
        define(crm, PropertyDefinition.define("crash-since", "Клиент с", PropertyType.DateType.any()));
        define(crm, PropertyDefinition.define("crash-vip", "VIP", new PropertyType.BooleanType()));
    }

    private static void define(Crm crm, PropertyDefinition definition) {
        if (crm.properties().get(definition.key().value()).isEmpty()) {
            crm.properties().define(definition);
        }
    }

    /** The key of unit {@code unit}'s {@code index}-th client in child run {@code run}. */
    static String key(int run, int unit, int index) {
        return run + "-" + unit + "-" + index;
    }

    static String keyOf(Client client) {
        if (!client.shortName().startsWith(NAME_PREFIX)) {
            throw new IllegalStateException("a client the kill loop did not write: " + client.shortName());
        }
        return client.shortName().substring(NAME_PREFIX.length());
    }

    /** The draft of the client with this key; the same key always gives the same draft. */
    static NewClient draft(String key) {
        int n = Math.abs(key.hashCode());
        String digits = String.format("%07d", n % 10_000_000);
        return NewClient.legalEntity(NAME_PREFIX + key)
                .fullName("Общество с ограниченной ответственностью «Сбой " + key + "»")
                .location("Московская область", "Химки", "Производство")
                .notes("Запись " + key + ": " + "проверка целостности после kill -9. ".repeat(1 + n % 4))
                .contact(ContactType.PHONE, "+7 916 " + digits, "рабочий", true)
                .contact(ContactType.PHONE, "8 (495) " + digits, "офис", false)
                .contact(ContactType.EMAIL, "office." + key + "@sboy.example", null, true)
                .property("crash-note", PropertyValue.text("примечание " + key + " " + "x".repeat(n % 200)))
                .property("crash-staff", PropertyValue.number(n % 5000))
                .property("crash-budget", PropertyValue.money(Money.of((n % 100_000) + ".50", "RUB")))
                .property("crash-since", PropertyValue.date(LocalDate.of(2000, 1, 1).plusDays(n % 9000)))
                .property("crash-vip", PropertyValue.bool(n % 2 == 0))
                .contactPerson(PersonName.of("Иванов", "Иван", "Иванович"),
                        p -> p.withPosition("директор " + key))
                .contactPerson(PersonName.of("Петрова", "Анна", null),
                        p -> p.withPosition("бухгалтер " + key));
    }

    /**
     * Everything the client and its persons hold, without what the store assigns (id, code,
     * version, registration date): two clients written from the same draft have the same content.
     */
    static String content(Client client, List<ContactPerson> persons) {
        List<String> people = new ArrayList<>();
        for (ContactPerson p : persons) {
            people.add(p.name() + "|" + p.position() + "|" + p.contacts() + "|" + p.notes());
        }
        people.sort(Comparator.naturalOrder());
        return client.kind() + "|" + client.shortName() + "|" + client.fullName() + "|" + client.location()
                + "|" + client.taxIds() + "|" + client.contacts() + "|" + client.properties() + "|" + client.notes()
                + "|" + client.archived() + "|" + people;
    }

    /** Computes the expected content of a key by registering its draft in memory. */
    static final class Expected implements AutoCloseable {
        private final Crm memory = Crm.builder().storage(new InMemoryStorage()).build();

        Expected() {
            defineProperties(memory);
        }

        private final Map<String, String> byKey = new HashMap<>();

        String of(String key) {
            return byKey.computeIfAbsent(key, k -> {
                Client client = memory.clients().register(draft(k));
                return content(client, memory.contactPersons().ofClient(client.id()));
            });
        }

        @Override
        public void close() {
            memory.close();
        }
    }
}
