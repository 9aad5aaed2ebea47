package org.crmkit.taxid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known valid OKPO codes, published outside this project:
 * 00032537 (Sberbank) and 00040778 (Gazprom), whose first pass gives the check digit directly;
 * 00242766, 0164667059 and 0193366363 from the tests of a public JavaScript OKPO validator;
 * 47296611, 60419873 and 0194265277 from the tests of the public do-/node-ru-codes library.
 * 60419873 is the one whose first remainder is 10, so it checks the second pass (weights from 3).
 */
class OkpoTest {

    private static InvalidTaxIdException rejected(String raw) {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Okpo.parse(raw));
        assertThat(e).as("expected OKPO %s to be rejected", raw).isNotNull();
        assertThat(e.field()).isEqualTo("okpo");
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"00032537", "00040778", "00242766", "47296611", "60419873"})
    void validOkposOfOrganisations(String value) {
        Okpo okpo = Okpo.parse(value);
        assertThat(okpo.value()).isEqualTo(value);
        assertThat(okpo.isSoleProprietor()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0164667059", "0193366363", "0194265277"})
    void validOkposOfSoleProprietors(String value) {
        Okpo okpo = Okpo.parse(value);
        assertThat(okpo.value()).isEqualTo(value);
        assertThat(okpo.isSoleProprietor()).isTrue();
    }

    @Test
    void secondPassIsUsedWhenTheFirstRemainderIsTen() {
        // 6041987: 6*1+0*2+4*3+1*4+9*5+8*6+7*7 = 164 = 14*11 + 10; second pass 6*3+0*4+4*5+1*6+9*7+8*8+7*9 = 234 = 21*11 + 3
        assertThat(Okpo.parse("60419873").value()).isEqualTo("60419873");
        assertThat(rejected("60419870").getMessage())
                .isEqualTo("okpo: \"60419870\" fails its checksum (expected last digit 3)");
    }

    @Test
    void checkDigitIsZeroWhenBothPassesGiveTen() {
        // 7675829: first pass 153 = 13*11 + 10, second pass 241 = 21*11 + 10
        assertThat(Okpo.parse("76758290").value()).isEqualTo("76758290");
        assertThat(rejected("76758291").problem()).isEqualTo("fails its checksum (expected last digit 0)");
    }

    @Test
    void checksumFailureNamesTheExpectedDigit() {
        assertThat(rejected("00242765").getMessage())
                .isEqualTo("okpo: \"00242765\" fails its checksum (expected last digit 6)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0024276      | must have 8 or 10 digits, not 7",
        "016466705    | must have 8 or 10 digits, not 9",
        "01646670591  | must have 8 or 10 digits, not 11",
        "00242abc     | must be digits only (OKPO has 8 or 10 digits)",
        "00000000     | is all zeros, which no OKPO is"})
    void malformedOkposAreRejected(String raw, String problem) {
        InvalidTaxIdException e = rejected(raw);
        assertThat(e.rejectedValue()).isEqualTo(raw);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    void missingOkpoIsRequired() {
        assertThat(rejected(null).problem()).isEqualTo("is required");
    }

    @Test
    void everySingleDigitChangeOfTheCheckDigitIsRejected() {
        for (String valid : new String[] {"00032537", "60419873", "0194265277"}) {
            String body = valid.substring(0, valid.length() - 1);
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(valid.length() - 1)) {
                    assertThat(rejected(body + d).rejectedValue()).isEqualTo(body + d);
                }
            }
        }
    }
}
