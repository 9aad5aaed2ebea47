package org.crmkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

class NameWordsTest {

    @Test
    void aNameIsCutAtEverythingButLettersDigitsAndMarksAndFolded() {
        assertThat(NameWords.of("ООО «Пермь-63»")).containsExactly("ооо", "пермь", "63");
        assertThat(NameWords.of("  Ёлка-Маркет, ёлка!")).containsExactly("елка", "маркет");
        assertThat(NameWords.of("ИП Лазарев С. С.")).containsExactly("ип", "лазарев", "с");
        assertThat(NameWords.of("Йошкар-Ола")).containsExactly("йошкар", "ола");
        // a combining acute stays inside its word
        assertThat(NameWords.of("за\u0301мок")).containsExactly("за\u0301мок");
        assertThat(NameWords.of("«»—")).isEmpty();
    }

    @Test
    void oneWordIsNotEmptyAndHasNoSeparator() {
        assertThat(NameWords.isWord("пермь")).isTrue();
        assertThat(NameWords.isWord("63")).isTrue();
        assertThat(NameWords.isWord("")).isFalse();
        assertThat(NameWords.isWord("пермь 63")).isFalse();
        assertThat(NameWords.isWord("пермь-63")).isFalse();
    }

    @Test
    void trimmingDropsWhatCannotBePartOfAWordAtBothEnds() {
        assertThat(NameWords.trim("«радуга-»")).isEqualTo("радуга");
        assertThat(NameWords.trim(" полюс-ст ")).isEqualTo("полюс-ст");
        assertThat(NameWords.trim("\uD83D\uDE00пермь\uD83D\uDE00")).isEqualTo("пермь");
        assertThat(NameWords.trim("«»")).isEmpty();
    }

    @Test
    void theWordCriterionTakesOneWordAndNamesTheField() {
        assertThat(new ClientCriterion.NameWordStartsWith(" Пёрм ").prefix()).isEqualTo("перм");
        assertThatThrownBy(() -> new ClientCriterion.NameWordStartsWith("пермь 63"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining("пермь 63");
        assertThatThrownBy(() -> new ClientCriterion.NameWordStartsWith("«»"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
