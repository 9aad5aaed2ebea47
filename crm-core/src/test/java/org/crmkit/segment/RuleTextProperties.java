package org.crmkit.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/** Rule → text → rule and text → rule → text give back what they started from, for random rules of every leaf family. */
class RuleTextProperties {
    private final RuleText text = RuleText.with(SegmentSamples.NAMES);

    @Test
    void ruleToTextToRuleIsTheSameRule() {
        qt().withExamples(500).forAll(RuleGenerators.rules(3)).checkAssert(rule -> assertThat(text.parse(text.print(rule))).isEqualTo(rule));
    }

    @Test
    void textToRuleToTextIsTheSameText() {
        qt().withExamples(500).forAll(RuleGenerators.rules(3)).checkAssert(rule -> {
            String printed = text.print(rule);
            assertThat(text.print(text.parse(printed))).isEqualTo(printed);
        });
    }
}
