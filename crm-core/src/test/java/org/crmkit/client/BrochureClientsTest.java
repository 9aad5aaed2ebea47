package org.crmkit.client;

import org.crmkit.property.PropertySchema;
import org.crmkit.Crm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** The clients of the brochure, built through the public API and read back. */
class BrochureClientsTest {
    private final Crm crm = Crm.builder()
            .storage(new InMemoryStorage())
            .clock(Clock.fixed(Instant.parse("2011-09-16T08:30:00Z"), ZoneId.of("Europe/Moscow")))
            .ids(IdGenerator.sequential())
            .actor(Actor.employee(TenantId.of("veterok"), EmployeeId.of("abdulov")))
            .build();

    @Test
    void pitersoftKeepsAllItsContactChannelsAndVipStatus() {
        ClientGroup buyers = crm.groups().create("Покупатели и заказчики", null);
        Client pitersoft = crm.clients().register(NewClient.legalEntity("Питерсофт")
                .fullName("ООО \"Питерсофт\"")
                .group(buyers.id())
                .relationship(RelationshipType.VIP)
                .inn("7707083893")
                .contact(ContactType.PHONE, "+7 903 523 66 45")
                .contact(ContactType.FAX, "+7 (495) 3212223")
                .contact(ContactType.LEGAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612")
                .contact(ContactType.ACTUAL_ADDRESS, "Москва г, Чаянова, дом № 15, корпус 5, оф. 612")
                .contact(ContactType.EMAIL, "info@pitersoft.ru"));

        Client read = crm.clients().get(pitersoft.id());
        assertThat(read.code().value()).isEqualTo("000000001");
        assertThat(read.fullName()).contains("ООО \"Питерсофт\"");
        assertThat(read.relationship()).contains(RelationshipType.VIP);
        assertThat(read.group()).contains(buyers.id());
        assertThat(read.manager()).contains(EmployeeId.of("abdulov"));
        assertThat(read.registeredOn()).isEqualTo(LocalDate.of(2011, 9, 16));
        assertThat(read.primaryContact(ContactType.PHONE).orElseThrow().value()).isEqualTo("+79035236645");
        assertThat(read.primaryContact(ContactType.FAX).orElseThrow().value()).isEqualTo("+74953212223");
        assertThat(read.primaryContact(ContactType.EMAIL).orElseThrow().value()).isEqualTo("info@pitersoft.ru");
        assertThat(read.primaryContact(ContactType.LEGAL_ADDRESS).orElseThrow().value())
                .isEqualTo("Москва г, Чаянова, дом № 15, корпус 5, оф. 612");
        assertThat(read.contacts()).hasSize(5);
        assertThat(crm.clients().search("903 523-66-45")).containsExactly(ClientSummary.of(read));
        assertThat(crm.clients().search("ПИТЕР")).containsExactly(ClientSummary.of(read));
    }

    @Test
    void primeMHasItsContactPersonSvetikova() {
        Client prime = crm.clients().register(NewClient.legalEntity("Прайм-М").code("000000012")
                .fullName("ЗАО \"Прайм-М - агентство\""));
        ContactPerson svetikova = crm.contactPersons().add(prime.id(), PersonName.of("Светикова", "Светлана", "Андреевна"),
                p -> p.assignResponsible(EmployeeId.of("abdulov")).relationSince(LocalDate.of(2008, 1, 1)));

        List<ContactPerson> persons = crm.contactPersons().ofClient(prime.id());
        assertThat(persons).containsExactly(svetikova);
        assertThat(persons.get(0).name().full()).isEqualTo("Светикова Светлана Андреевна");
        assertThat(persons.get(0).name().withInitials()).isEqualTo("Светикова С.А.");
        assertThat(persons.get(0).relationStart()).contains(LocalDate.of(2008, 1, 1));
        assertThat(persons.get(0).relationEnd()).isEmpty();
        assertThat(crm.clients().get(prime.id()).code().value()).isEqualTo("000000012");
    }

    @Test
    void alkhimovCarriesTheEightAdditionalProperties() {
        PropertySchema schema = crm.properties();
        schema.define(PropertyDefinition.define("competitor", "Является нашим конкурентом",
                new PropertyType.ChoiceType(ValueList.empty())));
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

        Client alkhimov = crm.clients().register(NewClient.soleProprietor("Алхимов А.А.")
                .registeredOn(LocalDate.of(2011, 9, 1))
                .inn("500100732259")
                .choice("competitor", "Партнер")
                .property("activity", PropertyValue.text("Сборка мебели из комплектующих"))
                .property("working-hours", PropertyValue.text("с 9-00 до 18-00, кроме Сб и Вс"))
                .property("district", PropertyValue.text("Царицыно"))
                .choice("furniture", "Кухонная мебель")
                .choice("spare-parts", "Комплектующие к кухонной мебели")
                .property("employees", PropertyValue.number(5))
                .property("seminar", PropertyValue.text("Выставка образцов в кинотеатре \"Ладомир\" 12.09.2011")));

        Client read = crm.clients().get(alkhimov.id());
        assertThat(read.properties()).hasSize(8);
        assertThat(read.property(PropertyKey.of("employees"))).contains(PropertyValue.number(5));
        PropertyDefinition furniture = schema.get("furniture").orElseThrow();
        assertThat(furniture.display(read.property(PropertyKey.of("furniture")).orElseThrow())).isEqualTo("Кухонная мебель");
        PropertyDefinition competitor = schema.get("competitor").orElseThrow();
        assertThat(competitor.display(read.property(PropertyKey.of("competitor")).orElseThrow())).isEqualTo("Партнер");
        assertThat(read.property(PropertyKey.of("working-hours")).orElseThrow().display()).isEqualTo("с 9-00 до 18-00, кроме Сб и Вс");
        assertThat(read.taxIds().inn().orElseThrow().value()).isEqualTo("500100732259");

        crm.clients().setProperty(read.id(), "employees", PropertyValue.number(7));
        assertThat(crm.clients().history(read.id())).extracting(e -> e.field() + ": " + e.oldValue().orElse("") + " → " + e.newValue().orElse(""))
                .containsExactly("registered:  → 000000001 Алхимов А.А.", "properties.employees: 5 → 7");
        assertThat(Set.copyOf(crm.clients().search("алхимов"))).extracting(ClientSummary::id).containsExactly(read.id());
    }
}
