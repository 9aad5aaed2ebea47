package org.crmkit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PhoneNumberProperties {

    /** A Russian mobile number without the country code: 9XX and seven digits. */
    private static Gen<String> russianMobile() {
        return integers().between(900, 999).zip(integers().between(0, 9_999_999),
                (operator, subscriber) -> operator + String.format("%07d", subscriber));
    }

    /** The ways people in Russia write a mobile number. {@code n} is the ten digits 9XXXXXXXXX. */
    private static final List<Function<String, String>> FORMATS = List.of(
            n -> "8 (" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8),
            n -> "+7 " + n.substring(0, 3) + " " + n.substring(3),
            n -> "8" + n,
            n -> "+7-" + n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8),
            n -> "7 " + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6, 8) + " " + n.substring(8));

    @Test
    void everyUsualFormatOfARussianMobileGivesTheSameE164() {
        qt().forAll(russianMobile(), Generate.range(0, FORMATS.size() - 1)).checkAssert((number, format) -> {
            String typed = FORMATS.get(format).apply(number);
            assertThat(PhoneNumber.parse("phone", typed, "RU").e164()).as(typed).isEqualTo("+7" + number);
        });
    }

    @Test
    void parsingIsIdempotent() {
        qt().forAll(russianMobile(), Generate.range(0, FORMATS.size() - 1)).checkAssert((number, format) -> {
            PhoneNumber phone = PhoneNumber.parse("phone", FORMATS.get(format).apply(number), "RU");
            assertThat(PhoneNumber.parse("phone", phone.e164(), "RU")).isEqualTo(phone);
            assertThat(PhoneNumber.parse("phone", phone.international(), "RU")).isEqualTo(phone);
            // with a '+' the default region does not matter
            assertThat(PhoneNumber.parse("phone", phone.e164(), "DE")).isEqualTo(phone);
            assertThat(PhoneNumber.parse("phone", phone.international(), null)).isEqualTo(phone);
            assertThat(new PhoneNumber(phone.e164())).isEqualTo(phone);
            assertThat(phone.digits()).isEqualTo(phone.e164().substring(1));
        });
    }

    @Test
    void anyInputEitherParsesToE164OrIsRejectedNamingFieldAndValue() {
        Gen<String> phoneLike = strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 20)
                .mix(strings().betweenCodePoints('0', '9').ofLengthBetween(5, 16).map(s -> "+" + s))
                .mix(strings().betweenCodePoints('0', '9').ofLengthBetween(5, 16));
        qt().forAll(phoneLike).checkAssert(raw -> {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> assertThat(PhoneNumber.parse("contacts[0].value", raw, "RU").e164())
                            .matches("\\+[1-9]\\d{6,14}"));
            if (e != null) {
                assertThat(e.field()).isEqualTo("contacts[0].value");
                assertThat(e.rejectedValue()).isEqualTo(raw);
                assertThat(e.problem()).isNotBlank();
            }
        });
    }
}
