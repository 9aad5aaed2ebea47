package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class QuietHoursProperties {
    /** Zones with daylight saving time (Lord Howe shifts by half an hour), and without. */
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Europe/Moscow"), ZoneId.of("Asia/Kolkata"));

    private static Gen<QuietHours> windows() {
        Gen<LocalTime> times = integers().between(0, 24 * 4 - 1).map(quarter -> LocalTime.of(quarter / 4, quarter % 4 * 15));
        return times.zip(times, (start, end) -> QuietHours.between(start, end.equals(start) ? end.plusMinutes(15) : end));
    }

    /** Instants in 2024, clustered around the nights clocks change in Europe and North America. */
    private static Gen<Instant> instants() {
        Gen<Instant> anyTime = longs().between(Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2024-12-31T00:00:00Z").getEpochSecond()).map(seconds -> Instant.ofEpochSecond(seconds));
        Gen<Instant> nearChanges = Generate.pick(List.of("2024-03-10T00:00:00Z", "2024-03-31T00:00:00Z", "2024-10-27T00:00:00Z",
                "2024-11-03T00:00:00Z", "2024-04-06T12:00:00Z", "2024-10-05T12:00:00Z")).zip(integers().between(-36 * 60, 36 * 60),
                (day, minutes) -> Instant.parse(day).plusSeconds(minutes * 60L));
        return Generate.oneOf(anyTime, nearChanges);
    }

    @Test
    void theNextAllowedInstantIsAllowedAndNoEarlierOneIs() {
        qt().withExamples(2000).forAll(windows(), instants(), Generate.pick(ZONES)).checkAssert((window, when, zone) -> {
            Instant next = window.nextAllowed(when, Optional.empty(), zone);

            assertThat(next).isAfterOrEqualTo(when);
            assertThat(window.allows(next, Optional.empty(), zone)).isTrue();
            if (!next.equals(when)) {
                assertThat(window.allows(next.minusNanos(1), Optional.empty(), zone)).as("just before %s", next).isFalse();
                // and every minute in between is quiet
                for (Instant t = when; t.isBefore(next); t = t.plusSeconds(60)) {
                    assertThat(window.allows(t, Optional.empty(), zone)).as("at %s", t).isFalse();
                }
            }
            assertThat(window.nextAllowed(next, Optional.empty(), zone)).isEqualTo(next);
        });
    }

    @Test
    void aKnownRecipientZoneIsTheOneRead() {
        qt().forAll(windows(), instants(), Generate.pick(ZONES), Generate.pick(ZONES)).checkAssert((window, when, recipient, tenant) ->
                assertThat(window.allows(when, Optional.of(recipient), tenant)).isEqualTo(!window.contains(when.atZone(recipient).toLocalTime())));
    }
}
