package org.crmkit.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.property.ValueList;
import org.crmkit.segment.json.RuleJson;
import org.junit.jupiter.api.Test;

/** crm.segmentRules(): the text face with the tenant's own names, over a real (in-memory) store. */
class SegmentRulesTest {
    private final Crm crm = Crm.builder().storage(new InMemoryStorage()).ids(IdGenerator.sequential())
            .actor(Actor.employee(TenantId.of("rules"), EmployeeId.of("panina"))).build();

    @Test
    void aRuleTypedWithTheTenantsNamesSelectsItsClientsAndPrintsWithTodaysNames() {
        ClientGroup buyers = crm.groups().create("Покупатели", null);
        crm.properties().define(PropertyDefinition.define("interest", "Интересуется мебелью", new PropertyType.ChoiceType(ValueList.empty())));
        ChoiceId kitchen = crm.properties().addChoice("interest", "Кухонная мебель");
        crm.properties().addChoice("interest", "Офисная мебель");
        Client kitchenBuyer = crm.clients().register(NewClient.legalEntity("Кухни Юга").group(buyers.id()));
        crm.clients().setProperty(kitchenBuyer.id(), "interest", PropertyValue.choice(kitchen));
        crm.clients().register(NewClient.legalEntity("Офисы Севера").group(buyers.id()));
        Client person = crm.clients().register(NewClient.individual("Иванов Иван").group(buyers.id()));
        crm.clients().setProperty(person.id(), "interest", PropertyValue.choice(kitchen));

        String typed = "group in (\"покупатели\") and property \"Интересуется мебелью\" = \"Кухонная мебель\" and not (kind = individual)";
        Criterion<ClientCriterion> rule = crm.segmentRules().parse(typed);

        assertThat(crm.clients().count(rule)).isEqualTo(1);
        assertThat(crm.clients().listAfter(rule, java.util.Optional.empty(), 10)).extracting(Client::id).containsExactly(kitchenBuyer.id());
        assertThat(crm.segmentRules().print(rule)).isEqualTo(
                "group in (\"Покупатели\") and property \"Интересуется мебелью\" = \"Кухонная мебель\" and not kind = individual");
        assertThat(RuleJson.read(RuleJson.write(rule))).isEqualTo(rule);

        crm.groups().rename(buyers.id(), "Покупатели (розница)");
        assertThat(crm.segmentRules().print(rule)).startsWith("group in (\"Покупатели (розница)\")");
        assertThatThrownBy(() -> crm.segmentRules().parse(typed))
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"покупатели\", which is not known");
    }
}
