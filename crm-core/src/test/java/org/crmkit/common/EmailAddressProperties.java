package org.crmkit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class EmailAddressProperties {

    private static final String LOCAL_CHARS = "abcxyzABCXYZ0189!#$%&'*+-/=?^_`{|}~абвёжяАБЁЖЯ";
    private static final String LABEL_CHARS = "abcdxyzABCDXYZ0189абвгёжяАБВЁЖЯ";

    private static Gen<String> from(String alphabet, int min, int max) {
        return lists().of(Generate.range(0, alphabet.length() - 1)).ofSizeBetween(min, max).map(indexes -> {
            StringBuilder out = new StringBuilder();
            indexes.forEach(i -> out.append(alphabet.charAt(i)));
            return out.toString();
        });
    }

    private static Gen<String> local() {
        return lists().of(from(LOCAL_CHARS, 1, 8)).ofSizeBetween(1, 3).map(atoms -> String.join(".", atoms));
    }

    private static Gen<String> label() {
        return from(LABEL_CHARS, 1, 10).zip(Generate.booleans(), (s, hyphen) ->
                hyphen && s.length() > 2 ? s.charAt(0) + "-" + s.substring(1) : s);
    }

    private static Gen<String> domain() {
        Gen<String> tld = from("comrgunetРФрф", 2, 4);
        return lists().of(label()).ofSizeBetween(1, 3).zip(tld,
                (labels, top) -> String.join(".", labels) + "." + top);
    }

    /** Addresses people type, mixed case, Cyrillic parts, white space around. */
    private static Gen<String> typedAddress() {
        Gen<String> around = Generate.pick(List.of("", " ", "\t", "\u00A0", "  "));
        return local().zip(domain(), around, (l, d, space) -> space + l + "@" + d + space);
    }

    @Test
    void normalisationIsIdempotent() {
        qt().forAll(typedAddress()).checkAssert(typed -> {
            EmailAddress once = EmailAddress.parse(typed);
            assertThat(EmailAddress.parse(once.value())).isEqualTo(once);
            assertThat(new EmailAddress(once.value())).isEqualTo(once);
            assertThat(once.value()).doesNotContain(" ", "\t", "\u00A0");
            assertThat(once.domain()).matches("[a-z0-9.-]+");
        });
    }

    @Test
    void caseOfTheDomainDoesNotMatter() {
        qt().forAll(local(), domain()).checkAssert((l, d) -> {
            EmailAddress lower = EmailAddress.parse(l + "@" + d.toLowerCase(Locale.ROOT));
            assertThat(EmailAddress.parse(l + "@" + d.toUpperCase(Locale.ROOT))).isEqualTo(lower);
            assertThat(EmailAddress.parse(l + "@" + d)).isEqualTo(lower);
        });
    }

    @Test
    void unicodeDomainFormParsesBackToTheSameAddress() {
        qt().forAll(typedAddress()).checkAssert(typed -> {
            EmailAddress email = EmailAddress.parse(typed);
            assertThat(EmailAddress.parse(email.unicodeDomainForm())).isEqualTo(email);
        });
    }

    @Test
    void anyStringWithACarriageReturnOrLineFeedIsRejected() {
        Gen<String> anyText = strings().allPossible().ofLengthBetween(0, 30).mix(typedAddress());
        Gen<String> lineBreak = Generate.pick(List.of("\r", "\n", "\r\n", "\n\r"));
        qt().forAll(anyText, integers().between(0, 100), lineBreak).checkAssert((text, where, brk) -> {
            int at = Math.min(where, text.length());
            String withBreak = text.substring(0, at) + brk + text.substring(at);
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> EmailAddress.parse(withBreak));
            assertThat(e).as("%s must be rejected", withBreak).isNotNull();
            assertThat(e.field()).isEqualTo("email");
            assertThat(e.rejectedValue()).isEqualTo(withBreak);
            assertThat(e.getMessage()).doesNotContain("\r", "\n");
        });
    }
}
