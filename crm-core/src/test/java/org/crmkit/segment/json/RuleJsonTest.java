package org.crmkit.segment.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.segment.SegmentSamples;
import org.junit.jupiter.api.Test;

class RuleJsonTest {
    @Test
    void theDocumentNamesItsFormatAndHoldsIdsNotNames() {
        Criterion<ClientCriterion> rule = Criterion.and(new ClientCriterion.InGroups(Set.of(SegmentSamples.GROUPS.get(0))),
                Criterion.not(new ClientCriterion.KindIs(ClientKind.INDIVIDUAL)),
                new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT, new InteractionCriterion.KindIn(Set.of(InteractionKind.MEETING))));
        assertThat(RuleJson.write(rule)).isEqualTo("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"and\",\"parts\":["
                + "{\"type\":\"group-in\",\"groups\":[\"00000000-0000-7000-8000-00000000d001\"]},"
                + "{\"type\":\"not\",\"part\":{\"type\":\"kind-is\",\"kind\":\"INDIVIDUAL\"}},"
                + "{\"type\":\"having\",\"relation\":\"interactions\",\"where\":{\"type\":\"kind-in\",\"kinds\":[\"meeting\"]}}]}}");
    }

    @Test
    void aBrokenDocumentIsRefusedNamingWhere() {
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/2\",\"rule\":{\"type\":\"all\"}}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("format").hasMessageContaining("crmkit-segment-rule/1");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\"}")).hasMessageContaining("rule").hasMessageContaining("required");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"and\",\"parts\":[{\"type\":\"kind-is\",\"kind\":\"ROBOT\"}]}}"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("rule.parts[0].kind: \"ROBOT\" is not one of LEGAL_ENTITY, SOLE_PROPRIETOR, INDIVIDUAL");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"teleport\"}}"))
                .hasMessageStartingWith("rule.type: \"teleport\" is not a condition on ClientCriterion");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"group-in\",\"groups\":[\"x\"]}}"))
                .hasMessageStartingWith("rule.groups[0]: \"x\" is not a UUID");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"having\",\"relation\":\"friends\",\"where\":{\"type\":\"all\"}}}"))
                .hasMessageStartingWith("rule.relation: \"friends\" is not a relation of clients");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"having\",\"relation\":\"deals\",\"where\":{\"type\":\"kind-is\",\"kind\":\"INDIVIDUAL\"}}}"))
                .hasMessageStartingWith("rule.where.type: \"kind-is\" is not a condition on DealCriterion");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"phone-is\",\"phone\":\"8916\"}}"))
                .hasMessageStartingWith("rule.phone: \"8916\" is not a phone number");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"property-equals\",\"property\":\"Bad Key\",\"value\":{\"kind\":\"text\",\"value\":\"x\"}}}"))
                .hasMessageStartingWith("rule.property: \"Bad Key\" is not a property key");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"archived\",\"archived\":\"yes\"}}"))
                .hasMessageStartingWith("rule.archived: \"\"yes\"\" is not true or false");
        assertThatThrownBy(() -> RuleJson.read("{\"format\": ")).isInstanceOf(ValidationException.class).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> RuleJson.read("[]")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"all\"}} {}"))
                .hasMessageContaining("is not JSON");
    }

    @Test
    void limitsAreEnforcedWhileReading() {
        String deep = "{\"type\":\"not\",\"part\":".repeat(40) + "{\"type\":\"all\"}" + "}".repeat(40);
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":" + deep + "}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deeper than 32");
        String veryDeep = "{\"type\":\"not\",\"part\":".repeat(5000) + "{\"type\":\"all\"}" + "}".repeat(5000);
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":" + veryDeep + "}"))
                .isInstanceOf(ValidationException.class);
        String wide = "{\"type\":\"or\",\"parts\":[" + String.join(",", Collections.nCopies(501, "{\"type\":\"all\"}")) + "]}";
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":" + wide + "}"))
                .hasMessageContaining("more than 500");
        assertThatThrownBy(() -> RuleJson.read("{\"format\":\"crmkit-segment-rule/1\",\"rule\":{\"type\":\"name-contains\",\"fragment\":\""
                + "x".repeat(1001) + "\"}}")).hasMessageContaining("longer than 1000");
        assertThatThrownBy(() -> RuleJson.read(" ".repeat(300_000))).hasMessageContaining("longer than 262144");
    }
}
