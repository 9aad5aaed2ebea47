package org.crmkit.taxid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KppTest {

    @ParameterizedTest
    @ValueSource(strings = {"773601001", "770701001", "7736AB001", "5001AZ001"})
    void validKpps(String value) {
        assertThat(Kpp.parse(value).value()).isEqualTo(value);
        assertThat(new Kpp(value)).hasToString(value);
    }

    @Test
    void parseTrims() {
        assertThat(Kpp.parse("  773601001 ").value()).isEqualTo("773601001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"77360100", "7736010011", "7736ab001", "77A601001", "773601A01", "7736Б1001",
        "7736 1001", "77360100O"})
    void malformedKppsAreRejected(String raw) {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Kpp.parse(raw));
        assertThat(e.field()).isEqualTo("kpp");
        assertThat(e.rejectedValue()).isEqualTo(raw);
        assertThat(e.getMessage()).isEqualTo("kpp: \"" + raw + "\" must be 9 characters: 4 digits, 2 digits or "
                + "capital Latin letters, 3 digits (e.g. 773601001)");
    }

    @Test
    void missingKppIsRequired() {
        InvalidTaxIdException e = catchThrowableOfType(InvalidTaxIdException.class, () -> Kpp.parse(null));
        assertThat(e.field()).isEqualTo("kpp");
        assertThat(e.rejectedValue()).isNull();
        assertThat(e.problem()).isEqualTo("is required");
    }
}
