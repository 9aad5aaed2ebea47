package org.crmkit.taxid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OgrnTest {

    private static InvalidTaxIdException rejected(String raw) {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Ogrn.parse(raw));
        assertThat(e).as("expected OGRN %s to be rejected", raw).isNotNull();
        assertThat(e.field()).isEqualTo("ogrn");
        return e;
    }

    @Test
    void validOgrnOfAnOrganisation() {
        Ogrn ogrn = Ogrn.parse("1037739010891");
        assertThat(ogrn.value()).isEqualTo("1037739010891");
        assertThat(ogrn.isSoleProprietor()).isFalse();
    }

    @Test
    void validOgrnipOfASoleProprietor() {
        Ogrn ogrnip = Ogrn.parse(" 304500116000157 ");
        assertThat(ogrnip.value()).isEqualTo("304500116000157");
        assertThat(ogrnip.isSoleProprietor()).isTrue();
    }

    @Test
    void checksumFailureNamesTheExpectedDigit() {
        assertThat(rejected("1037739010892").getMessage())
                .isEqualTo("ogrn: \"1037739010892\" fails its checksum (expected last digit 1)");
        assertThat(rejected("304500116000150").getMessage())
                .isEqualTo("ogrn: \"304500116000150\" fails its checksum (expected last digit 7)");
    }

    @Test
    void publishedOgrnOfThePensionFundIsValid() {
        assertThat(Ogrn.parse("1027700220624").isSoleProprietor()).isFalse();
    }

    @Test
    void remainderTenGivesCheckDigitZero() {
        // a made-up body: 102770022068 mod 11 = 10, so the check digit is 0
        assertThat(Long.parseLong("102770022068") % 11).isEqualTo(10);
        assertThat(Ogrn.parse("1027700220680").value()).isEqualTo("1027700220680");
        assertThat(rejected("1027700220681").problem()).isEqualTo("fails its checksum (expected last digit 0)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "103773901089     | must have 13 or 15 digits, not 12",
        "10377390108910   | must have 13 or 15 digits, not 14",
        "3045001160001570 | must have 13 or 15 digits, not 16",
        "10377390I0891    | must be digits only (OGRN has 13 or 15 digits)",
        "0000000000000    | is all zeros, which no OGRN is",
        "000000000000000  | is all zeros, which no OGRN is"})
    void malformedOgrnsAreRejected(String raw, String problem) {
        InvalidTaxIdException e = rejected(raw);
        assertThat(e.rejectedValue()).isEqualTo(raw);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    void missingOgrnIsRequired() {
        assertThat(rejected(null).problem()).isEqualTo("is required");
        assertThat(rejected("").problem()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1037739010891", "304500116000157"})
    void everySingleDigitChangeOfTheVectorsIsRejected(String valid) {
        for (String changed : SingleDigitChanges.of(valid)) {
            assertThat(rejected(changed).rejectedValue()).isEqualTo(changed);
        }
    }
}
