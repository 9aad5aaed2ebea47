package org.crmkit.taxid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InnTest {

    private static InvalidTaxIdException rejected(String raw) {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Inn.parse(raw));
        assertThat(e).as("expected INN %s to be rejected", raw).isNotNull();
        assertThat(e.field()).isEqualTo("inn");
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"7707083893", "7736050003"})
    void validLegalEntityInns(String value) {
        Inn inn = Inn.parse(value);
        assertThat(inn.value()).isEqualTo(value);
        assertThat(inn.isLegalEntity()).isTrue();
        assertThat(inn).isEqualTo(new Inn(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500100732259", "773173084809"})
    void validIndividualInns(String value) {
        Inn inn = Inn.parse(value);
        assertThat(inn.value()).isEqualTo(value);
        assertThat(inn.isLegalEntity()).isFalse();
    }

    @Test
    void parseTrimsWhiteSpaceAroundTheNumber() {
        assertThat(Inn.parse(" \t7707083893\u00A0\n").value()).isEqualTo("7707083893");
    }

    @Test
    void checksumFailureNamesTheExpectedDigit() {
        InvalidTaxIdException e = rejected("7707083894");
        assertThat(e.rejectedValue()).isEqualTo("7707083894");
        assertThat(e.getMessage()).isEqualTo("inn: \"7707083894\" fails its checksum (expected last digit 3)");
    }

    @Test
    void checksumFailureOfA12DigitInnNamesBothDigitsWhenThe11thIsWrong() {
        assertThat(rejected("500100732269").getMessage())
                .isEqualTo("inn: \"500100732269\" fails its checksum (expected last two digits 59)");
        assertThat(rejected("500100732250").getMessage())
                .isEqualTo("inn: \"500100732250\" fails its checksum (expected last digit 9)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "770708389      | must have 10 or 12 digits, not 9",
        "77070838931    | must have 10 or 12 digits, not 11",
        "5001007322590  | must have 10 or 12 digits, not 13",
        "770708389O     | must be digits only (INN has 10 or 12 digits)",
        "7707 083893    | must be digits only (INN has 10 or 12 digits)",
        "-707083893     | must be digits only (INN has 10 or 12 digits)",
        "٧٧٠٧٠٨٣٨٩٣     | must be digits only (INN has 10 or 12 digits)",
        "0000000000     | is all zeros, which no INN is",
        "000000000000   | is all zeros, which no INN is"})
    void malformedInnsAreRejected(String raw, String problem) {
        InvalidTaxIdException e = rejected(raw);
        assertThat(e.rejectedValue()).isEqualTo(raw);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    void missingInnIsRequired() {
        assertThat(rejected(null).problem()).isEqualTo("is required");
        assertThat(rejected(" ").problem()).isEqualTo("is required");
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> new Inn(null));
        assertThat(e.field()).isEqualTo("inn");
        assertThat(e.rejectedValue()).isNull();
    }

    @Test
    void controlCharactersAreRejectedAsTaxIdErrors() {
        InvalidTaxIdException e = rejected("7707\u202E083893");
        assertThat(e.problem()).contains("bidirectional control character");
    }

    @Test
    void constructorDoesNotTrim() {
        assertThat(catchThrowableOfType(InvalidTaxIdException.class, () -> new Inn(" 7707083893")).problem())
                .startsWith("must be digits only");
    }

    /** The vectors: a single typing error in any of them must never pass. */
    @ParameterizedTest
    @ValueSource(strings = {"7707083893", "7736050003", "500100732259", "773173084809"})
    void everySingleDigitChangeOfTheVectorsIsRejected(String valid) {
        for (String changed : SingleDigitChanges.of(valid)) {
            InvalidTaxIdException e = rejected(changed);
            assertThat(e.rejectedValue()).isEqualTo(changed);
        }
        assertThat(SingleDigitChanges.of(valid)).hasSize(valid.length() * 9);
    }
}
