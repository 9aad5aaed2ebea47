package org.crmkit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanTextTest {

    private static ValidationException rejected(Runnable call) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call::run);
        assertThat(e).as("expected a ValidationException").isNotNull();
        return e;
    }

    @Test
    void requireTrimsAndNormalisesToNfc() {
        assertThat(CleanText.require("name", "  Фёдор Кузьмич\u00A0 ", 50)).isEqualTo("Фёдор Кузьмич");
        assertThat(CleanText.require("name", "Rene\u0301e", 50)).isEqualTo("Ren\u00E9e");
        assertThat(CleanText.require("name", "Ле\u0308ша", 50)).isEqualTo("Лёша");
    }

    @Test
    void requireKeepsInnerSpacesAndJoiners() {
        assertThat(CleanText.require("name", "Anna  Maria", 50)).isEqualTo("Anna  Maria");
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(CleanText.require("name", family, 50)).isEqualTo(family);
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        assertThat(CleanText.require("name", persian, 50)).isEqualTo(persian);
    }

    @Test
    void requireRejectsNull() {
        ValidationException e = rejected(() -> CleanText.require("name", null, 10));
        assertThat(e.field()).isEqualTo("name");
        assertThat(e.rejectedValue()).isNull();
        assertThat(e.getMessage()).isEqualTo("name: null is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u00A0\u2003", "\u3000"})
    void requireRejectsBlank(String blank) {
        ValidationException e = rejected(() -> CleanText.require("title", blank, 10));
        assertThat(e.field()).isEqualTo("title");
        assertThat(e.rejectedValue()).isEqualTo(blank);
        assertThat(e.problem()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\tb", "a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b",
        "a\u009Bb", "a\u000Bb", "a\u000Cb", "a\u2028b", "a\u2029b"})
    void requireRejectsControlCharactersAndLineBreaks(String value) {
        ValidationException e = rejected(() -> CleanText.require("name", value, 10));
        assertThat(e.field()).isEqualTo("name");
        assertThat(e.rejectedValue()).isEqualTo(value);
        assertThat(e.problem()).containsAnyOf("control character", "line break").contains("at character 2");
        assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u0000", "\u001B");
    }

    @Test
    void errorMessageShowsTheOffendingCharacter() {
        ValidationException e = rejected(() -> CleanText.require("name", "Ivan\nBcc: x", 50));
        assertThat(e.getMessage())
                .isEqualTo("name: \"Ivan\\u000ABcc: x\" contains a line break (U+000A) at character 5; remove it");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        0x061C})
    void requireRejectsBidiControls(int bidi) {
        String value = "invoice" + new String(Character.toChars(bidi)) + "fdp.exe";
        ValidationException e = rejected(() -> CleanText.require("file", value, 50));
        assertThat(e.field()).isEqualTo("file");
        assertThat(e.rejectedValue()).isEqualTo(value);
        assertThat(e.problem()).contains("bidirectional control character")
                .contains(String.format(Locale.ROOT, "U+%04X", bidi));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x00AD, 0xFEFF, 0x2060, 0x2062, 0xE0041})
    void requireRejectsOtherInvisibleFormatCharacters(int format) {
        String value = "ab" + new String(Character.toChars(format)) + "cd";
        ValidationException e = rejected(() -> CleanText.require("name", value, 50));
        assertThat(e.rejectedValue()).isEqualTo(value);
        assertThat(e.problem()).contains("invisible format character");
    }

    @Test
    void requireRejectsUnpairedSurrogates() {
        ValidationException e = rejected(() -> CleanText.require("name", "ab\uD800cd", 50));
        assertThat(e.problem()).contains("unpaired surrogate");
    }

    @Test
    void lengthIsCountedInCodePointsAfterTrimming() {
        assertThat(CleanText.require("name", "  abcde  ", 5)).isEqualTo("abcde");
        String threeEmoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
        assertThat(CleanText.require("name", threeEmoji, 3)).isEqualTo(threeEmoji);
        ValidationException e = rejected(() -> CleanText.require("name", "abcdef", 5));
        assertThat(e.field()).isEqualTo("name");
        assertThat(e.rejectedValue()).isEqualTo("abcdef");
        assertThat(e.problem()).isEqualTo("is too long: 6 characters, at most 5 allowed");
    }

    @Test
    void optionalTreatsMissingAndBlankAsAbsent() {
        assertThat(CleanText.optional("note", null, 10)).isEmpty();
        assertThat(CleanText.optional("note", " \t ", 10)).isEmpty();
        assertThat(CleanText.optional("note", " x ", 10)).contains("x");
    }

    @Test
    void optionalValidatesLikeRequire() {
        ValidationException e = rejected(() -> CleanText.optional("city", "Mos\u202Ecow", 10));
        assertThat(e.field()).isEqualTo("city");
        assertThat(e.rejectedValue()).isEqualTo("Mos\u202Ecow");
        ValidationException tooLong = rejected(() -> CleanText.optional("city", "Moscow", 3));
        assertThat(tooLong.problem()).contains("at most 3");
    }

    @Test
    void multilineKeepsLineFeedsAndTabsAndNormalisesCrLf() {
        assertThat(CleanText.multiline("note", "\r\n first\r\nsecond\n\tthird \r\n\r\n", 100))
                .contains("first\nsecond\n\tthird");
        assertThat(CleanText.multiline("note", null, 10)).isEmpty();
        assertThat(CleanText.multiline("note", "\r\n\n", 10)).isEmpty();
    }

    @Test
    void multilineCountsLengthAfterNormalisingLineBreaks() {
        assertThat(CleanText.multiline("note", "ab\r\ncd", 5)).contains("ab\ncd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\u0000b", "a\u202Eb", "a\u000Bb", "a\u2028b", "a\u0085b", "a\u200Bb"})
    void multilineRejectsOtherControlsAndBreaks(String value) {
        ValidationException e = rejected(() -> CleanText.multiline("note", value, 10));
        assertThat(e.field()).isEqualTo("note");
        assertThat(e.rejectedValue()).isEqualTo(value);
        assertThat(e.problem()).startsWith("contains ");
    }

    @Test
    void foldLowerCasesCollapsesSpacesAndReadsYoAsYe() {
        assertThat(CleanText.fold("  Фёдоров   ИВАН\tПетрович\u00A0\n")).isEqualTo("федоров иван петрович");
        assertThat(CleanText.fold("ЁЛКИН")).isEqualTo("елкин");
        assertThat(CleanText.fold("Е\u0308лкин")).isEqualTo("елкин");
        assertThat(CleanText.fold("Rene\u0301e")).isEqualTo("ren\u00E9e");
        assertThat(CleanText.fold(null)).isEmpty();
        assertThat(CleanText.fold(" \t ")).isEmpty();
    }

    @Test
    void foldKeepsOtherDiaeresesAndOtherLettersWithAccents() {
        assertThat(CleanText.fold("Müller")).isEqualTo("müller");
        assertThat(CleanText.fold("ЇЖАК")).isEqualTo("їжак");
        // ѐ (е with grave) is not ё and stays
        assertThat(CleanText.fold("\u0400")).isEqualTo("\u0450");
    }

    @Test
    void foldDropsEveryDiaeresisOnYeSoThatFoldingTwiceChangesNothing() {
        // found by CleanTextProperties: ё followed by a second U+0308 once folded to "ё"
        assertThat(CleanText.fold("\u0451\u0308")).isEqualTo("е");
        assertThat(CleanText.fold("\u0435\u0323\u0308")).isEqualTo(CleanText.fold("\u0435\u0323"));
    }

    @Test
    void foldDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            assertThat(CleanText.fold("TITLE I")).isEqualTo("title i");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
