package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final QuietHours NIGHT = QuietHours.between(LocalTime.of(21, 0), LocalTime.of(9, 0));
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Optional<ZoneId> UNKNOWN = Optional.empty();

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void theWindowStartsAtItsStartAndEndsBeforeItsEndAcrossMidnight() {
        // Moscow is UTC+3 all year
        assertThat(NIGHT.allows(at("2026-12-06T17:59:59Z"), UNKNOWN, MOSCOW)).isTrue();
        assertThat(NIGHT.allows(at("2026-12-06T18:00:00Z"), UNKNOWN, MOSCOW)).isFalse();
        assertThat(NIGHT.allows(at("2026-12-06T21:00:00Z"), UNKNOWN, MOSCOW)).isFalse();
        assertThat(NIGHT.allows(at("2026-12-07T05:59:59Z"), UNKNOWN, MOSCOW)).isFalse();
        assertThat(NIGHT.allows(at("2026-12-07T06:00:00Z"), UNKNOWN, MOSCOW)).isTrue();
        assertThat(NIGHT.crossesMidnight()).isTrue();
    }

    @Test
    void aWindowWithinOneDay() {
        QuietHours lunch = QuietHours.between(LocalTime.of(13, 0), LocalTime.of(14, 0));

        assertThat(lunch.crossesMidnight()).isFalse();
        assertThat(lunch.allows(at("2026-12-06T09:59:00Z"), UNKNOWN, MOSCOW)).isTrue();
        assertThat(lunch.allows(at("2026-12-06T10:00:00Z"), UNKNOWN, MOSCOW)).isFalse();
        assertThat(lunch.allows(at("2026-12-06T11:00:00Z"), UNKNOWN, MOSCOW)).isTrue();
        assertThat(lunch.nextAllowed(at("2026-12-06T10:20:00Z"), UNKNOWN, MOSCOW)).isEqualTo(at("2026-12-06T11:00:00Z"));
    }

    @Test
    void theRecipientsZoneDecidesWhereItIsKnownTheTenantsOtherwise() {
        Instant when = at("2026-12-06T17:30:00Z"); // 20:30 in Moscow, 03:30 next day in Vladivostok

        assertThat(NIGHT.allows(when, UNKNOWN, MOSCOW)).isTrue();
        assertThat(NIGHT.allows(when, Optional.of(VLADIVOSTOK), MOSCOW)).isFalse();
        assertThat(NIGHT.nextAllowed(when, UNKNOWN, MOSCOW)).isEqualTo(when);
        assertThat(NIGHT.nextAllowed(when, Optional.of(VLADIVOSTOK), MOSCOW)).isEqualTo(at("2026-12-06T23:00:00Z"));
        // and the other way round: a Moscow recipient of a Vladivostok tenant is called on Moscow's clock
        assertThat(NIGHT.allows(when, Optional.of(MOSCOW), VLADIVOSTOK)).isTrue();
    }

    @Test
    void eMailIsNeverHeldBackSmsAndCallsAre() {
        Instant night = at("2026-12-06T20:00:00Z");

        assertThat(NIGHT.allows(Channel.EMAIL, night, UNKNOWN, MOSCOW)).isTrue();
        assertThat(NIGHT.allows(Channel.SMS, night, UNKNOWN, MOSCOW)).isFalse();
        assertThat(NIGHT.allows(Channel.PHONE_CALL, night, UNKNOWN, MOSCOW)).isFalse();
    }

    @Test
    void onTheNightClocksSpringForwardTheWindowEndsAtNineOnTheNewClock() {
        // Berlin, 2024-03-31: 02:00 CET becomes 03:00 CEST; the night is an hour shorter
        Instant midnight = at("2024-03-30T23:00:00Z");

        assertThat(NIGHT.nextAllowed(midnight, UNKNOWN, BERLIN)).isEqualTo(at("2024-03-31T07:00:00Z"));
        assertThat(NIGHT.allows(at("2024-03-31T06:59:59Z"), UNKNOWN, BERLIN)).isFalse();
        assertThat(NIGHT.allows(at("2024-03-31T07:30:00Z"), UNKNOWN, BERLIN)).isTrue(); // 09:30 CEST, 08:30 on the old clock
        // New York, 2024-03-10: 02:00 EST becomes 03:00 EDT
        assertThat(NIGHT.nextAllowed(at("2024-03-10T05:00:00Z"), UNKNOWN, NEW_YORK)).isEqualTo(at("2024-03-10T13:00:00Z"));
    }

    @Test
    void onTheNightClocksFallBackTheWindowEndsAtNineOnTheNewClock() {
        // Berlin, 2024-10-27: 03:00 CEST becomes 02:00 CET; the night is an hour longer
        assertThat(NIGHT.nextAllowed(at("2024-10-26T22:00:00Z"), UNKNOWN, BERLIN)).isEqualTo(at("2024-10-27T08:00:00Z"));
        assertThat(NIGHT.allows(at("2024-10-27T07:30:00Z"), UNKNOWN, BERLIN)).isFalse(); // 08:30 CET
    }

    @Test
    void anEndTheClockSkipsIsReachedWhenTheClockJumpsPastIt() {
        QuietHours early = QuietHours.between(LocalTime.of(1, 0), LocalTime.of(2, 30));
        // 01:30 CET on 2024-03-31; 02:30 does not exist that night, the clock shows 03:00 CEST at 01:00Z

        assertThat(early.nextAllowed(at("2024-03-31T00:30:00Z"), UNKNOWN, BERLIN)).isEqualTo(at("2024-03-31T01:00:00Z"));
    }

    @Test
    void theRepeatedHourIsReadTwice() {
        QuietHours window = QuietHours.between(LocalTime.of(2, 15), LocalTime.of(5, 0));
        // 02:30 CEST on 2024-10-27; at 01:00Z the clock falls back to 02:00 CET, before the window, until 02:15 CET

        assertThat(window.nextAllowed(at("2024-10-27T00:30:00Z"), UNKNOWN, BERLIN)).isEqualTo(at("2024-10-27T01:00:00Z"));
        assertThat(window.allows(at("2024-10-27T01:10:00Z"), UNKNOWN, BERLIN)).isTrue();
        assertThat(window.allows(at("2024-10-27T01:15:00Z"), UNKNOWN, BERLIN)).isFalse();
        assertThat(window.nextAllowed(at("2024-10-27T01:15:00Z"), UNKNOWN, BERLIN)).isEqualTo(at("2024-10-27T04:00:00Z"));
    }

    @Test
    void aWindowThatStartsWhereItEndsIsRefused() {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> QuietHours.between(LocalTime.of(21, 0), LocalTime.of(21, 0)));

        assertThat(refused.field()).isEqualTo("end");
        assertThat(refused.getMessage()).startsWith("end: \"21:00\" equals start");
        assertThat(catchThrowableOfType(ValidationException.class, () -> NIGHT.allows(Instant.EPOCH, null, MOSCOW)).field())
                .isEqualTo("recipientZone");
    }
}
