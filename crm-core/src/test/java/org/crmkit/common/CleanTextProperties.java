package org.crmkit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CleanTextProperties {

    /** Characters that matter to the rules: white space, breaks, controls, bidi, joiners, ё in all forms. */
    private static final List<Integer> INTERESTING = List.of(
            (int) ' ', (int) '\t', (int) '\n', (int) '\r', 0x0B, 0x0C, 0x00, 0x1B, 0x7F, 0x85, 0x9B, 0xA0, 0x2003,
            0x2028, 0x2029, 0x3000, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069,
            0x061C, 0xFEFF, 0x00AD, 0xE0041, 0x0301, 0x0308, 0x0300, 0x0323, 0x0435, 0x0415, 0x0451, 0x0401,
            0x0400, 0x0450, 0x0130, 0x0131, 0x03A3, 0x00DF, 0x1E9E, 0x2000, 0xD800, 0xDC00, 0x1F600, 0x1F468);

    private static final String RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ ";

    private static Gen<Integer> codePoint() {
        return Generate.frequency(
                Pair.of(5, Generate.pick(INTERESTING)),
                Pair.of(4, integers().between(0x20, 0x7E)),
                Pair.of(3, integers().between(0x0400, 0x04FF)),
                Pair.of(2, integers().between(0, 0xFFFF)),
                Pair.of(1, integers().between(0x10000, 0x10FFFF)));
    }

    private static Gen<String> text() {
        return lists().of(codePoint()).ofSizeBetween(0, 30).map(cps -> {
            StringBuilder out = new StringBuilder();
            cps.forEach(out::appendCodePoint);
            return out.toString();
        });
    }

    private static Gen<String> russian() {
        return lists().of(Generate.range(0, RUSSIAN.length() - 1)).ofSizeBetween(0, 30).map(indexes -> {
            StringBuilder out = new StringBuilder();
            indexes.forEach(i -> out.append(RUSSIAN.charAt(i)));
            return out.toString();
        });
    }

    private static Optional<String> tryRequire(String value, int max) {
        try {
            return Optional.of(CleanText.require("name", value, max));
        } catch (ValidationException e) {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.rejectedValue()).isEqualTo(value);
            return Optional.empty();
        }
    }

    private static Optional<String> tryMultiline(String value) {
        try {
            return CleanText.multiline("note", value, 1000);
        } catch (ValidationException e) {
            assertThat(e.field()).isEqualTo("note");
            return Optional.empty();
        }
    }

    private static boolean isForbiddenAnywhere(int cp) {
        return (Character.isISOControl(cp) && cp != '\n' && cp != '\t')
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C
                || (Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D)
                || Character.getType(cp) == Character.SURROGATE
                || cp == 0x2028 || cp == 0x2029;
    }

    @Test
    void requireIsIdempotent() {
        qt().forAll(text()).checkAssert(value -> tryRequire(value, 50).ifPresent(once -> {
            assertThat(CleanText.require("name", once, 50)).isEqualTo(once);
            assertThat(CleanText.optional("name", once, 50)).contains(once);
        }));
    }

    @Test
    void multilineIsIdempotent() {
        qt().forAll(text()).checkAssert(value -> tryMultiline(value).ifPresent(once ->
                assertThat(CleanText.multiline("note", once, 1000)).contains(once)));
    }

    @Test
    void outputNeverHoldsControlBidiOrInvisibleCharacters() {
        qt().forAll(text()).checkAssert(value -> {
            tryRequire(value, 50).ifPresent(out -> {
                assertThat(out.codePoints()).noneMatch(CleanTextProperties::isForbiddenAnywhere);
                assertThat(out).doesNotContain("\n", "\t");
                assertThat(out).isNotBlank().isEqualTo(out.strip());
                assertThat(out.codePointCount(0, out.length())).isLessThanOrEqualTo(50);
            });
            tryMultiline(value).ifPresent(out -> {
                assertThat(out.codePoints()).noneMatch(CleanTextProperties::isForbiddenAnywhere);
                assertThat(out).doesNotContain("\r");
            });
        });
    }

    @Test
    void enoughGeneratedTextIsAcceptedForThePropertiesAboveToMeanSomething() {
        int[] accepted = {0};
        qt().withExamples(1000).withFixedSeed(42).forAll(text())
                .checkAssert(value -> tryRequire(value, 50).ifPresent(out -> accepted[0]++));
        assertThat(accepted[0]).isGreaterThan(50);
    }

    @Test
    void foldIsIdempotent() {
        qt().forAll(text()).checkAssert(value -> {
            String folded = CleanText.fold(value);
            assertThat(CleanText.fold(folded)).isEqualTo(folded);
        });
    }

    @Test
    void foldTreatsYoAndYeAlike() {
        qt().forAll(text().mix(russian())).checkAssert(value -> {
            String yeOnly = value.replace('ё', 'е').replace('Ё', 'Е');
            assertThat(CleanText.fold(yeOnly)).isEqualTo(CleanText.fold(value));
            assertThat(CleanText.fold(value)).doesNotContain("ё", "е\u0308");
        });
    }

    @Test
    void foldIgnoresCaseAndSpacingOfRussianText() {
        qt().forAll(russian()).checkAssert(value -> {
            String folded = CleanText.fold(value);
            assertThat(CleanText.fold(value.toUpperCase(Locale.ROOT))).isEqualTo(folded);
            assertThat(CleanText.fold("  " + value.replace(" ", " \t\u00A0") + "\n")).isEqualTo(folded);
            assertThat(folded).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        });
    }
}
