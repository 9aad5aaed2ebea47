package org.crmkit.examples.demo;

import java.time.LocalDate;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.client.RelationshipType;
import org.crmkit.common.EmployeeId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;

/**
 * The clients of the product brochure, as its screenshots show them: Питерсофт (VIP, every contact
 * channel), Прайм-М (code 000000012, contact person Светикова) and Алхимов А.А. (sole proprietor
 * with the eight additional properties). The demo shows them and the tests read them back.
 */
public final class BrochureClients {
    private BrochureClients() {
    }

    /** What {@link #create} made. */
    public record Created(ClientGroup buyers, Client pitersoft, Client prime, Client alkhimov) {
    }

    /** Creates the groups, the eight additional properties and the three clients; answers what it made. */
    public static Created create(Crm crm) {
        ClientGroup buyers = crm.groups().create("Покупатели и заказчики", null);
        crm.groups().create("Поставщики и подрядчики", null);
        defineProperties(crm);

        Client pitersoft = crm.clients().register(NewClient.legalEntity("Питерсофт")
                .fullName("ООО \"Питерсофт\"")
                .group(buyers.id())
                .relationship(RelationshipType.VIP)
                .registeredOn(LocalDate.of(2010, 2, 15))
                .inn("7707083893").kpp("770701001")
                .contact(ContactType.PHONE, "+7 903 523 66 45")
                .contact(ContactType.FAX, "+7 (495) 3212223")
                .contact(ContactType.LEGAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612")
                .contact(ContactType.ACTUAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612")
                .contact(ContactType.EMAIL, "info@pitersoft.ru"));

        Client prime = crm.clients().register(NewClient.legalEntity("Прайм-М")
                .code("000000012")
                .fullName("ЗАО \"Прайм-М - агентство\"")
                .group(buyers.id())
                .relationship(RelationshipType.REGULAR)
                .registeredOn(LocalDate.of(2008, 1, 1))
                .inn("7736050003")
                .contactPerson(PersonName.of("Светикова", "Светлана", "Андреевна"), p -> p
                        .assignResponsible(EmployeeId.of("abdulov"))
                        .relationSince(LocalDate.of(2008, 1, 1))));

        Client alkhimov = crm.clients().register(NewClient.soleProprietor("Алхимов А.А.")
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
        return new Created(buyers, pitersoft, prime, alkhimov);
    }

    /** The brochure's additional properties of a client card (the "Свойства" tab). */
    public static void defineProperties(Crm crm) {
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
}
