package org.crmkit.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.Purpose;
import org.crmkit.criteria.Criterion;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.common.Money;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyValue;
import org.junit.jupiter.api.Test;

class RuleTextTest {
    private final RuleText text = RuleText.with(SegmentSamples.NAMES);

    @Test
    void readsWhatAPersonTypes() {
        Criterion<ClientCriterion> rule = text.parse("group in (\"покупатели\") and property \"Интересуется мебелью\" = \"Кухонная мебель\"\n"
                + "  AND not (kind = individual) and has consent (email, marketing)");
        assertThat(rule).isEqualTo(Criterion.and(
                new ClientCriterion.InGroups(Set.of(SegmentSamples.GROUPS.get(0))),
                new ClientCriterion.PropertyEquals(SegmentSamples.INTEREST, PropertyValue.choice(SegmentSamples.KITCHEN)),
                Criterion.not(new ClientCriterion.KindIs(ClientKind.INDIVIDUAL)),
                new ClientCriterion.Having<>(ConsentCriterion.IN_EFFECT, new ConsentCriterion.For(Channel.EMAIL, Purpose.MARKETING))));
        assertThat(text.print(rule)).isEqualTo("group in (\"Покупатели\") and property \"Интересуется мебелью\" = \"Кухонная мебель\""
                + " and not kind = individual and has consent (email, marketing)");
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Criterion<ClientCriterion> a = new ClientCriterion.Archived(true);
        Criterion<ClientCriterion> b = new ClientCriterion.KindIs(ClientKind.INDIVIDUAL);
        Criterion<ClientCriterion> c = new ClientCriterion.Archived(false);
        assertThat(text.parse("archived or kind = individual and not active"))
                .isEqualTo(Criterion.or(a, Criterion.and(b, Criterion.not(c))));
        assertThat(text.parse("(archived or kind = individual) and active")).isEqualTo(Criterion.and(Criterion.or(a, b), c));
        assertThat(text.print(Criterion.and(Criterion.or(a, b), c))).isEqualTo("(archived or kind = individual) and active");
        assertThat(text.print(Criterion.not(Criterion.and(a, b)))).isEqualTo("not (archived and kind = individual)");
    }

