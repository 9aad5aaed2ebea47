package org.crmkit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    private static ValidationException rejected(String field, String raw, String region) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PhoneNumber.parse(field, raw, region));
        assertThat(e).as("expected %s to be rejected", raw).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.rejectedValue()).isEqualTo(raw);
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"8 (916) 123-45-67", "+7 916 1234567", "89161234567", "9161234567", "+44 20 7946 0018"})
    void aSearchReadsEveryValidNumberAsParseDoes(String raw) {
        assertThat(PhoneNumber.searchable(raw, "RU")).contains(PhoneNumber.parse("phone", raw, "RU"));
    }

    @Test
    void aSearchReadsANumberThePlanDoesNotHoldValidAndRefusesNothing() {
        // +7 123… has no Russian area code: parse refuses it, a search reads it (and finds no stored number)
        assertThat(rejected("phone", "+7 123 456 78 90", "RU").getMessage()).contains("not a valid phone number");
        assertThat(PhoneNumber.searchable("+7 123 456 78 90", "RU")).contains(new PhoneNumber("+71234567890"));
        assertThat(PhoneNumber.searchable("ООО Ромашка", "RU")).isEmpty();
        assertThat(PhoneNumber.searchable("+7 916 123-45-67 доб. 12", "RU")).isEmpty();
        assertThat(PhoneNumber.searchable("+1234567890123456789", "RU")).isEmpty();
        assertThat(PhoneNumber.searchable(null, "RU")).isEmpty();
        assertThat(PhoneNumber.searchable("9161234567", null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8 (916) 123-45-67", "+7 916 1234567", "89161234567", "+7-916-123-45-67",
        "7 916 123 45 67", "9161234567", "  +7 (916) 123 45 67  ", "+7\u00A0916\u00A0123\u201145\u201167"})
    void russianWaysOfWritingOneNumberGiveOneValue(String raw) {
        PhoneNumber phone = PhoneNumber.parse("phone", raw, "RU");
        assertThat(phone.e164()).isEqualTo("+79161234567");
        assertThat(phone).isEqualTo(new PhoneNumber("+79161234567"));
    }

    @Test
    void formsForDisplayAndForGateways() {
        PhoneNumber phone = PhoneNumber.parse("phone", "8 (916) 123-45-67", "RU");
        assertThat(phone.international()).isEqualTo("+7 916 123-45-67");
        assertThat(phone.digits()).isEqualTo("79161234567");
        assertThat(phone).hasToString("+79161234567");
    }

    @ParameterizedTest
    @CsvSource({
        "+1 650-253-0000, RU, +16502530000, +1 650-253-0000",
        "(650) 253-0000,  US, +16502530000, +1 650-253-0000",
        "+44 20 7946 0958, , +442079460958, +44 20 7946 0958",
        "8 800 555-35-35, RU, +78005553535, +7 800 555-35-35",
        "8 (495) 123-45-67, ru, +74951234567, +7 495 123-45-67"})
    void otherCountriesAndLineTypes(String raw, String region, String e164, String international) {
        PhoneNumber phone = PhoneNumber.parse("phone", raw, region);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.international()).isEqualTo(international);
    }

    @Test
    void invalidNumberForTheRegionNamesTheRegion() {
        ValidationException e = rejected("phone", "8 (123) 456-78-90", "RU");
        assertThat(e.getMessage()).isEqualTo("phone: \"8 (123) 456-78-90\" is not a valid phone number for region RU");
    }

    @Test
    void invalidNumberWithACountryCodeNamesTheCountry() {
        ValidationException e = rejected("contacts[0].value", "+7 123 456-78-90", "RU");
        assertThat(e.problem()).isEqualTo("is not a valid phone number for country code +7 (RU)");
    }

    @ParameterizedTest
    @CsvSource({
        "12,                     is not a valid phone number for region RU",
        "8 916 123-45-6,         is not a valid phone number for region RU",
        "+7 916 123 45 67 8,     is not a valid phone number for country code +7 (RU)",
        "abc,                    is not a phone number",
        "123456789012345678901,  is too long to be a phone number",
        "+999 1234567,           is not a phone number: no known country code follows the '+'"})
    void malformedNumbersAreRejected(String raw, String problem) {
        assertThat(rejected("phone", raw, "RU").problem()).isEqualTo(problem);
    }

    @Test
    void numbersLongerThanE164AllowsAreRejectedUnderTheCallersField() {
        // found by PhoneNumberProperties: libphonenumber holds this German number valid, with 16 digits
        assertThat(rejected("contacts[0].value", "+4920100000000000", "RU").problem())
                .isEqualTo("has 16 digits with its country code; E.164 allows at most 15");
    }

    @Test
    void withoutADefaultRegionAPlusIsNeeded() {
        assertThat(PhoneNumber.parse("phone", "+79161234567", null).e164()).isEqualTo("+79161234567");
        assertThat(rejected("phone", "89161234567", null).problem())
                .isEqualTo("is not a phone number: without a default region it needs a '+' and the country code");
    }

    @Test
    void extensionsAreRefusedRatherThanDropped() {
        assertThat(rejected("phone", "+7 916 123-45-67 ext. 123", "RU").problem())
                .isEqualTo("has an extension (123); store the extension separately");
    }

    @Test
    void missingBlankAndControlCharactersAreRejected() {
        assertThat(rejected("phone", null, "RU").problem()).isEqualTo("is required");
        assertThat(rejected("phone", "  ", "RU").problem()).isEqualTo("is required");
        // a line break at the end is white space around the value, not inside it
        assertThat(PhoneNumber.parse("phone", "+79161234567\r\n", "RU").e164()).isEqualTo("+79161234567");
        assertThat(rejected("phone", "+7916\n1234567", "RU").problem()).contains("line break");
        assertThat(rejected("phone", "+7916\u202E1234567", "RU").problem()).contains("bidirectional");
    }

    @ParameterizedTest
    @ValueSource(strings = {"79161234567", "+0123456789", "+123456", "+1234567890123456", "+7 916 1234567", ""})
    void constructorAcceptsOnlyE164(String value) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> new PhoneNumber(value));
        assertThat(e.field()).isEqualTo("phone");
        assertThat(e.rejectedValue()).isEqualTo(value);
        assertThat(e.problem()).startsWith("is not a phone number in E.164 form");
    }

    @Test
    void constructorAcceptsShortestAndLongestE164() {
        assertThat(new PhoneNumber("+1234567").digits()).isEqualTo("1234567");
        assertThat(new PhoneNumber("+123456789012345").digits()).isEqualTo("123456789012345");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new PhoneNumber(null)).rejectedValue())
                .isNull();
    }

    @Test
    void internationalFallsBackToE164ForAnUnknownCountryCode() {
        assertThat(new PhoneNumber("+9991234567").international()).isEqualTo("+9991234567");
    }
}
