package org.crmkit.property;

import org.crmkit.client.NewClient;
import org.crmkit.Crm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.crmkit.client.Client;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class PropertySchemaTest {
    private final Crm crm = Crm.builder().storage(new InMemoryStorage()).actor(Actor.system(TenantId.of("t"), "admin")).build();

    @Test
    void valueListsGrowRenameAndRetireWithoutBreakingStoredValues() {
        crm.properties().define(PropertyDefinition.define("furniture", "Интересуется мебелью", new PropertyType.MultiChoiceType(ValueList.empty())));
        ChoiceId kitchen = crm.properties().addChoice("furniture", "Кухонная мебель");
        ChoiceId office = crm.properties().addChoice("furniture", "Офисная мебель");
        Client client = crm.clients().register(NewClient.legalEntity("Баев и Ко").choice("furniture", "Кухонная мебель", "Офисная мебель"));

        crm.properties().renameChoice("furniture", kitchen, "Кухни");
        crm.properties().retireChoice("furniture", office);
        ChoiceId bedroom = crm.properties().addChoice("furniture", "Спальни");

        Client read = crm.clients().get(client.id());
        PropertyDefinition furniture = crm.properties().get("furniture").orElseThrow();
        assertThat(read.property(PropertyKey.of("furniture"))).contains(PropertyValue.choices(Set.of(kitchen, office)));
        assertThat(furniture.display(read.property(PropertyKey.of("furniture")).orElseThrow())).contains("Кухни").contains("Офисная мебель");
        Client renamed = crm.clients().update(client.id(), c -> c.changeNotes("старое значение остаётся"));
        assertThat(renamed.property(PropertyKey.of("furniture"))).contains(PropertyValue.choices(Set.of(kitchen, office)));

        assertThatThrownBy(() -> crm.clients().update(client.id(), c -> c.setProperty(furniture, PropertyValue.choices(Set.of(office, bedroom)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("properties.furniture");
                    assertThat(e.rejectedValue()).isEqualTo("Офисная мебель");
                });
        assertThatThrownBy(() -> crm.properties().addChoice("furniture", "кухни")).isInstanceOf(ValidationException.class);
        assertThat(crm.clients().setProperty(client.id(), "furniture", PropertyValue.choices(Set.of(bedroom))).version()).isEqualTo(3);
    }

    @Test
    void aPropertyAppliesOnlyToItsKindsAndGroups() {
        var buyers = crm.groups().create("Покупатели", null);
        var wholesale = crm.groups().create("Оптовые", buyers.id());
        crm.properties().define(PropertyDefinition.define("kpp-note", "Примечание к КПП", new PropertyType.TextType(50))
                .applyTo(AppliesTo.kinds(ClientKind.LEGAL_ENTITY)));
        crm.properties().define(PropertyDefinition.define("discount", "Скидка", PropertyType.NumberType.integer())
                .applyTo(AppliesTo.groups(buyers.id())));

        assertThatThrownBy(() -> crm.clients().register(NewClient.individual("Иваночкин").property("kpp-note", PropertyValue.text("x"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("properties.kpp-note"));
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Альфа").property("discount", PropertyValue.number(5))))
                .hasMessageContaining("does not apply");
        Client wholesaler = crm.clients().register(NewClient.legalEntity("Альфа").group(wholesale.id()).property("discount", PropertyValue.number(5)));
        assertThat(wholesaler.properties()).containsKey(PropertyKey.of("discount"));
        assertThatThrownBy(() -> crm.clients().update(wholesaler.id(), c -> c.moveToGroup(null)))
                .hasMessageContaining("properties.discount");
    }

    @Test
    void definitionsChangeOnlyCompatiblyAndWithVersions() {
        PropertyDefinition count = crm.properties().define(PropertyDefinition.define("employees", "Количество сотрудников", PropertyType.NumberType.integer()));
        assertThatThrownBy(() -> crm.properties().define(PropertyDefinition.define("employees", "ещё раз", new PropertyType.TextType(5))))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> count.changeType(new PropertyType.TextType(10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("property.employees.type"));
        PropertyDefinition limited = crm.properties().change(count.changeType(PropertyType.NumberType.integer().between(0, 500)).relabel("Сотрудников"));
        assertThat(limited.version()).isEqualTo(2);
        assertThatThrownBy(() -> crm.properties().change(count.relabel("stale"))).isInstanceOf(ConcurrentChangeException.class);

        crm.properties().change(limited.archive());
        assertThatThrownBy(() -> crm.clients().register(NewClient.legalEntity("Альфа").property("employees", PropertyValue.number(5))))
                .hasMessageContaining("archived");
    }

    @Test
    void everyValueTypeRejectsTheWrongKindWithTheFieldNamed() {
        assertThatThrownBy(() -> PropertyDefinition.define("flag", "Флаг", new PropertyType.BooleanType()).check(PropertyValue.text("да")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("properties.flag");
                    assertThat(e.rejectedValue()).isEqualTo("да");
                });
        assertThatThrownBy(() -> PropertyDefinition.define("limit", "Лимит", PropertyType.MoneyType.of("RUB"))
                .check(PropertyValue.money(org.crmkit.common.Money.of("10", "USD")))).hasMessageContaining("not in RUB");
        assertThatThrownBy(() -> PropertyKey.of("Сфера")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("property.key"));
    }
}
