package org.crmkit.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.crmkit.messaging.InvalidMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsMessageTest {

    @ParameterizedTest
    @ValueSource(strings = {"+79161234567", "+12025550123", "+4477009001", "+123456789012345", "+6907290"})
    void acceptsE164Destinations(String destination) {
        SmsMessage message = SmsMessage.of("k1", "CrmKit", destination, "Hi");

        assertThat(message.destination()).isEqualTo(destination);
        assertThat(message.validity()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"79161234567", "+791612", "+0123456789", "+7 916 123 45 67", "+7(916)1234567",
            "+1234567890123456", "", "+79161234567\n"})
    void rejectsDestinationsThatAreNotE164NamingFieldAndValue(String destination) {
        assertThatThrownBy(() -> SmsMessage.of("k1", "CrmKit", destination, "Hi"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("destination");
                    assertThat(e.value()).isEqualTo(destination);
                })
                .hasMessageContaining("destination")
                .hasMessageContaining("\"" + destination + "\"");
    }

    @Test
    void rejectsAMissingDestination() {
        assertThatThrownBy(() -> SmsMessage.of("k1", "CrmKit", null, "Hi"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("destination"));
    }

    @Test
    void sendersAreNamesUpTo11CharactersOrNumbersUpTo15Digits() {
        assertThat(SmsMessage.of("k", "Shop 24", "+79161234567", "x").sender()).isEqualTo("Shop 24");
        assertThat(SmsMessage.of("k", "Магазин", "+79161234567", "x").sender()).isEqualTo("Магазин");
        assertThat(SmsMessage.of("k", "+791612345678901".substring(0, 16), "+79161234567", "x").sender()).hasSize(16);

        assertThatThrownBy(() -> SmsMessage.of("k", "TwelveChars!", "+79161234567", "x"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("sender"))
                .hasMessageContaining("\"TwelveChars!\"");
        assertThatThrownBy(() -> SmsMessage.of("k", " ", "+79161234567", "x"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("sender"));
        assertThatThrownBy(() -> SmsMessage.of("k", "Sh\nop", "+79161234567", "x"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("sender"));
    }

    @Test
    void rejectsEmptyTextBlankKeyAndNonPositiveValidity() {
        assertThatThrownBy(() -> SmsMessage.of("k", "CrmKit", "+79161234567", ""))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> SmsMessage.of(" ", "CrmKit", "+79161234567", "x"))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> SmsMessage.of("k", "CrmKit", "+79161234567", "x").withValidity(Duration.ZERO))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("validity");
                    assertThat(e.value()).isEqualTo("PT0S");
                });
    }

    @Test
    void carriesValidityAndItsParts() {
        SmsMessage message = SmsMessage.of("k", "CrmKit", "+79161234567", "Ж".repeat(71)).withValidity(Duration.ofHours(4));

        assertThat(message.validity()).isEqualTo(Optional.of(Duration.ofHours(4)));
        assertThat(message.parts()).isEqualTo(new SmsParts(SmsEncoding.UCS2, 71, 2));
    }

    @Test
    void capabilitiesDefaultConservativelyAndBuildValues() {
        assertThat(SmsCapabilities.DEFAULTS.maxParts()).isEqualTo(10);
        assertThat(SmsCapabilities.DEFAULTS.maxMessagesPerSecond()).isZero();
        assertThat(SmsCapabilities.DEFAULTS.deliveryReceipts()).isFalse();
        assertThat(SmsCapabilities.DEFAULTS.idempotentResubmission()).isFalse();

        SmsCapabilities declared = SmsCapabilities.builder().maxMessagesPerSecond(50).maxParts(6)
                .deliveryReceipts(true).idempotentResubmission(true).build();

        assertThat(declared.maxMessagesPerSecond()).isEqualTo(50);
        assertThat(declared.maxParts()).isEqualTo(6);
        assertThat(declared.deliveryReceipts()).isTrue();
        assertThat(declared.idempotentResubmission()).isTrue();
        assertThatThrownBy(() -> SmsCapabilities.builder().maxParts(0)).hasMessageContaining("maxParts");
    }
}
