package org.crmkit.segment.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.segment.RuleText;
import org.crmkit.segment.SegmentSamples;
import org.junit.jupiter.api.Test;

/** The JSON (and, for the contact facts, text) faces of the segment leaves: property conditions of every operator, has e-mail, has mobile phone. */
class SegmentLeavesJsonTest {
    private static final String HEAD = "{\"format\":\"crmkit-segment-rule/1\",\"rule\":";
    private static final ChoiceId KITCHEN = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-0000000000c1"));
    private static final ChoiceId OFFICE = new ChoiceId(UUID.fromString("00000000-0000-7000-8000-0000000000c2"));

    @Test
    void everyConditionRoundTripsThroughJsonAndRelativeDatesStayRelative() {
        PropertyKey key = PropertyKey.of("seminar-date");
        List<PropertyCondition> conditions = List.of(
                new PropertyCondition.EqualTo(PropertyValue.text("Кухонная мебель")),
                new PropertyCondition.NotEqualTo(PropertyValue.employee(EmployeeId.of("panina"))),
                new PropertyCondition.In(Set.of(PropertyValue.number(1), PropertyValue.number(2))),
                new PropertyCondition.Contains("Ёлк"),
                new PropertyCondition.StartsWith("прод"),
                new PropertyCondition.AtLeast(PropertyValue.money(Money.of("100.50", "RUB"))),
                new PropertyCondition.AtMost(PropertyValue.date(LocalDate.of(2026, 1, 1))),
                new PropertyCondition.Between(PropertyValue.number(1), PropertyValue.number(7)),
                new PropertyCondition.WithinLastDays(30),
                new PropertyCondition.MoreThanDaysAgo(90),
                new PropertyCondition.Filled(),
                new PropertyCondition.Empty(),
                new PropertyCondition.AnyOf(Set.of(KITCHEN, OFFICE)),
                new PropertyCondition.AllOf(Set.of(KITCHEN)));
        for (PropertyCondition condition : conditions) {
            Criterion<ClientCriterion> rule = Criterion.and(new ClientCriterion.PropertyMatches(key, condition),
                    Criterion.not(new ClientCriterion.HasEmail()), new ClientCriterion.HasMobilePhone());
            String json = RuleJson.write(rule);
            assertThat(RuleJson.read(json)).as(json).isEqualTo(rule);
            assertThat(RuleJson.write(RuleJson.read(json))).isEqualTo(json);
        }
        assertThat(RuleJson.write(new ClientCriterion.PropertyMatches(key, new PropertyCondition.WithinLastDays(30))))
                .isEqualTo(HEAD + "{\"type\":\"property-matches\",\"property\":\"seminar-date\",\"condition\":{\"op\":\"within-last-days\",\"days\":30}}}");
    }

    @Test
    void startedWithinLastDaysStaysRelativeInJson() {
        Criterion<ClientCriterion> quiet = Criterion.not(new ClientCriterion.Having<>(org.crmkit.interaction.InteractionCriterion.OF_CLIENT,
                new org.crmkit.interaction.InteractionCriterion.StartedWithinLastDays(30)));
        String json = RuleJson.write(quiet);
        assertThat(json).contains("{\"type\":\"started-within-last-days\",\"days\":30}");
        assertThat(RuleJson.read(json)).isEqualTo(quiet);
        assertThatThrownBy(() -> RuleJson.read(json.replace("\"days\":30", "\"days\":-1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("days").hasMessageContaining("-1");
    }

    @Test
    void badConditionsAreRefusedNamingWhere() {
        assertThatThrownBy(() -> RuleJson.read(HEAD + "{\"type\":\"property-matches\",\"property\":\"limit\",\"condition\":{\"op\":\"between\","
                + "\"from\":{\"kind\":\"money\",\"amount\":\"1\",\"currency\":\"RUB\"},\"to\":{\"kind\":\"money\",\"amount\":\"5\",\"currency\":\"USD\"}}}}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.condition");
        assertThatThrownBy(() -> RuleJson.read(HEAD + "{\"type\":\"property-matches\",\"property\":\"d\",\"condition\":{\"op\":\"within-last-days\",\"days\":-3}}}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rule.condition.days").hasMessageContaining("-3");
        assertThatThrownBy(() -> RuleJson.read(HEAD + "{\"type\":\"property-matches\",\"property\":\"d\",\"condition\":{\"op\":\"like\"}}}"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("rule.condition.op: \"like\" is not a property condition");
    }

    @Test
    void contactFactsAndPropertyConditionsHaveATextForm() {
        RuleText text = RuleText.with(SegmentSamples.NAMES);
        Criterion<ClientCriterion> rule = Criterion.and(new ClientCriterion.HasEmail(), Criterion.not(new ClientCriterion.HasMobilePhone()));
        assertThat(text.print(rule)).isEqualTo("has email and not has mobile phone");
        assertThat(text.parse(text.print(rule))).isEqualTo(rule);
        Criterion<ClientCriterion> filled = new ClientCriterion.PropertyMatches(SegmentSamples.ACTIVITY, new PropertyCondition.Filled());
        assertThat(text.print(filled)).isEqualTo("property \"Вид деятельности\" is filled");
        assertThat(text.parse(text.print(filled))).isEqualTo(filled);
    }
}
