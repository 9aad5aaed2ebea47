package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionEvent;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.Occurrence;
import org.crmkit.interaction.OccurrenceId;
import org.crmkit.interaction.Occurrences;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Recurrence;
import org.crmkit.interaction.Scheduled;
import org.crmkit.interaction.Timing;
import org.crmkit.criteria.Criterion;
import org.junit.jupiter.api.Test;

/**
 * Recurring interactions in the store kit: series expanded in their zone across a DST change, each
 * occurrence with its own versioned state (completed, cancelled, moved), overdue occurrences among
 * obligations, "this and following" splits with the documented rule for overrides, and the bad
 * inputs refused with nothing stored; on every storage.
 */
abstract class RecurrenceContract extends InteractionReportContract {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    private static final EmployeeId SMITH = EmployeeId.of("smith");
    /** Friday 20 March 2026, 15:00 in Moscow. */
    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final CalendarPeriod MARCH_APRIL = CalendarPeriod.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), MOSCOW);

    private final List<DomainEvent> events = new java.util.ArrayList<>();

    private Crm recurrenceCrm() {
        EmployeeDirectory staff = EmployeeDirectory.of(List.of(Employee.of("alekseev", "Алексеев", "sales"),
                Employee.of("smith", "Smith", "sales").inZone(NEW_YORK)));
        return Crm.builder().storage(storage()).clock(Clock.fixed(NOW, MOSCOW)).zone(MOSCOW).employees(staff)
                .actor(Actor.employee(tenant, ALEKSEEV)).listener(events::add).build();
    }

    /** An hour from {@code hour}:00 local time on a day in a zone. */
    private static Timing hourAt(LocalDate day, int hour, ZoneId zone) {
        Instant start = LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(zone).toInstant();
        return Timing.timed(start, start.plusSeconds(3600));
    }

    private static Interaction series(Crm crm, String subject, Timing first, EmployeeId responsible, String rule, Client client) {
        return crm.interactions().plan(InteractionKind.MEETING, subject, first, responsible,
                i -> i.repeat(Recurrence.of(rule)).withParticipants(client == null ? List.of() : List.of(Participant.of(client.id()))))
                .interaction();
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private static List<Occurrence> ofSeries(List<Occurrence> entries, Interaction series) {
        return entries.stream().filter(o -> o.interaction().id().equals(series.id())).collect(Collectors.toList());
    }

    @Test
    void aWeeklyMeetingStaysAtTenLocalTimeAcrossTheDstChangeInItsEmployeesZone() {
        Crm crm = recurrenceCrm();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Interaction moscow = series(crm, "Планёрка", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=WEEKLY;COUNT=4", null);
        Interaction newYork = series(crm, "Sync", hourAt(monday, 10, NEW_YORK), SMITH, "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4", null);
        crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок", hourAt(monday, 12, MOSCOW), ALEKSEEV, i -> i);

        List<Occurrence> calendar = crm.interactions().occurrences().calendar(Set.of(ALEKSEEV, SMITH), MARCH_APRIL);

        assertThat(ofSeries(calendar, newYork)).extracting(o -> o.timing().startKey()).containsExactly(
                Instant.parse("2026-03-02T15:00:00Z"), // EST, UTC-5
                Instant.parse("2026-03-09T14:00:00Z"), // EDT from 8 March, UTC-4: still 10:00 in New York
                Instant.parse("2026-03-16T14:00:00Z"), Instant.parse("2026-03-23T14:00:00Z"));
        assertThat(ofSeries(calendar, newYork)).allSatisfy(o -> {
            assertThat(o.timing().startKey().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(o.timing().endKey()).isEqualTo(o.timing().startKey().plusSeconds(3600));
            assertThat(o.state()).isEqualTo(InteractionState.PLANNED);
            assertThat(o.version()).isZero();
            assertThat(o.id()).isEqualTo(new OccurrenceId(newYork.id(), o.timing().startKey()));
        });
        assertThat(ofSeries(calendar, moscow)).extracting(o -> o.timing().startKey()).containsExactly(
                Instant.parse("2026-03-02T07:00:00Z"), Instant.parse("2026-03-09T07:00:00Z"),
                Instant.parse("2026-03-16T07:00:00Z"), Instant.parse("2026-03-23T07:00:00Z"));
        assertThat(calendar).hasSize(9).isSortedAccordingTo(Occurrence.TIME_ORDER);
        assertThat(calendar).filteredOn(o -> !o.recurring()).extracting(o -> o.interaction().subject()).containsExactly("Звонок");

        // a period expands only what falls in it; the plain calendar still lists each series once, as stored
        CalendarPeriod week = CalendarPeriod.days(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15), MOSCOW);
        assertThat(crm.interactions().occurrences().calendar(Set.of(SMITH), week)).extracting(o -> o.timing().startKey())
                .containsExactly(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(crm.interactions().calendar(Set.of(SMITH), MARCH_APRIL)).containsExactly(newYork);
        assertThat(newYork.recurrence()).contains(Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=4").in(NEW_YORK));
        assertThat(crm.interactions().get(newYork.id())).isEqualTo(newYork);
    }

    @Test
    void eachOccurrenceIsCompletedCancelledOrMovedOnItsOwnVersionedAndTheOthersStay() {
        Crm crm = recurrenceCrm();
        Occurrences occurrences = crm.interactions().occurrences();
        Client client = crm.clients().register(NewClient.legalEntity("Альфа"));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Interaction weekly = series(crm, "Звонок клиенту", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=WEEKLY", client);

        Occurrence first = occurrences.complete(new OccurrenceId(weekly.id(), at(monday, 10, MOSCOW)), 0, "Договорились о поставке");
        Occurrence second = occurrences.cancel(new OccurrenceId(weekly.id(), at(monday.plusDays(7), 10, MOSCOW)), 0);
        Timing tuesdayNoon = hourAt(LocalDate.of(2026, 4, 7), 12, MOSCOW);
        Occurrence third = occurrences.reschedule(new OccurrenceId(weekly.id(), at(monday.plusDays(14), 10, MOSCOW)), 0, tuesdayNoon);

        assertThat(events).filteredOn(InteractionEvent.OccurrenceChanged.class::isInstance).extracting(e -> (InteractionEvent.OccurrenceChanged) e)
                .extracting(InteractionEvent.OccurrenceChanged::originalStart, InteractionEvent.OccurrenceChanged::state).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.originalStart(), InteractionState.DONE),
                        org.assertj.core.groups.Tuple.tuple(second.originalStart(), InteractionState.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple(third.originalStart(), InteractionState.PLANNED));
        assertThat(first.state()).isEqualTo(InteractionState.DONE);
        assertThat(first.result()).contains("Договорились о поставке");
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.state()).isEqualTo(InteractionState.CANCELLED);
        assertThat(third.timing()).isEqualTo(tuesdayNoon);
        assertThat(third.originalStart()).isEqualTo(at(monday.plusDays(14), 10, MOSCOW));

        CalendarPeriod march = CalendarPeriod.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), MOSCOW);
        List<Occurrence> calendar = occurrences.calendar(Set.of(ALEKSEEV), march);
        // the third (16 March) went to April
        assertThat(calendar).extracting(Occurrence::state).containsExactly(InteractionState.DONE, InteractionState.CANCELLED,
                InteractionState.PLANNED, InteractionState.PLANNED);
        assertThat(calendar).extracting(o -> o.timing().startKey()).containsExactly(at(monday, 10, MOSCOW),
                at(monday.plusDays(7), 10, MOSCOW), at(monday.plusDays(21), 10, MOSCOW), at(monday.plusDays(28), 10, MOSCOW));
        assertThat(calendar.get(0)).isEqualTo(first);
        // the moved one is listed where it went, once; found by its new time only
        CalendarPeriod thatTuesday = CalendarPeriod.days(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 7), MOSCOW);
        assertThat(occurrences.calendar(Set.of(ALEKSEEV), thatTuesday)).containsExactly(third);
        assertThat(occurrences.history(client.id(), MARCH_APRIL)).filteredOn(o -> o.originalStart().equals(third.originalStart()))
                .containsExactly(third);
        assertThat(occurrences.history(client.id(), march)).isEqualTo(calendar);
        assertThat(occurrences.get(first.id())).isEqualTo(first);

        // a stale version changes nothing; the current one does
        assertThatThrownBy(() -> occurrences.cancel(first.id(), 0)).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> occurrences.reschedule(third.id(), 0, hourAt(LocalDate.of(2026, 4, 8), 9, MOSCOW)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(occurrences.get(third.id())).isEqualTo(third);
        Occurrence movedAgain = occurrences.reschedule(third.id(), 1, hourAt(LocalDate.of(2026, 4, 8), 9, MOSCOW));
        assertThat(movedAgain.version()).isEqualTo(2);
        assertThat(occurrences.get(third.id()).timing()).isEqualTo(hourAt(LocalDate.of(2026, 4, 8), 9, MOSCOW));
        // a done occurrence cannot be moved, and the series itself did not change
        assertThatThrownBy(() -> occurrences.reschedule(first.id(), 1, tuesdayNoon))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThat(crm.interactions().get(weekly.id())).isEqualTo(weekly);
        assertThat(crm.interactions().journal(weekly.id())).extracting(e -> e.field()).contains("occurrence " + first.originalStart());
    }

    @Test
    void overdueObligationsListThePlannedOccurrencesThatEndedBeforeNowOldestFirst() {
        Crm crm = recurrenceCrm();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Interaction weekly = series(crm, "Отчёт", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=WEEKLY", null);
        Interaction single = crm.interactions().plan(InteractionKind.TASK, "Счёт", hourAt(LocalDate.of(2026, 3, 11), 9, MOSCOW), ALEKSEEV,
                i -> i).interaction();
        crm.interactions().occurrences().complete(new OccurrenceId(weekly.id(), at(monday, 10, MOSCOW)), 0, "");
        Interaction cancelledSeries = series(crm, "Отменённая", hourAt(monday, 11, MOSCOW), ALEKSEEV, "FREQ=DAILY", null);
        crm.interactions().cancel(cancelledSeries.id(), cancelledSeries.version());

        List<Occurrence> overdue = crm.interactions().occurrences().overdue(100);

        assertThat(overdue).extracting(o -> o.interaction().subject(), o -> o.timing().startKey()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Отчёт", at(monday.plusDays(7), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple("Счёт", at(LocalDate.of(2026, 3, 11), 9, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple("Отчёт", at(monday.plusDays(14), 10, MOSCOW)));
        assertThat(crm.interactions().occurrences().overdue(2)).containsExactlyElementsOf(overdue.subList(0, 2));
        // the series itself is never an overdue interaction; its occurrences are
        assertThat(crm.interactions().overdue(100)).containsExactly(single);
    }

    @Test
    void thisAndFollowingSplitsTheSeriesAndKeepsOrDropsItsOverridesByTheDocumentedRule() {
        Crm crm = recurrenceCrm();
        Occurrences occurrences = crm.interactions().occurrences();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Interaction weekly = series(crm, "Планёрка", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=WEEKLY;COUNT=6", null);
        occurrences.complete(new OccurrenceId(weekly.id(), at(monday, 10, MOSCOW)), 0, "первая");
        occurrences.complete(new OccurrenceId(weekly.id(), at(monday.plusDays(21), 10, MOSCOW)), 0, "четвёртая");
        occurrences.cancel(new OccurrenceId(weekly.id(), at(monday.plusDays(28), 10, MOSCOW)), 0);
        Occurrence moved = occurrences.reschedule(new OccurrenceId(weekly.id(), at(monday.plusDays(35), 10, MOSCOW)), 0,
                hourAt(monday.plusDays(36), 15, MOSCOW));

        // same times, another subject: every override from the split on moves to the new series
        Occurrences.Split renamed = occurrences.splitFrom(new OccurrenceId(weekly.id(), at(monday.plusDays(14), 10, MOSCOW)), weekly.version(),
                i -> i.rename("Планёрка отдела"));
        assertThat(renamed.before().recurrence().orElseThrow().rule()).contains("UNTIL=").doesNotContain("COUNT");
        assertThat(renamed.from().recurrence()).contains(Recurrence.of("FREQ=WEEKLY;COUNT=4").in(MOSCOW));
        assertThat(renamed.from().basedOn()).contains(weekly.id());
        assertThat(renamed.from().timing()).isEqualTo(hourAt(monday.plusDays(14), 10, MOSCOW));
        List<Occurrence> calendar = occurrences.calendar(Set.of(ALEKSEEV), MARCH_APRIL);
        assertThat(calendar).extracting(o -> o.interaction().subject(), Occurrence::state, o -> o.timing().startKey()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Планёрка", InteractionState.DONE, at(monday, 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple("Планёрка", InteractionState.PLANNED, at(monday.plusDays(7), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple("Планёрка отдела", InteractionState.PLANNED, at(monday.plusDays(14), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple("Планёрка отдела", InteractionState.DONE, at(monday.plusDays(21), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple("Планёрка отдела", InteractionState.CANCELLED, at(monday.plusDays(28), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple("Планёрка отдела", InteractionState.PLANNED, moved.timing().startKey()));
        assertThatThrownBy(() -> occurrences.splitFrom(new OccurrenceId(weekly.id(), at(monday.plusDays(7), 10, MOSCOW)), weekly.version(),
                i -> i)).as("a stale series").isInstanceOf(ConcurrentChangeException.class);

        // another time of day: the done one stays listed (with the old series), the cancelled and the moved one are dropped
        Interaction second = renamed.from();
        Occurrences.Split later = occurrences.splitFrom(new OccurrenceId(second.id(), at(monday.plusDays(21), 10, MOSCOW)), second.version(),
                i -> i.reschedule(hourAt(monday.plusDays(21), 11, MOSCOW)));
        assertThat(later.from().recurrence()).contains(Recurrence.of("FREQ=WEEKLY;COUNT=3").in(MOSCOW));
        List<Occurrence> after = occurrences.calendar(Set.of(ALEKSEEV), MARCH_APRIL);
        assertThat(after).extracting(Occurrence::state, o -> o.timing().startKey()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(InteractionState.DONE, at(monday, 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple(InteractionState.PLANNED, at(monday.plusDays(7), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple(InteractionState.PLANNED, at(monday.plusDays(14), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple(InteractionState.DONE, at(monday.plusDays(21), 10, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple(InteractionState.PLANNED, at(monday.plusDays(21), 11, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple(InteractionState.PLANNED, at(monday.plusDays(28), 11, MOSCOW)),
                org.assertj.core.groups.Tuple.tuple(InteractionState.PLANNED, at(monday.plusDays(35), 11, MOSCOW)));
        assertThat(after.get(3).interaction().id()).isEqualTo(second.id());
        assertThat(after.get(3).result()).contains("четвёртая");
    }

    @Test
    void aHandOverMovesTheSeriesAndItsOpenOccurrencesWhileClosedOnesKeepTheLeaverAndTheSeriesKeepsItsZone() {
        Crm crm = recurrenceCrm();
        Occurrences occurrences = crm.interactions().occurrences();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Interaction weekly = series(crm, "Планёрка", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=WEEKLY;COUNT=4", null);
        assertThat(weekly.recurrence().orElseThrow().zone()).as("pinned when stored").contains(MOSCOW);
        occurrences.complete(new OccurrenceId(weekly.id(), at(monday, 10, MOSCOW)), 0, "Проведена");
        occurrences.cancel(new OccurrenceId(weekly.id(), at(monday.plusDays(7), 10, MOSCOW)), 0);

        crm.handOvers().handOver(ALEKSEEV, SMITH);

        assertThat(crm.interactions().get(weekly.id()).responsible()).isEqualTo(SMITH);
        List<Occurrence> after = occurrences.calendar(Set.of(ALEKSEEV, SMITH), MARCH_APRIL);
        // still 10:00 in Moscow, though the series' new employee works in New York
        assertThat(after).extracting(o -> o.timing().startKey()).containsExactly(at(monday, 10, MOSCOW), at(monday.plusDays(7), 10, MOSCOW),
                at(monday.plusDays(14), 10, MOSCOW), at(monday.plusDays(21), 10, MOSCOW));
        assertThat(after).extracting(Occurrence::responsible).containsExactly(ALEKSEEV, ALEKSEEV, SMITH, SMITH);
        assertThat(after).extracting(Occurrence::state).containsExactly(InteractionState.DONE, InteractionState.CANCELLED,
                InteractionState.PLANNED, InteractionState.PLANNED);
        assertThat(after.get(0).result()).contains("Проведена");
        assertThat(occurrences.overdue(10)).extracting(Occurrence::responsible, o -> o.timing().startKey())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SMITH, at(monday.plusDays(14), 10, MOSCOW)));
    }

    @Test
    void anAllDaySeriesKeepsItsDaysAndAMovedDayIsStoredAsDays() {
        Crm crm = recurrenceCrm();
        Occurrences occurrences = crm.interactions().occurrences();
        Interaction closing = crm.interactions().plan(InteractionKind.TASK, "Закрытие месяца",
                Timing.allDay(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 31)), SMITH,
                i -> i.repeat(Recurrence.of("FREQ=MONTHLY;BYMONTHDAY=-1"))).interaction();
        OccurrenceId february = new OccurrenceId(closing.id(), Occurrence.dayKey(LocalDate.of(2026, 2, 28)));
        Occurrence moved = occurrences.reschedule(february, 0, Timing.allDay(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)));
        occurrences.complete(new OccurrenceId(closing.id(), Occurrence.dayKey(LocalDate.of(2026, 3, 31))), 0, "Закрыт");

        CalendarPeriod spring = CalendarPeriod.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), NEW_YORK);
        List<Occurrence> calendar = occurrences.calendar(Set.of(SMITH), spring);
        assertThat(calendar).extracting(Occurrence::timing, Occurrence::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Timing.allDay(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)), InteractionState.PLANNED),
                org.assertj.core.groups.Tuple.tuple(Timing.allDay(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31)), InteractionState.DONE),
                org.assertj.core.groups.Tuple.tuple(Timing.allDay(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 30)), InteractionState.PLANNED),
                org.assertj.core.groups.Tuple.tuple(Timing.allDay(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 31)), InteractionState.PLANNED));
        assertThat(calendar.get(0)).isEqualTo(moved);
        assertThat(occurrences.series(closing.id()).overrides()).extracting(o -> o.id().originalStart())
                .containsExactly(Occurrence.dayKey(LocalDate.of(2026, 2, 28)), Occurrence.dayKey(LocalDate.of(2026, 3, 31)));
        // overdue now (20 March): January's day and February's, moved to 2–3 March; March's is done
        assertThat(occurrences.overdue(10)).extracting(Occurrence::timing).containsExactly(
                Timing.allDay(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 31)), Timing.allDay(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        Crm crm = recurrenceCrm();
        Occurrences occurrences = crm.interactions().occurrences();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        long before = crm.interactions().count(Criterion.all());
        assertThatThrownBy(() -> series(crm, "Никогда", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=SOMETIMES;COUNT=2", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("recurrence");
                    assertThat(e.rejectedValue()).isEqualTo("FREQ=SOMETIMES;COUNT=2");
                });
        assertThatThrownBy(() -> Recurrence.of("FREQ=WEEKLY;BYDAY=XX")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("recurrence"));
        assertThat(crm.interactions().count(Criterion.all())).isEqualTo(before);

        Interaction endless = series(crm, "Всегда", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=WEEKLY", null);
        assertThatThrownBy(() -> endless.recurrence().orElseThrow().all(endless.timing(), MOSCOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("recurrence");
                    assertThat(e.rejectedValue()).isEqualTo("FREQ=WEEKLY");
                });
        assertThat(Recurrence.of("FREQ=WEEKLY;COUNT=3").all(endless.timing(), MOSCOW)).hasSize(3);

        Instant halfPast = at(monday, 10, MOSCOW).plusSeconds(1800);
        assertThatThrownBy(() -> occurrences.complete(new OccurrenceId(endless.id(), halfPast), 0, "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("originalStart");
                    assertThat(e.rejectedValue()).isEqualTo(halfPast.toString());
                });
        Interaction single = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Один раз", hourAt(monday, 9, MOSCOW), ALEKSEEV, i -> i).interaction();
        assertThatThrownBy(() -> occurrences.cancel(new OccurrenceId(single.id(), at(monday, 9, MOSCOW)), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("series"));

        Interaction cancelled = crm.interactions().cancel(endless.id(), endless.version());
        OccurrenceId firstOfCancelled = new OccurrenceId(endless.id(), at(monday, 10, MOSCOW));
        assertThatThrownBy(() -> occurrences.complete(firstOfCancelled, 0, "поздно"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("state");
                    assertThat(e.rejectedValue()).isEqualTo("CANCELLED");
                });
        assertThat(occurrences.get(firstOfCancelled).state()).isEqualTo(InteractionState.CANCELLED);
        assertThat(occurrences.get(firstOfCancelled).version()).isZero();
        assertThat(crm.interactions().get(endless.id())).isEqualTo(cancelled);
        assertThat(crm.interactions().journal(endless.id())).noneMatch(e -> e.field().startsWith("occurrence"));
    }

    @Test
    void planningOverAnOccurrenceOfAnEmployeesSeriesWarnsButNotOverACancelledMovedAwayOrEndedOne() {
        Crm crm = recurrenceCrm();
        Occurrences occurrences = crm.interactions().occurrences();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Interaction weekly = series(crm, "Планёрка", hourAt(monday, 10, MOSCOW), ALEKSEEV, "FREQ=WEEKLY;COUNT=6", null);
        OccurrenceId second = new OccurrenceId(weekly.id(), at(monday.plusDays(7), 10, MOSCOW));
        OccurrenceId third = new OccurrenceId(weekly.id(), at(monday.plusDays(14), 10, MOSCOW));
        OccurrenceId fifth = new OccurrenceId(weekly.id(), at(monday.plusDays(28), 10, MOSCOW));
        java.util.function.BiFunction<LocalDate, EmployeeId, Scheduled> halfPastTen = (day, responsible) -> crm.interactions()
                .plan(InteractionKind.OUTGOING_CALL, "Звонок", Timing.timed(at(day, 10, MOSCOW).plusSeconds(1800), at(day, 11, MOSCOW)
                        .plusSeconds(1800)), responsible, i -> i);

        // over the first and the third occurrence: warned of the occurrence, not of the series' own row
        Scheduled overFirst = halfPastTen.apply(monday, ALEKSEEV);
        assertThat(overFirst.busy()).isTrue();
        assertThat(overFirst.overlapping()).isEmpty();
        assertThat(overFirst.overlappingOccurrences()).extracting(Occurrence::id).containsExactly(new OccurrenceId(weekly.id(), at(monday, 10, MOSCOW)));
        Scheduled overThird = halfPastTen.apply(monday.plusDays(14), ALEKSEEV);
        assertThat(overThird.overlappingOccurrences()).containsExactly(occurrences.get(third));
        assertThat(overThird.overlappingOccurrences().get(0).state()).isEqualTo(InteractionState.PLANNED);
        // Smith alone is free then; Smith with Alekseev taking part is not
        assertThat(halfPastTen.apply(monday.plusDays(21), SMITH).busy()).isFalse();
        Scheduled withAlekseev = crm.interactions().plan(InteractionKind.MEETING, "Вместе", hourAt(monday.plusDays(21), 10, MOSCOW), SMITH,
                i -> i.withOtherEmployees(List.of(ALEKSEEV)));
        assertThat(withAlekseev.overlappingOccurrences()).extracting(Occurrence::id)
                .containsExactly(new OccurrenceId(weekly.id(), at(monday.plusDays(21), 10, MOSCOW)));
        // an item that only touches an occurrence (ends when it starts) does not clash
        assertThat(crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Раньше", hourAt(monday.plusDays(21), 9, MOSCOW), ALEKSEEV, i -> i)
                .overlappingOccurrences()).isEmpty();

        // a cancelled occurrence does not count; a moved one counts where it went, not where it was
        occurrences.cancel(fifth, 0);
        assertThat(halfPastTen.apply(monday.plusDays(28), ALEKSEEV).busy()).isFalse();
        Timing wednesdayNoon = hourAt(monday.plusDays(9), 12, MOSCOW);
        Occurrence moved = occurrences.reschedule(second, 0, wednesdayNoon);
        assertThat(halfPastTen.apply(monday.plusDays(7), ALEKSEEV).busy()).isFalse();
        Scheduled overMoved = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "В среду", wednesdayNoon, ALEKSEEV, i -> i);
        assertThat(overMoved.overlappingOccurrences()).containsExactly(moved);
        // after its last occurrence (COUNT=6) the series is no more in the way
        assertThat(halfPastTen.apply(monday.plusDays(42), ALEKSEEV).busy()).isFalse();

        // rescheduling a single item onto an occurrence warns as planning does
        Interaction tuesday = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Во вторник", hourAt(monday.plusDays(36), 10, MOSCOW),
                ALEKSEEV, i -> i).interaction();
        Scheduled onSixth = crm.interactions().reschedule(tuesday.id(), tuesday.version(), hourAt(monday.plusDays(35), 10, MOSCOW));
        assertThat(onSixth.overlappingOccurrences()).extracting(Occurrence::id)
                .containsExactly(new OccurrenceId(weekly.id(), at(monday.plusDays(35), 10, MOSCOW)));

        // a cancelled series warns of nothing
        Interaction current = crm.interactions().get(weekly.id());
        crm.interactions().cancel(weekly.id(), current.version());
        assertThat(crm.interactions().plan(InteractionKind.OUTGOING_CALL, "После отмены", hourAt(monday.plusDays(35), 10, MOSCOW), ALEKSEEV,
                i -> i).overlappingOccurrences()).isEmpty();
    }
}
