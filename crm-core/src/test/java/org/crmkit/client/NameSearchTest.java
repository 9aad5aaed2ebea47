package org.crmkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

class NameSearchTest {

    @Test
    void aNameIsComparedByItsCoreWithoutLegalFormsAndPunctuation() {
        assertThat(NameWords.core("ЗАО «БЕРЕЗА-ДУБ»")).isEqualTo("береза дуб");
        assertThat(NameWords.core("Иванов И.И.")).isEqualTo("иванов и и");
        assertThat(NameWords.core("Торговый дом ООО \"Ясень\"")).isEqualTo("торговый дом ясень");
        // a name of legal forms alone keeps them
        assertThat(NameWords.core("ООО")).isEqualTo("ооо");
        assertThat(NameWords.core("«»")).isEmpty();
        assertThat(NameWords.legalForm("Торговый дом ООО «Ясень»")).contains("ооо");
        assertThat(NameWords.legalForm("Ясень")).isEmpty();
    }

    @Test
    void theTextIsReadAsWordsWithItsLegalFormsApart() {
        assertThat(NameSearch.of("ООО «Прайм»")).contains(new NameSearch("прайм", Set.of("ооо"), "ооо «прайм"));
        assertThat(NameSearch.of("берёза   ДУБ")).contains(new NameSearch("береза дуб", Set.of(), "береза дуб"));
        // legal forms alone are the text
        assertThat(NameSearch.of("ООО")).contains(new NameSearch("ооо", Set.of(), "ооо"));
        assertThat(NameSearch.of("«—»")).isEmpty();
    }

    @Test
    void aNameMatchesInTheFirstTierThatHolds() {
        NameSearch prime = NameSearch.of("прайм").orElseThrow();
        assertThat(prime.tier("ООО «Прайм»", Optional.empty())).isEqualTo(OptionalInt.of(0));
        assertThat(prime.tier("Прайм-Сервис", Optional.empty())).isEqualTo(OptionalInt.of(1));
        assertThat(prime.tier("Торговый дом «Прайм»", Optional.empty())).isEqualTo(OptionalInt.of(2));
        assertThat(prime.tier("Суперпрайм", Optional.empty())).isEqualTo(OptionalInt.of(NameSearch.CONTAINS));
        assertThat(prime.tier("Альфа", Optional.of("ООО «Суперпрайм»"))).isEqualTo(OptionalInt.of(NameSearch.CONTAINS));
        assertThat(prime.tier("Альфа", Optional.empty())).isEmpty();
        // several words: the text starts at a word, its last word may be a word's start
        NameSearch oak = NameSearch.of("береза ду").orElseThrow();
        assertThat(oak.tier("ЗАО «Берёза-Дуб»", Optional.empty())).isEqualTo(OptionalInt.of(1));
        assertThat(oak.tier("Роща «Берёза-Дубрава»", Optional.empty())).isEqualTo(OptionalInt.of(2));
        assertThat(oak.tier("Подберёза-Дуб", Optional.empty())).isEmpty();
    }

    @Test
    void aLegalFormTypedNarrowsToNamesOfThatFormOrOfNone() {
        NameSearch search = NameSearch.of("ЗАО Иванов").orElseThrow();
        assertThat(search.tier("ЗАО «Иванов»", Optional.empty())).isEqualTo(OptionalInt.of(0));
        assertThat(search.tier("Иванов", Optional.empty())).isEqualTo(OptionalInt.of(0));
        assertThat(search.tier("ООО «Иванов»", Optional.empty())).isEmpty();
    }

    @Test
    void textTypedInTheOtherLayoutIsReadInTheRightOne() {
        assertThat(NameSearch.ofOtherLayout("ghfqv")).map(NameSearch::text).contains("прайм");
        assertThat(NameSearch.ofOtherLayout("'nfkjy")).map(NameSearch::text).contains("эталон");
        assertThat(NameSearch.ofOtherLayout("кщьфырлф")).map(NameSearch::text).contains("romashka");
        // both scripts, or none: no guess
        assertThat(NameSearch.ofOtherLayout("ghfqv прайм")).isEmpty();
        assertThat(NameSearch.ofOtherLayout("4567")).isEmpty();
    }

    @Test
    void aNumberIsReadWhateverSpacesDigitsAndSeparatorsItIsTypedWith() {
        assertThat(QuickSearch.number("+7\u00A0916\u2009123\u202F45-67")).contains("+79161234567");
        assertThat(QuickSearch.number("８ (９１６) １２３–４５–６７")).contains("89161234567");
        assertThat(QuickSearch.number("٤٥٦٧")).contains("4567");
        assertThat(QuickSearch.number("45 67 a")).isEmpty();
        assertThat(QuickSearch.number("+-")).isEmpty();
    }

    @Test
    void theSearchBoxReadsEveryTextWithoutThrowing() {
        for (String text : List.of("@", "ivan@", "@prime.ru", "iv@n@", "x".repeat(10_000), "", "\u202E", "7707", "@ @")) {
            assertThat(QuickSearch.parse(text, "RU")).as(text).isNotNull();
        }
        assertThat(QuickSearch.parse("ivan@", "RU").exact()).containsExactly(new ClientCriterion.EmailStartsWith("ivan@"));
        assertThat(QuickSearch.parse("@Prime.RU", "RU").exact()).containsExactly(new ClientCriterion.EmailEndsWith("@prime.ru"));
        assertThat(QuickSearch.parse("@", "RU").exact()).isEmpty();
        assertThat(QuickSearch.parse("45 67", "RU").exact()).contains(new ClientCriterion.PhoneEndsWith("4567"));
    }

    @Test
    void badSearchValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ClientCriterion.PhoneEndsWith("12a4")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("digits"));
        assertThatThrownBy(() -> new ClientCriterion.PhoneEndsWith("123")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ClientCriterion.EmailStartsWith(" ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> new NameSearch("Прайм", Set.of(), "прайм")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> new NameSearch("прайм", Set.of(), "")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("fragment"));
    }
}
