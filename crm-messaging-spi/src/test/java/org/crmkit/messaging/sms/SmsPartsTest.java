package org.crmkit.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsPartsTest {

    @ParameterizedTest(name = "{0} Cyrillic letters are {1} part(s)")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4"})
    void cyrillicLettersAreUcs2With70And67PerPart(int letters, int parts) {
        SmsParts smsParts = SmsParts.of("Ж".repeat(letters));

        assertThat(smsParts).isEqualTo(new SmsParts(SmsEncoding.UCS2, letters, parts));
    }

    @ParameterizedTest(name = "{0} GSM-7 letters are {1} part(s)")
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void gsm7LettersAre160And153PerPart(int letters, int parts) {
        SmsParts smsParts = SmsParts.of("a".repeat(letters));

        assertThat(smsParts).isEqualTo(new SmsParts(SmsEncoding.GSM7, letters, parts));
    }

    @Test
    void oneCyrillicLetterForcesUcs2OnAnOtherwiseGsm7Text() {
        SmsParts smsParts = SmsParts.of("a".repeat(100) + "я");

        assertThat(smsParts).isEqualTo(new SmsParts(SmsEncoding.UCS2, 101, 2));
    }

    @ParameterizedTest(name = "extension character {0} takes two septets")
    @ValueSource(strings = {"€", "[", "]", "{", "}", "^", "~", "\\", "|", "\f"})
    void extensionCharactersCountTwice(String extension) {
        assertThat(SmsParts.of(extension)).isEqualTo(new SmsParts(SmsEncoding.GSM7, 2, 1));
        assertThat(SmsParts.of(extension.repeat(80))).isEqualTo(new SmsParts(SmsEncoding.GSM7, 160, 1));
        assertThat(SmsParts.of(extension.repeat(81))).isEqualTo(new SmsParts(SmsEncoding.GSM7, 162, 2));
    }

    @Test
    void gsm7DefaultAlphabetIncludingAccentsAndGreekStaysGsm7() {
        String basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        assertThat(basic).hasSize(127);
        assertThat(SmsParts.of(basic)).isEqualTo(new SmsParts(SmsEncoding.GSM7, 127, 1));
    }

    @ParameterizedTest(name = "{0} is not GSM-7")
    @ValueSource(strings = {"á", "ç", "ё", "`", "\u001B", "\u0000", "\t", "€uro ok but ç not"})
    void charactersOutsideGsm7ForceUcs2(String text) {
        assertThat(SmsParts.of(text).encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void surrogatePairsCountTwice() {
        assertThat(SmsParts.of("👍")).isEqualTo(new SmsParts(SmsEncoding.UCS2, 2, 1));
        assertThat(SmsParts.of("👍".repeat(35))).isEqualTo(new SmsParts(SmsEncoding.UCS2, 70, 1));
        assertThat(SmsParts.of("👍".repeat(36))).isEqualTo(new SmsParts(SmsEncoding.UCS2, 72, 2));
    }

    @Test
    void splitNeverBreaksAnEscapePair() {
        String text = "a".repeat(152) + "€" + "b".repeat(100);

        List<String> parts = SmsParts.split(text);

        assertThat(parts).containsExactly("a".repeat(152), "€" + "b".repeat(100));
        assertThat(SmsParts.of(text).count()).isEqualTo(2);
    }

    @Test
    void anEscapePairPushedToTheNextPartCanCostAnExtraPart() {
        // 306 septets would fit two parts of 153, but the euro sign cannot straddle them
        String text = "a".repeat(152) + "€" + "b".repeat(152);

        assertThat(SmsParts.of(text).units()).isEqualTo(306);
        assertThat(SmsParts.split(text)).containsExactly("a".repeat(152), "€" + "b".repeat(151), "b");
        assertThat(SmsParts.of(text).count()).isEqualTo(3);
    }

    @Test
    void splitNeverBreaksASurrogatePair() {
        String text = "Ж".repeat(66) + "👍" + "Ж".repeat(10);

        List<String> parts = SmsParts.split(text);

        assertThat(parts).containsExactly("Ж".repeat(66), "👍" + "Ж".repeat(10));
    }

    @Test
    void splitPartsRejoinToTheText() {
        String text = "Здравствуйте! ".repeat(20) + "👍🎉";

        List<String> parts = SmsParts.split(text);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).hasSize(SmsParts.of(text).count()).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(67));
    }

    @Test
    void aTextThatFitsOnePartIsNotSplit() {
        assertThat(SmsParts.split("a".repeat(160))).containsExactly("a".repeat(160));
        assertThat(SmsParts.split("Ж".repeat(70))).containsExactly("Ж".repeat(70));
        assertThat(SmsParts.split("")).containsExactly("");
        assertThat(SmsParts.of("")).isEqualTo(new SmsParts(SmsEncoding.GSM7, 0, 1));
    }
}
