package org.crmkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.CrmException;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.junit.jupiter.api.Test;

/** The property conditions of segment rules: their meaning for missing values, relative dates, and bad input refused when built. */
class PropertyConditionTest {
    private static final PropertyValue ROUBLES = PropertyValue.money(Money.of("100", "RUB"));
    private static final PropertyValue DOLLARS = PropertyValue.money(Money.of("100", "USD"));

    @Test
    void aClientWithoutTheValueMatchesNotEqualAndEmptyOnly() {
        Optional<PropertyValue> none = Optional.empty();
        assertThat(new PropertyCondition.NotEqualTo(PropertyValue.text("x")).test(none)).isTrue();
        assertThat(new PropertyCondition.Empty().test(none)).isTrue();
        assertThat(new PropertyCondition.EqualTo(PropertyValue.text("x")).test(none)).isFalse();
        assertThat(new PropertyCondition.Contains("x").test(none)).isFalse();
        assertThat(new PropertyCondition.StartsWith("x").test(none)).isFalse();
        assertThat(new PropertyCondition.AtLeast(PropertyValue.number(0)).test(none)).isFalse();
        assertThat(new PropertyCondition.AnyOf(Set.of(new ChoiceId(java.util.UUID.randomUUID()))).test(none)).isFalse();
    }

    @Test
    void textIsComparedFoldedAndMoneyWithinOneCurrency() {
        Optional<PropertyValue> stored = Optional.of(PropertyValue.text("Ёлочные  ИГРУШКИ"));
        assertThat(new PropertyCondition.EqualTo(PropertyValue.text("елочные игрушки")).test(stored)).isTrue();
        assertThat(new PropertyCondition.Contains("ЁЛОЧ").test(stored)).isTrue();
        assertThat(new PropertyCondition.StartsWith("игрушки").test(stored)).isFalse();
        assertThat(new PropertyCondition.AtLeast(PropertyValue.money(Money.of("50", "RUB"))).test(Optional.of(ROUBLES))).isTrue();
        assertThat(new PropertyCondition.AtLeast(PropertyValue.money(Money.of("50", "USD"))).test(Optional.of(ROUBLES))).isFalse();
        assertThat(new PropertyCondition.AtLeast(PropertyValue.number(50)).test(Optional.of(ROUBLES))).isFalse();
    }

    @Test
    void relativeDatesAreReadAtTheGivenDayAndRefuseToBeEvaluatedUnread() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        PropertyCondition last30 = new PropertyCondition.WithinLastDays(30);
        assertThat(last30.dependsOnClock()).isTrue();
        assertThat(last30.at(today)).isEqualTo(new PropertyCondition.Between(PropertyValue.date(today.minusDays(30)), PropertyValue.date(today)));
        assertThat(new PropertyCondition.MoreThanDaysAgo(30).at(today)).isEqualTo(new PropertyCondition.AtMost(PropertyValue.date(today.minusDays(31))));
        assertThatThrownBy(() -> last30.test(Optional.of(PropertyValue.date(today)))).isInstanceOf(CrmException.class)
                .hasMessageContaining("Criterion.at");

        Criterion<ClientCriterion> rule = Criterion.and(new ClientCriterion.HasEmail(),
                Criterion.not(new ClientCriterion.PropertyMatches(PropertyKey.of("seminar-date"), last30)));
        assertThat(ClientCriterion.dependsOnClock(rule)).isTrue();
        Criterion<ClientCriterion> read = ClientCriterion.at(rule, ZonedDateTime.of(2026, 12, 6, 0, 30, 0, 0, ZoneId.of("Europe/Moscow")));
        assertThat(ClientCriterion.dependsOnClock(read)).isFalse();
        assertThat(read.toString()).contains("2026-11-06").contains("2026-12-06");
        assertThat(ClientCriterion.dependsOnClock(new ClientCriterion.HasMobilePhone())).isFalse();
    }

    @Test
    void badInputIsRefusedWhenTheConditionIsBuiltNamingFieldAndValue() {
        assertThatThrownBy(() -> new PropertyCondition.Between(ROUBLES, DOLLARS)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("to").hasMessageContaining("USD").hasMessageContaining("currency");
        assertThatThrownBy(() -> new PropertyCondition.Between(PropertyValue.number(5), PropertyValue.number(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lies before");
        assertThatThrownBy(() -> new PropertyCondition.Between(PropertyValue.number(5), PropertyValue.date(LocalDate.of(2026, 1, 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("date");
        assertThatThrownBy(() -> new PropertyCondition.AtLeast(PropertyValue.text("10"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("bound").hasMessageContaining("10");
        assertThatThrownBy(() -> new PropertyCondition.WithinLastDays(-1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("days").hasMessageContaining("-1");
        assertThatThrownBy(() -> new PropertyCondition.In(Set.of())).isInstanceOf(ValidationException.class).hasMessageContaining("values");
        assertThatThrownBy(() -> new PropertyCondition.In(Set.of(ROUBLES, DOLLARS))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("currencies");
        assertThatThrownBy(() -> new PropertyCondition.Contains(" ")).isInstanceOf(ValidationException.class).hasMessageContaining("fragment");
        assertThatThrownBy(() -> new PropertyCondition.EqualTo(PropertyValue.choices(Set.of(new ChoiceId(java.util.UUID.randomUUID())))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("one entry at a time");
    }

    @Test
    void aConditionThatDoesNotFitThePropertysTypeIsRefused() {
        PropertyKey key = PropertyKey.of("activity");
        assertThatThrownBy(() -> new PropertyCondition.WithinLastDays(30).checkFits(key, new PropertyType.TextType(200)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text property activity");
        assertThatThrownBy(() -> new PropertyCondition.AtLeast(DOLLARS).checkFits(PropertyKey.of("limit"), PropertyType.MoneyType.of("RUB")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("USD").hasMessageContaining("RUB");
        new PropertyCondition.Contains("мебел").checkFits(key, new PropertyType.TextType(200));
        new PropertyCondition.AtLeast(ROUBLES).checkFits(PropertyKey.of("limit"), PropertyType.MoneyType.of("RUB"));
        new PropertyCondition.Filled().checkFits(key, new PropertyType.BooleanType());
    }
}
