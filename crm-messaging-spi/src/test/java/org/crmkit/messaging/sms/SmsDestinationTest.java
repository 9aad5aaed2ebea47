package org.crmkit.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.messaging.InvalidMessageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsDestinationTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "+6907290",          // 7 digits: a Tokelau mobile, the shortest in use
        "+6835012",          // 7 digits: a Niue mobile
        "+79161234567",      // 11 digits: a Russian mobile
        "+123456789012345",  // 15 digits: E.164's longest
        "+1000000"})         // the form alone: 7 digits, first not 0
    void acceptsE164From7To15Digits(String e164) {
        assertThat(SmsDestination.accepts(e164)).isTrue();
        assertThat(new SmsDestination(e164).e164()).isEqualTo(e164);
        assertThat(SmsMessage.of("k", "CrmKit", e164, "Hi").destination()).isEqualTo(e164);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "+690729",           // 6 digits
        "+1234567890123456", // 16 digits
        "+0123456789",       // a country code cannot start with 0
        "+00079161234567",   // nor with an international prefix
        "79161234567",       // no '+'
        "+7 916 123 45 67", "+7(916)1234567", "+7-916-123-45-67",
        "+79161234567\n", " +79161234567",
        "+７９１６１２３４５６７", // full-width digits
        "", "+"})
    void refusesAnythingElseNamingFieldAndValue(String e164) {
        assertThat(SmsDestination.accepts(e164)).isFalse();
        assertThatThrownBy(() -> new SmsDestination(e164))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("destination");
                    assertThat(e.value()).isEqualTo(String.valueOf(e164));
                })
                .hasMessage("destination must be E.164 (+ then 7-15 digits, the first not 0, e.g. +79161234567),"
                        + " got \"" + e164 + "\"");
        assertThatThrownBy(() -> SmsMessage.of("k", "CrmKit", e164, "Hi"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("destination"));
    }
}
