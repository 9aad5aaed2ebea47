package org.crmkit.taxid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KppTest {

    @ParameterizedTest
    @ValueSource(strings = {"773601001", "770701001", "7736AB001", "5001AZ001"})
    void validKpps(String value) {
        assertThat(Kpp.parse(value).value()).isEqualTo(value);
        assertThat(new Kpp(value)).hasToString(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"7736ab001|7736AB001", "7736Ab001|7736AB001", "7736aB001|7736AB001",
        "' 5001az001\u00A0'|5001AZ001", "773601001|773601001"})
    void lowerCaseLettersAreWrittenAsTheTaxOfficeWritesThem(String typed, String written) {
        Kpp kpp = Kpp.parse(typed);
        assertThat(kpp.value()).isEqualTo(written);
        assertThat(Kpp.parse(kpp.value())).isEqualTo(kpp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7736\u0430b001", "7736\u0131b001", "7736\u017Fb001", "7736ab00l"})
    void lookAlikesFromOtherScriptsAreNotRaisedIntoLatin(String typed) {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Kpp.parse(typed));
        assertThat(e.field()).isEqualTo("kpp");
        assertThat(e.rejectedValue()).isEqualTo(typed);
    }

    @Test
    void theRecordItselfStaysCanonical() {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> new Kpp("7736ab001"));
        assertThat(e.field()).isEqualTo("kpp");
    }

    @Test
    void parseTrims() {
        assertThat(Kpp.parse("  773601001 ").value()).isEqualTo("773601001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"77360100", "7736010011", "77A601001", "773601A01", "7736Б1001",
        "7736 1001", "77360100O"})
    void malformedKppsAreRejected(String raw) {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Kpp.parse(raw));
        assertThat(e.field()).isEqualTo("kpp");
        assertThat(e.rejectedValue()).isEqualTo(raw);
        assertThat(e.getMessage()).isEqualTo("kpp: \"" + raw + "\" must be 9 characters: 4 digits, 2 digits or "
                + "Latin letters, 3 digits (e.g. 773601001 or 7736AB001)");
    }

    @Test
    void missingKppIsRequired() {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Kpp.parse(null));
        assertThat(e.field()).isEqualTo("kpp");
        assertThat(e.rejectedValue()).isNull();
        assertThat(e.problem()).isEqualTo("is required");
    }
}
