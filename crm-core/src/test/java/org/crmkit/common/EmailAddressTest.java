package org.crmkit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    private static ValidationException rejected(String raw) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> EmailAddress.parse(raw));
        assertThat(e).as("expected %s to be rejected", raw).isNotNull();
        assertThat(e.field()).isEqualTo("email");
        assertThat(e.rejectedValue()).isEqualTo(raw);
        return e;
    }

    @Test
    void internationalDomainBecomesPunycodeAndComesBackForDisplay() {
        EmailAddress email = EmailAddress.parse("Info@Пример.РФ");
        assertThat(email.value()).isEqualTo("Info@xn--e1afmkfd.xn--p1ai");
        assertThat(email.unicodeDomainForm()).isEqualTo("Info@пример.рф");
        assertThat(email.localPart()).isEqualTo("Info");
        assertThat(email.domain()).isEqualTo("xn--e1afmkfd.xn--p1ai");
    }

    @Test
    void trimsAndLowerCasesTheDomainButKeepsTheLocalPart() {
        assertThat(EmailAddress.parse("  John.Doe@Example.COM \t").value()).isEqualTo("John.Doe@example.com");
    }

    @Test
    void asciiAddressLooksTheSameForDisplay() {
        assertThat(EmailAddress.parse("anna@example.com").unicodeDomainForm()).isEqualTo("anna@example.com");
    }

    static Stream<Arguments> goodAddresses() {
        return Stream.of(
                Arguments.of("o'brien+crm@example.co.uk", "o'brien+crm@example.co.uk"),
                Arguments.of("a!#$%&*/=?^_`{|}~-x@example.com", "a!#$%&*/=?^_`{|}~-x@example.com"),
                Arguments.of("иван.петров@почта.рф", "иван.петров@xn--80a1acny.xn--p1ai"),
                Arguments.of("x@mail-1.example.travel", "x@mail-1.example.travel"),
                Arguments.of("user@xn--e1afmkfd.xn--p1ai", "user@xn--e1afmkfd.xn--p1ai"),
                Arguments.of("user@ПРИМЕР\uFF0EРФ", "user@xn--e1afmkfd.xn--p1ai"),
                Arguments.of("user@пример\u3002рф", "user@xn--e1afmkfd.xn--p1ai"),
                Arguments.of("a@b.co", "a@b.co"));
    }

    @ParameterizedTest
    @MethodSource("goodAddresses")
    void acceptsCommonAndInternationalAddresses(String raw, String expected) {
        assertThat(EmailAddress.parse(raw).value()).isEqualTo(expected);
    }

    @Test
    void localPartInUnicodeIsNormalisedToNfc() {
        assertThat(EmailAddress.parse("jose\u0301@example.com").value()).isEqualTo("jos\u00E9@example.com");
    }

    @Test
    void spacesInsideAreRejectedWithAClearMessage() {
        ValidationException e = rejected("wqdqdas@sfgsr wert wert");
        assertThat(e.getMessage()).isEqualTo("email: \"wqdqdas@sfgsr wert wert\" contains a space; "
                + "an e-mail address has none (is it two addresses, or a name?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com\r\nBcc: victim@example.org", "a@example.com\nx", "a\r@example.com",
        "a@example.com\n", "\r\na@example.com"})
    void lineBreaksAreRejected(String raw) {
        assertThat(rejected(raw).problem()).isEqualTo("contains a line break");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000@example.com", "a@exam\u0007ple.com", "a\u007F@example.com"})
    void controlCharactersAreRejected(String raw) {
        assertThat(rejected(raw).problem()).startsWith("contains a control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin\u202E@example.com", "a@exa\u200Bmple.com", "a\u00AD@example.com"})
    void invisibleCharactersAreRejected(String raw) {
        assertThat(rejected(raw).problem()).startsWith("contains an invisible character");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "plainaddress                   | has no '@'; an e-mail address looks like name@example.com",
        "a@b@example.com                | has more than one '@'",
        "@example.com                   | has nothing before the '@'",
        "anna@                          | has nothing after the '@'",
        ".anna@example.com              | has a dot at the start or end of the part before the '@'",
        "anna.@example.com              | has a dot at the start or end of the part before the '@'",
        "an..na@example.com             | has two dots in a row before the '@'",
        "anna@localhost                 | has a domain without a dot (\"localhost\"); a full domain such as example.com is needed",
        "anna@example..com              | has an empty part in its domain (a dot at the start or end, or two dots in a row)",
        "anna@example.com.              | has an empty part in its domain (a dot at the start or end, or two dots in a row)",
        "anna@.example.com              | has an empty part in its domain (a dot at the start or end, or two dots in a row)",
        "anna@10.0.0.1                  | has a top-level domain of digits only (\"1\")",
        "anna@[10.0.0.1]                | has an IP address as its domain; that is not supported",
        "anna@ex_ample.com              | has an invalid domain part \"ex_ample\": only letters, digits and inner hyphens are allowed",
        "anna@-example.com              | has an invalid domain part \"-example\": only letters, digits and inner hyphens are allowed",
        "anna@example-.com              | has an invalid domain part \"example-\": only letters, digits and inner hyphens are allowed",
        "an(na)@example.com             | has a character not allowed before the '@': '('",
        "an,na@example.com              | has a character not allowed before the '@': ','",
        "anna@straße.de                 | has 'ß' in its domain, which the two IDNA standards convert to different domains; give the domain in its xn-- form"})
    void malformedAddressesAreRejectedWithTheReason(String raw, String problem) {
        assertThat(rejected(raw).problem()).isEqualTo(problem);
    }

    @Test
    void quotedLocalPartsAreNotSupported() {
        assertThat(rejected("\"john doe\"@example.com").problem()).contains("a space");
        assertThat(rejected("\"john\"@example.com").problem())
                .isEqualTo("has a quoted local part or a quote character; quoted addresses are not supported");
    }

    @Test
    void localPartIsAtMost64Octets() {
        String local64 = "a".repeat(64);
        assertThat(EmailAddress.parse(local64 + "@example.com").localPart()).isEqualTo(local64);
        ValidationException e = rejected("a".repeat(65) + "@example.com");
        assertThat(e.problem()).isEqualTo("has a part before the '@' of 65 bytes; at most 64 are allowed");
        // 32 Cyrillic letters are 64 octets in UTF-8; 33 are too many
        assertThat(EmailAddress.parse("я".repeat(32) + "@example.com")).isNotNull();
        assertThat(rejected("я".repeat(33) + "@example.com").problem()).contains("66 bytes");
    }

    @Test
    void domainLabelIsAtMost63Characters() {
        assertThat(EmailAddress.parse("a@" + "b".repeat(63) + ".com")).isNotNull();
        assertThat(rejected("a@" + "b".repeat(64) + ".com").problem()).contains("too long (at most 63");
    }

    @Test
    void internationalDomainLabelIsMeasuredInItsPunycodeForm() {
        // 50 different Cyrillic letters fit in 63 characters, but their punycode form (68) does not
        String alphabet = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            letters.append(alphabet.charAt(i * 7 % 32));
        }
        String label = letters.toString();
        assertThat(EmailAddress.parse("a@" + label.substring(0, 45) + ".рф").domain()).hasSize(63 + ".xn--p1ai".length());
        assertThat(rejected("a@" + label + ".рф").problem())
                .isEqualTo("has a domain part \"" + label + "\" that is too long (at most 63 characters in ASCII form)");
    }

    @Test
    void wholeAddressIsAtMost254Octets() {
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com"; // 195
        String fits = "a".repeat(254 - 1 - domain.length()) + "@" + domain;
        assertThat(fits).hasSize(254);
        assertThat(EmailAddress.parse(fits).value()).isEqualTo(fits);
        ValidationException e = rejected("a" + fits);
        assertThat(e.problem()).isEqualTo("is too long: 255 bytes, at most 254 allowed");
    }

    @Test
    void missingValueIsRequired() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> EmailAddress.parse(null));
        assertThat(e.field()).isEqualTo("email");
        assertThat(e.rejectedValue()).isNull();
        assertThat(e.problem()).isEqualTo("is required");
        assertThat(rejected("   ").problem()).isEqualTo("is required");
    }

    @Test
    void parseWithAFieldReportsUnderThatField() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> EmailAddress.parse("contacts[1].value", "nobody"));
        assertThat(e.field()).isEqualTo("contacts[1].value");
        assertThat(e.rejectedValue()).isEqualTo("nobody");
        assertThat(e.getMessage()).startsWith("contacts[1].value: \"nobody\" has no '@'");
    }

    @Test
    void constructorAcceptsOnlyTheNormalisedForm() {
        assertThat(new EmailAddress("Info@xn--e1afmkfd.xn--p1ai").value()).isEqualTo("Info@xn--e1afmkfd.xn--p1ai");
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> new EmailAddress("Info@Пример.РФ"));
        assertThat(e.field()).isEqualTo("email");
        assertThat(e.rejectedValue()).isEqualTo("Info@Пример.РФ");
        assertThat(e.problem()).isEqualTo(
                "is not in normalised form (expected \"Info@xn--e1afmkfd.xn--p1ai\"); use EmailAddress.parse");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new EmailAddress(" a@b.co")))
                .isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> new EmailAddress(null)).problem())
                .isEqualTo("is required");
    }

    @Test
    void equalAddressesAreEqualValues() {
        assertThat(EmailAddress.parse("Anna@EXAMPLE.com")).isEqualTo(EmailAddress.parse("Anna@example.COM"))
                .hasSameHashCodeAs(EmailAddress.parse("Anna@example.com"));
        assertThat(EmailAddress.parse("Anna@example.com")).isNotEqualTo(EmailAddress.parse("anna@example.com"));
        assertThat(EmailAddress.parse("Anna@example.com")).hasToString("Anna@example.com");
    }
}
