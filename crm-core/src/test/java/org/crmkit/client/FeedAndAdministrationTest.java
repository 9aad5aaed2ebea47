package org.crmkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.tuple;

import org.crmkit.Crm;
import org.crmkit.audit.AuditEntry;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.ValueList;
import org.crmkit.access.AccessPolicies;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.feed.FeedEntry;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** What the facade writes to the change feed, and who may change the schema. */
class FeedAndAdministrationTest {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final Actor ALEKSEEV = Actor.employee(TENANT, EmployeeId.of("alekseev"));

    @Test
    void everyChangeOfAClientReachesTheFeedWithFieldNamesAndNoValues() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).actor(ALEKSEEV).build();
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").inn("7707083893"));
        crm.clients().update(alfa.id(), c -> c.rename("Альфа-Плюс", Optional.empty()));
        crm.clients().archive(alfa.id());
        crm.groups().create("Оптовые", null);

        List<FeedEntry> feed = crm.feed().after(0, 100);
        assertThat(feed).extracting(FeedEntry::kind, FeedEntry::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("client", "registered"),
                        org.assertj.core.groups.Tuple.tuple("client", "changed"),
                        org.assertj.core.groups.Tuple.tuple("client", "archived"),
                        org.assertj.core.groups.Tuple.tuple("client-group", "created"));
        assertThat(feed.get(1).id()).isEqualTo(alfa.id().toString());
        assertThat(feed.get(1).fields()).contains("shortName").allSatisfy(f -> assertThat(f).doesNotContain("Альфа"));
        assertThat(feed).allSatisfy(e -> assertThat(e.actor()).isEqualTo(ALEKSEEV.name()));
        assertThat(crm.feed().after(feed.get(2).position(), 100)).extracting(FeedEntry::kind).containsExactly("client-group");
        // the feed is the tenant's own
        Crm other = crm.as(Actor.employee(TenantId.of("other"), EmployeeId.of("x")));
        assertThat(other.feed().after(0, 100)).isEmpty();
    }

    @Test
    void aBadCursorOrLimitNamesTheFieldAndTheValue() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).actor(ALEKSEEV).build();
        assertThatThrownBy(() -> crm.feed().after(-1, 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("position"));
        assertThatThrownBy(() -> crm.feed().after(0, 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    void thePolicyDecidesWhoChangesTheSchemaAndARefusalStoresNothing() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).actor(ALEKSEEV)
                .accessPolicy(AccessPolicies.builder().administer((actor, area) -> !area.equals(ClientGroups.KIND)).build())
                .build();
        assertThatThrownBy(() -> crm.groups().create("Оптовые", null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("client-group");
        assertThat(crm.groups().all()).isEmpty();
        assertThat(crm.feed().after(0, 10)).isEmpty();
        assertThat(crm.relationshipTypes().add("dealer", "Дилер").name()).isEqualTo("Дилер");
        // clients stay visible to everyone: the policy said nothing about them
        assertThat(crm.clients().register(NewClient.legalEntity("Бета")).shortName()).isEqualTo("Бета");
        assertThat(Set.copyOf(crm.feed().after(0, 10).stream().map(FeedEntry::kind).toList()))
                .containsExactlyInAnyOrder("relationship-type", "client");
    }

    @Test
    void schemaChangesReachTheJournalWithTheirValuesAndARefusedOneLeavesNone() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).actor(ALEKSEEV).build();
        ClientGroup wholesale = crm.groups().create("Опт", null);
        ClientGroup regions = crm.groups().create("Регионы", null);
        crm.groups().rename(wholesale.id(), "Оптовики");
        crm.groups().move(wholesale.id(), regions.id());
        assertThat(crm.groups().history(wholesale.id()))
                .extracting(AuditEntry::field, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(tuple("name", Optional.empty(), Optional.of("Опт")),
                        tuple("name", Optional.of("Опт"), Optional.of("Оптовики")),
                        tuple("parent", Optional.empty(), Optional.of("Регионы")));
        assertThat(crm.groups().history(wholesale.id())).allSatisfy(e -> {
            assertThat(e.client()).isEmpty();
            assertThat(e.actor()).isEqualTo(ALEKSEEV.name());
        });

        crm.relationshipTypes().retire(RelationshipType.VIP);
        assertThat(crm.relationshipTypes().history(RelationshipType.VIP))
                .extracting(AuditEntry::subject, AuditEntry::field, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(tuple("relationship-type:vip", "retired", Optional.of("false"), Optional.of("true")));

        crm.properties().define(PropertyDefinition.define("furniture", "Мебель", new PropertyType.ChoiceType(ValueList.empty())));
        ChoiceId chairs = crm.properties().addChoice("furniture", "Стулья");
        crm.properties().change(crm.properties().get("furniture").orElseThrow().relabel("Офисная мебель"));
        assertThat(crm.properties().history("furniture"))
                .extracting(AuditEntry::field, AuditEntry::newValue)
                .contains(tuple("label", Optional.of("Мебель")), tuple("choices." + chairs, Optional.of("Стулья")),
                        tuple("label", Optional.of("Офисная мебель")));
        crm.properties().define(PropertyDefinition.define("employees", "Сотрудников", PropertyType.NumberType.integer().between(0, 100_000)));
        assertThat(crm.properties().history("employees")).extracting(AuditEntry::field, AuditEntry::newValue)
                .contains(tuple("type", Optional.of("number, 0 decimal places, from 0 to 100000")));
        // the feed has the field names, never the values
        assertThat(crm.feed().after(0, 100)).filteredOn(e -> e.kind().equals("client-group") && e.change().equals("renamed"))
                .singleElement().satisfies(e -> assertThat(e.fields()).containsExactly("name"));

        Crm refused = crm.as(Actor.employee(TENANT, EmployeeId.of("stazher")));
        Crm guarded = Crm.builder().storage(new InMemoryStorage()).actor(ALEKSEEV)
                .accessPolicy(AccessPolicies.builder().administer((actor, area) -> false).build()).build();
        assertThatThrownBy(() -> guarded.groups().create("Опт", null)).isInstanceOf(AccessDeniedException.class);
        assertThat(guarded.feed().after(0, 10)).isEmpty();
        assertThat(refused.groups().history(wholesale.id())).hasSize(3);
    }
}
