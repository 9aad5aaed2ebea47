package org.crmkit.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

/** The rule as a value: strict parsing, bounded expansion in a zone across DST, the parts a split needs. */
class RecurrenceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Timing hourAt(LocalDateTime local, ZoneId zone) {
        Instant start = local.atZone(zone).toInstant();
        return Timing.timed(start, start.plusSeconds(3600));
    }

    @Test
    void aRuleThatDoesNotParseIsRefusedNamingRecurrenceAndTheText() {
        for (String bad : List.of("FREQ=SOMETIMES", "FREQ=WEEKLY;BYDAY=XX", "WEEKLY", "FREQ=DAILY;COUNT=abc", "", "FREQ=DAILY;INTERVAL=0")) {
            assertThatThrownBy(() -> Recurrence.of(bad)).as(bad).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo("recurrence");
                assertThat(e.rejectedValue()).isEqualTo(bad);
            });
        }
        assertThat(Recurrence.of(" rrule:freq=weekly;count=2 ").rule()).isEqualTo("FREQ=WEEKLY;COUNT=2");
    }

    @Test
    void aWeeklyRuleKeepsItsLocalTimeAcrossBothDstChangesAndAskingAllOfAnEndlessRuleIsRefused() {
        Timing first = hourAt(LocalDateTime.of(2026, 3, 23, 10, 0), BERLIN);
        List<Timing> all = Recurrence.of("FREQ=WEEKLY;COUNT=32").all(first, BERLIN);
        assertThat(all).hasSize(32).allSatisfy(t -> {
            assertThat(t.startKey().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(t.endKey()).isEqualTo(t.startKey().plusSeconds(3600));
        });
        // CET (UTC+1) before 29 March, CEST (UTC+2) until 25 October, CET again after
        assertThat(all.get(0).startKey()).isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));
        assertThat(all.get(1).startKey()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(all.get(31).startKey()).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));

        Recurrence endless = Recurrence.of("FREQ=WEEKLY");
        assertThat(endless.bounded()).isFalse();
        assertThatThrownBy(() -> endless.all(first, BERLIN)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("recurrence"));
        assertThat(endless.endBound(first)).isEmpty();
        // a period bounds it: only what starts in it, also far from the first
        List<Timing> later = endless.within(first, BERLIN, Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-15T00:00:00Z"));
        assertThat(later).extracting(t -> t.startKey().atZone(BERLIN).toLocalDate())
                .containsExactly(LocalDate.of(2030, 1, 7), LocalDate.of(2030, 1, 14));
        assertThat(endless.produces(first, BERLIN, later.get(0).startKey())).isTrue();
        assertThat(endless.produces(first, BERLIN, later.get(0).startKey().plusSeconds(60))).isFalse();
    }

    @Test
    void theEndBoundCoversTheLastOccurrenceAndASplitEndsBeforeItsOccurrenceWithTheRestOfCount() {
        Timing first = hourAt(LocalDateTime.of(2026, 1, 5, 9, 0), BERLIN);
        Recurrence counted = Recurrence.of("FREQ=DAILY;COUNT=10");
        List<Timing> all = counted.all(first, BERLIN);
        assertThat(counted.endBound(first).orElseThrow()).isAfterOrEqualTo(all.get(9).endKey());
        Recurrence until = Recurrence.of("FREQ=DAILY;UNTIL=20260110T080000Z");
        assertThat(until.all(first, BERLIN)).hasSize(6);
        assertThat(until.endBound(first).orElseThrow()).isAfterOrEqualTo(until.all(first, BERLIN).get(5).endKey());

        Recurrence before = counted.endingBefore(first, all.get(4).startKey());
        assertThat(before.rule()).doesNotContain("COUNT").contains("UNTIL=");
        assertThat(before.all(first, BERLIN)).containsExactlyElementsOf(all.subList(0, 4));
        assertThat(counted.withCount(6).count()).contains(6);
    }

    @Test
    void anAllDaySeriesRepeatsDatesWhateverTheZone() {
        Timing first = Timing.allDay(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1));
        List<Timing> months = Recurrence.of("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4").all(first, BERLIN);
        assertThat(months.stream().map(t -> ((Timing.AllDay) t).first()).collect(Collectors.toList()))
                .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
        assertThat(months).allSatisfy(t -> assertThat(((Timing.AllDay) t).last()).isEqualTo(((Timing.AllDay) t).first().plusDays(1)));
        Recurrence before = Recurrence.of("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4").endingBefore(first, months.get(2).startKey());
        assertThat(before.all(first, ZoneId.of("Asia/Tokyo"))).containsExactlyElementsOf(months.subList(0, 2));
    }
}