    @Test
    void hasInteractionTakesTheInteractionsLeaves() {
        assertThat(text.parse("has interaction (kind in (meeting, e-mail) and state in (done))")).isEqualTo(
                new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT, Criterion.and(
                        new InteractionCriterion.KindIn(Set.of(InteractionKind.MEETING, InteractionKind.EMAIL)),
                        new InteractionCriterion.StateIn(Set.of(org.crmkit.interaction.InteractionState.DONE)))));
    }

    @Test
    void stringLiteralsKeepQuotesBackslashesAndEscapes() {
        Criterion<ClientCriterion> rule = text.parse("property \"Вид деятельности\" = \"say \\\"hi\\\" \\\\ \\u0041\\nB\"");
        assertThat(rule).isEqualTo(new ClientCriterion.PropertyEquals(SegmentSamples.ACTIVITY, PropertyValue.text("say \"hi\" \\ A\nB")));
        assertThat(text.print(rule)).isEqualTo("property \"Вид деятельности\" = \"say \\\"hi\\\" \\\\ A\\nB\"");
    }

    @Test
    void aSyntaxErrorNamesLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> text.parse("group in (\"Покупатели\" and archived"))
                .isInstanceOf(RuleSyntaxException.class).isInstanceOf(ValidationException.class)
                .hasMessage("line 1, column 24: expected \")\" but found \"and\"");
        assertThatThrownBy(() -> text.parse("archived and\n  (kind = individual"))
                .hasMessage("line 2, column 21: expected \")\" but found the end of the text");
        assertThatThrownBy(() -> text.parse("archived active"))
                .hasMessage("line 1, column 10: expected \"and\", \"or\" or the end of the rule but found \"active\"");
        assertThatThrownBy(() -> text.parse("kind = robot"))
                .hasMessage("line 1, column 8: expected one of legal-entity, sole-proprietor, individual but found \"robot\"");
        assertThatThrownBy(() -> text.parse("name contains \"open"))
                .hasMessageStartingWith("line 1, column 20: expected a closing \" of the string started at line 1, column 15");
        assertThatThrownBy(() -> text.parse("archived & active")).hasMessageStartingWith("line 1, column 10: expected a word");
        assertThatThrownBy(() -> text.parse("")).hasMessageStartingWith("line 1, column 1: expected a condition");
        assertThatThrownBy(() -> text.parse("name contains \"\\q\"")).hasMessageStartingWith("line 1, column 16: expected an escape");
        RuleSyntaxException e = catchSyntax("archived or\n\n   has deal (status = open or)");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(30);
        assertThat(e.found()).isEqualTo("\")\"");
    }

    @Test
    void unknownNamesAreNamed() {
        assertThatThrownBy(() -> text.parse("group in (\"Покупатели\", \"Клиенты 2\")"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("line 1, column 25: expected the name of a client group but found \"Клиенты 2\", which is not known");
        assertThatThrownBy(() -> text.parse("property \"Нет такого\" = 1")).hasMessageContaining("\"Нет такого\", which is not known");
        assertThatThrownBy(() -> text.parse("relationship = \"Враг\"")).hasMessageContaining("\"Враг\", which is not known");
        assertThatThrownBy(() -> text.parse("has deal (pipeline = \"Нет\")")).hasMessageContaining("\"Нет\", which is not known");
        assertThatThrownBy(() -> text.parse("has deal (stage in (\"Продажи\".\"Нет\"))"))
                .hasMessageContaining("a stage of \"Продажи\" but found \"Нет\", which is not known");
        assertThatThrownBy(() -> text.parse("property \"Интересуется мебелью\" = \"Мягкая мебель\""))
                .hasMessageContaining("\"Мягкая мебель\", which is not known");
        assertThatThrownBy(() -> text.parse("has survey (score \"Опрос X\" \"nps\" between 0 and 6)"))
                .hasMessageContaining("\"Опрос X\", which is not known");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorNamingThePropertyAndTheValue() {
        assertThatThrownBy(() -> text.parse("property \"Дата семинара\" = \"вчера\""))
                .isInstanceOf(ValidationException.class)
                .hasMessage("line 1, column 28: expected a value of the date property \"Дата семинара\" (a date such as 2024-03-31)"
                        + " but found \"вчера\"");
        assertThatThrownBy(() -> text.parse("property \"Вид деятельности\" = 2024-01-01"))
                .hasMessageContaining("the text property \"Вид деятельности\"").hasMessageContaining("found \"2024-01-01\"");
        assertThatThrownBy(() -> text.parse("property \"Число сотрудников\" = \"12\""))
                .hasMessageContaining("the number property \"Число сотрудников\"").hasMessageContaining("found \"12\"");
        assertThatThrownBy(() -> text.parse("property \"Оборот\" = 100.00 USD"))
                .hasMessageContaining("the money property \"Оборот\"").hasMessageContaining("\"100.00 USD\" (money is compared within one currency)");
        assertThatThrownBy(() -> text.parse("property \"Конкурент\" = yes")).hasMessageContaining("found \"yes\"");
        assertThatThrownBy(() -> text.parse("property \"Дата семинара\" = 2024-02-30")).hasMessageContaining("found \"2024-02-30\"");
    }

    @Test
    void everyPropertyConditionHasOneCanonicalTextForm() {
        Map<String, Criterion<ClientCriterion>> forms = new LinkedHashMap<>();
        forms.put("property \"Интересуется мебелью\" any of (\"Кухонная мебель\")",
                matches(SegmentSamples.INTEREST, new PropertyCondition.AnyOf(Set.of(SegmentSamples.KITCHEN))));
        forms.put("property \"Интересы\" all of (\"Кухонная мебель\", \"Офисная мебель\")",
                matches(SegmentSamples.INTERESTS, new PropertyCondition.AllOf(Set.of(SegmentSamples.KITCHEN, SegmentSamples.OFFICE))));
        forms.put("property \"Оборот\" between 1000.00 RUB and 5000.00 RUB", matches(SegmentSamples.TURNOVER,
                new PropertyCondition.Between(PropertyValue.money(Money.of("1000", "RUB")), PropertyValue.money(Money.of("5000", "RUB")))));
        forms.put("property \"Дата семинара\" is filled", matches(SegmentSamples.SEMINAR, new PropertyCondition.Filled()));
        forms.put("property \"Дата семинара\" is empty", matches(SegmentSamples.SEMINAR, new PropertyCondition.Empty()));
        forms.put("property \"Дата семинара\" within last 30 days", matches(SegmentSamples.SEMINAR, new PropertyCondition.WithinLastDays(30)));
        forms.put("property \"Дата семинара\" more than 30 days ago", matches(SegmentSamples.SEMINAR, new PropertyCondition.MoreThanDaysAgo(30)));
        forms.put("property \"Вид деятельности\" contains \"мебел\"", matches(SegmentSamples.ACTIVITY, new PropertyCondition.Contains("мебел")));
        forms.put("property \"Вид деятельности\" starts with \"сбор\"", matches(SegmentSamples.ACTIVITY, new PropertyCondition.StartsWith("сбор")));
        forms.put("property \"Вид деятельности\" equals \"Сборка мебели\"",
                matches(SegmentSamples.ACTIVITY, new PropertyCondition.EqualTo(PropertyValue.text("Сборка мебели"))));
        forms.put("property \"Вид деятельности\" != \"Сборка мебели\"",
                matches(SegmentSamples.ACTIVITY, new PropertyCondition.NotEqualTo(PropertyValue.text("Сборка мебели"))));
        forms.put("property \"Число сотрудников\" in (10, 20.5)", matches(SegmentSamples.STAFF,
                new PropertyCondition.In(Set.of(PropertyValue.number(10), new PropertyValue.NumberValue(new BigDecimal("20.5"))))));
        forms.put("property \"Число сотрудников\" >= 10", matches(SegmentSamples.STAFF, new PropertyCondition.AtLeast(PropertyValue.number(10))));
        forms.put("property \"Дата семинара\" <= 2024-03-31",
                matches(SegmentSamples.SEMINAR, new PropertyCondition.AtMost(PropertyValue.date(LocalDate.of(2024, 3, 31)))));
        forms.put("property \"Конкурент\" != true", matches(SegmentSamples.COMPETITOR, new PropertyCondition.NotEqualTo(PropertyValue.bool(true))));
        forms.forEach((form, rule) -> {
            assertThat(text.parse(form)).as(form).isEqualTo(rule);
            assertThat(text.print(rule)).isEqualTo(form);
        });
        assertThat(text.parse("PROPERTY \"Дата семинара\" WITHIN LAST 30 DAYS and property \"Интересуется мебелью\" Any Of (\"кухонная МЕБЕЛЬ\")"))
                .isEqualTo(Criterion.and(matches(SegmentSamples.SEMINAR, new PropertyCondition.WithinLastDays(30)),
                        matches(SegmentSamples.INTEREST, new PropertyCondition.AnyOf(Set.of(SegmentSamples.KITCHEN)))));
    }

    @Test
    void equalsSignComparesExactlyAndTheWordEqualsComparesTextFolded() {
        assertThat(text.parse("property \"Вид деятельности\" = \"Сборка\"")).isEqualTo(
                new ClientCriterion.PropertyEquals(SegmentSamples.ACTIVITY, PropertyValue.text("Сборка")));
        assertThat(text.parse("property \"Вид деятельности\" equals \"Сборка\"")).isEqualTo(
                matches(SegmentSamples.ACTIVITY, new PropertyCondition.EqualTo(PropertyValue.text("Сборка"))));
    }

    @Test
    void aConditionThatDoesNotFitThePropertyIsAnErrorAtItsPlace() {
        assertThatThrownBy(() -> text.parse("property \"Дата семинара\" contains \"мая\""))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageStartingWith("line 1, column 26: expected a valid condition (does not apply to the date property seminar");
        assertThatThrownBy(() -> text.parse("property \"Вид деятельности\" within last 30 days"))
                .hasMessageStartingWith("line 1, column 29: expected a valid condition (does not apply to the text property activity");
        assertThatThrownBy(() -> text.parse("property \"Вид деятельности\" >= \"a\""))
                .hasMessageStartingWith("line 1, column 29: expected a valid bound (is a text; only numbers, money and dates are ordered)");
        assertThatThrownBy(() -> text.parse("property \"Вид деятельности\" any of (\"a\")"))
                .hasMessageStartingWith("line 1, column 29: expected a condition that applies to the text property \"Вид деятельности\"");
        assertThatThrownBy(() -> text.parse("property \"Оборот\" between 5000 RUB and\n 1000 RUB"))
                .hasMessageStartingWith("line 1, column 27: expected a valid to (lies before from");
        assertThatThrownBy(() -> text.parse("property \"Оборот\" >= 10 USD"))
                .hasMessageContaining("the money property \"Оборот\"").hasMessageContaining("(money is compared within one currency)");
        assertThatThrownBy(() -> text.parse("property \"Дата семинара\" within last -3 days"))
                .hasMessageStartingWith("line 1, column 38: expected a valid days (must be between 0 and 110000)");
        assertThatThrownBy(() -> text.parse("property \"Дата семинара\" within 30 days"))
                .hasMessage("line 1, column 33: expected \"last\" but found \"30\"");
        assertThatThrownBy(() -> text.parse("property \"Дата семинара\" is full"))
                .hasMessage("line 1, column 29: expected \"filled\" or \"empty\" but found \"full\"");
        assertThatThrownBy(() -> text.parse("property \"Дата семинара\" like \"x\""))
                .hasMessageStartingWith("line 1, column 26: expected =, equals, !=, in,");
        assertThatThrownBy(() -> text.parse("property \"Число сотрудников\" in ()"))
                .hasMessageStartingWith("line 1, column 30: expected a valid values (is empty");
        assertThatThrownBy(() -> text.parse("property \"Интересы\" all of (\"Мягкая мебель\")"))
                .hasMessageContaining("\"Мягкая мебель\", which is not known");
    }

    @Test
    void noInteractionForDaysIsNotHasInteractionStartedWithinLastDaysReadAtTheClock() {
        Criterion<ClientCriterion> quiet = Criterion.not(new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT,
                new InteractionCriterion.StartedWithinLastDays(30)));
        assertThat(text.parse("group in (\"Покупатели\") and No Interaction For 30 Days")).isEqualTo(
                Criterion.and(new ClientCriterion.InGroups(Set.of(SegmentSamples.GROUPS.get(0))), quiet));
        assertThat(text.print(quiet)).isEqualTo("not has interaction (started within last 30 days)");
        assertThat(text.parse(text.print(quiet))).isEqualTo(quiet);
        Criterion<ClientCriterion> calls = text.parse("not has interaction (kind in (incoming-call, meeting) and started within last 30 days)");
        assertThat(ClientCriterion.dependsOnClock(calls)).isTrue();
        java.time.ZonedDateTime now = java.time.ZonedDateTime.of(2026, 3, 31, 0, 30, 0, 0, java.time.ZoneId.of("Europe/Moscow"));
        assertThat(ClientCriterion.at(quiet, now)).isEqualTo(Criterion.not(new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT,
                new InteractionCriterion.StartsIn(new org.crmkit.interaction.CalendarPeriod(java.time.Instant.parse("2026-02-28T21:00:00Z"),
                        java.time.Instant.parse("2026-03-31T21:00:00Z"), java.time.ZoneId.of("Europe/Moscow"))))));
        assertThatThrownBy(() -> text.parse("no interaction for -1 days"))
                .hasMessageStartingWith("line 1, column 20: expected a valid days (must be between 0 and 110000)");
        assertThatThrownBy(() -> text.parse("no interaction 30 days")).hasMessage("line 1, column 16: expected \"for\" but found \"30\"");
        assertThatThrownBy(() -> text.parse("has interaction (started within last 30)"))
                .hasMessage("line 1, column 40: expected \"days\" but found \")\"");
    }

    @Test
    void valuesAreCheckedByTheirOwnRulesAndReportedAtTheValue() {
        assertThatThrownBy(() -> text.parse("phone = \"89161234567\""))
                .isInstanceOf(RuleSyntaxException.class).hasMessageStartingWith("line 1, column 9: expected a valid phone");
        assertThatThrownBy(() -> text.parse("inn = \"7707083894\"")).hasMessageStartingWith("line 1, column 7: expected a valid inn");
        assertThatThrownBy(() -> text.parse("has deal (expected close between 2024-02-01 and 2024-01-01)"))
                .hasMessageStartingWith("line 1, column 34: expected a valid to");
    }

    @Test
    void limitsAreEnforced() {
        assertThatThrownBy(() -> text.parse("(".repeat(40) + "archived" + ")".repeat(40)))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("at most 32 levels of nesting");
        assertThatThrownBy(() -> text.parse("not ".repeat(40) + "archived")).hasMessageContaining("at most 32 levels of nesting");
        assertThatThrownBy(() -> text.parse("(".repeat(60_000))).hasMessageContaining("at most 32 levels of nesting");
        assertThatThrownBy(() -> text.parse(String.join(" or ", java.util.Collections.nCopies(501, "archived"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than 500");
        assertThatThrownBy(() -> text.parse("name contains \"" + "x".repeat(1001) + "\""))
                .hasMessageContaining("a string of at most 1000 characters");
        assertThatThrownBy(() -> text.parse("archived " + " ".repeat(RuleLimits.MAX_TEXT)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("longer than 65536");
        assertThatThrownBy(() -> text.parse("has contact (position = \"a\\u0000b\")"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> RuleLimits.check(new ClientCriterion.Having<>(org.crmkit.client.ContactPersonCriterion.OF_CLIENT,
                new org.crmkit.client.ContactPersonCriterion.PositionIs("a\u0000b")))).hasMessageContaining("position");
        Criterion<ClientCriterion> deep = new ClientCriterion.Archived(true);
        for (int i = 0; i < 40; i++) {
            deep = Criterion.not(deep);
        }
        Criterion<ClientCriterion> tooDeep = deep;
        assertThatThrownBy(() -> RuleLimits.check(tooDeep)).isInstanceOf(ValidationException.class).hasMessageContaining("deeper than 32");
        assertThatThrownBy(() -> text.print(tooDeep)).hasMessageContaining("deeper than 32");
    }

    @Test
    void printingAnIdTheSchemaNoLongerHasSaysSo() {
        RuleText empty = RuleText.with(RuleNames.builder().build());
        assertThatThrownBy(() -> empty.print(new ClientCriterion.InGroups(Set.of(SegmentSamples.GROUPS.get(0)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is no longer in the tenant's schema");
    }

    private static Criterion<ClientCriterion> matches(org.crmkit.property.PropertyKey key, PropertyCondition condition) {
        return new ClientCriterion.PropertyMatches(key, condition);
    }

    private RuleSyntaxException catchSyntax(String rule) {
        try {
            text.parse(rule);
        } catch (RuleSyntaxException e) {
            return e;
        }
        throw new AssertionError("no syntax error in " + rule);
    }
}
