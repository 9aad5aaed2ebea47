package org.crmkit.segment.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.crmkit.segment.RuleGenerators;
import org.junit.jupiter.api.Test;

/** JSON → rule → JSON and rule → JSON → rule give back what they started from, for random rules of every leaf family. */
class RuleJsonProperties {
    @Test
    void ruleToJsonToRuleIsTheSameRule() {
        qt().withExamples(400).forAll(RuleGenerators.rules(3)).checkAssert(rule -> assertThat(RuleJson.read(RuleJson.write(rule))).isEqualTo(rule));
    }

    @Test
    void jsonToRuleToJsonIsTheSameDocument() {
        qt().withExamples(400).forAll(RuleGenerators.rules(3)).checkAssert(rule -> {
            String json = RuleJson.write(rule);
            assertThat(RuleJson.write(RuleJson.read(json))).isEqualTo(json);
        });
    }
}
