package org.crmkit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import org.crmkit.messaging.sms.SmsDestination;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/** Which stored phones an SMS can reach: the card keeps them all, the SPI's rule and the numbering plan decide. */
class PhoneNumberSmsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "+79161234567",   // Russian mobile (+7 9xx)
        "+77012345678",   // Kazakh mobile (+7 70x)
        "+12015550123",   // the USA: the plan cannot tell mobile from fixed, so it may be a mobile
        "+447400123456",  // British mobile
        "+6907290",       // 7 digits: a Tokelau mobile, the shortest mobile number in use
        "+6835012"})      // 7 digits: a Niue mobile
    void mobilesAreReachableAndSmsMessageTakesThem(String e164) {
        PhoneNumber phone = new PhoneNumber(e164);

        assertThat(phone.smsReachable()).isTrue();
        assertThat(phone.smsDestination()).contains(new SmsDestination(e164));
        assertThat(SmsMessage.of("k", "CrmKit", phone.smsDestination().orElseThrow().e164(), "Hi").destination())
                .isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "+74951234567",     // Moscow landline
        "+77172123456",     // Astana landline
        "+78005553535",     // Russian toll-free
        "+442079460958",    // London landline
        "+6837012",         // 7 digits: a Niue landline
        "+1234567",         // 7 digits the card's form allows, no number in any plan
        "+123456789012345", // 15 digits the card's form allows, no number in any plan
        "+9991234567"})     // no such country code
    void otherPhonesAreStoredButNotReachable(String e164) {
        PhoneNumber phone = new PhoneNumber(e164);

        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.smsReachable()).isFalse();
        assertThat(phone.smsDestination()).isEmpty();
    }

    @Test
    void parsedRussianNumbersAreReachableOnlyWhenMobile() {
        assertThat(PhoneNumber.parse("phone", "8 (916) 123-45-67", "RU").smsReachable()).isTrue();
        assertThat(PhoneNumber.parse("phone", "8 (495) 123-45-67", "RU").smsReachable()).isFalse();
        assertThat(PhoneNumber.parse("phone", "8 800 555-35-35", "RU").smsReachable()).isFalse();
    }

    @Test
    void everyReachablePhoneIsADestinationSmsMessageAccepts() {
        Gen<String> phoneLike = strings().betweenCodePoints('0', '9').ofLengthBetween(6, 16).map(s -> "+" + s)
                .mix(integers().between(900, 999).zip(integers().between(0, 9_999_999),
                        (operator, subscriber) -> "+7" + operator + String.format("%07d", subscriber)));
        qt().forAll(phoneLike).checkAssert(raw -> {
            Optional<PhoneNumber> phone = parsed(raw);
            phone.flatMap(PhoneNumber::smsDestination).ifPresent(destination ->
                    assertThat(SmsMessage.of("k", "CrmKit", destination.e164(), "Hi").destination())
                            .isEqualTo(phone.get().e164()));
            phone.filter(p -> !SmsDestination.accepts(p.e164()))
                    .ifPresent(p -> assertThat(p.smsReachable()).as(raw).isFalse());
        });
    }

    private static Optional<PhoneNumber> parsed(String raw) {
        try {
            return Optional.of(PhoneNumber.parse("phone", raw, "RU"));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
