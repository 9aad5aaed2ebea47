package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.RelationshipType;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.junit.jupiter.api.Test;

/** The brochure's clients, as the demo creates them through the public API, read back field by field. */
class BrochureClientsTest {
    private final Crm crm = Crm.builder()
            .storage(new InMemoryStorage())
            .clock(Clock.fixed(Instant.parse("2011-09-16T08:30:00Z"), ZoneId.of("Europe/Moscow")))
            .ids(IdGenerator.sequential())
            .actor(Actor.employee(TenantId.of("veterok"), EmployeeId.of("abdulov")))
            .build();
    private final BrochureClients.Created brochure = BrochureClients.create(crm);

    @Test
    void pitersoftKeepsAllItsContactChannelsAndVipStatus() {
        Client read = crm.clients().get(brochure.pitersoft().id());
        assertThat(read.code().value()).isEqualTo("000000001");
        assertThat(read.fullName()).contains("ООО \"Питерсофт\"");
        assertThat(read.relationship()).contains(RelationshipType.VIP);
        assertThat(read.group()).contains(brochure.buyers().id());
        assertThat(read.manager()).contains(EmployeeId.of("abdulov"));
        assertThat(read.registeredOn()).isEqualTo(LocalDate.of(2010, 2, 15));
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
        List<ContactPerson> persons = crm.contactPersons().ofClient(brochure.prime().id());
        assertThat(persons).hasSize(1);
        assertThat(persons.get(0).name().full()).isEqualTo("Светикова Светлана Андреевна");
        assertThat(persons.get(0).name().withInitials()).isEqualTo("Светикова С.А.");
        assertThat(persons.get(0).responsible()).contains(EmployeeId.of("abdulov"));
        assertThat(persons.get(0).relationStart()).contains(LocalDate.of(2008, 1, 1));
        assertThat(persons.get(0).relationEnd()).isEmpty();
        assertThat(crm.clients().get(brochure.prime().id()).code().value()).isEqualTo("000000012");
    }

    @Test
    void alkhimovCarriesTheEightAdditionalProperties() {
        Client read = crm.clients().get(brochure.alkhimov().id());
        assertThat(read.properties()).hasSize(8);
        assertThat(read.property(PropertyKey.of("employees"))).contains(PropertyValue.number(5));
        PropertyDefinition furniture = crm.properties().get("furniture").orElseThrow();
        assertThat(furniture.display(read.property(PropertyKey.of("furniture")).orElseThrow())).isEqualTo("Кухонная мебель");
        PropertyDefinition competitor = crm.properties().get("competitor").orElseThrow();
        assertThat(competitor.display(read.property(PropertyKey.of("competitor")).orElseThrow())).isEqualTo("Партнер");
        assertThat(read.property(PropertyKey.of("working-hours")).orElseThrow().display()).isEqualTo("с 9-00 до 18-00, кроме Сб и Вс");
        assertThat(read.taxIds().inn().orElseThrow().value()).isEqualTo("500100732259");
        assertThat(read.manager()).contains(EmployeeId.of("alekseev"));
        assertThat(read.registeredOn()).isEqualTo(LocalDate.of(2011, 9, 1));

        crm.clients().setProperty(read.id(), "employees", PropertyValue.number(7));
        assertThat(crm.clients().history(read.id())).extracting(e -> e.field() + ": " + e.oldValue().orElse("") + " → " + e.newValue().orElse(""))
                .containsExactly("registered:  → " + read.code().value() + " Алхимов А.А.", "added:  → Алхимов Андрей Андреевич",
                        "properties.employees: 5 → 7");
        assertThat(crm.clients().search("алхимов")).extracting(ClientSummary::id).containsExactly(read.id());
    }
}
