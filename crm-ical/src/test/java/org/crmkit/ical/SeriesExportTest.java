package org.crmkit.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

import org.crmkit.Crm;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.Occurrence;
import org.crmkit.interaction.OccurrenceId;
import org.crmkit.interaction.Occurrences;
import org.crmkit.interaction.Recurrence;
import org.crmkit.interaction.Timing;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * A series exported with its RRULE, an EXDATE for the cancelled occurrence and RECURRENCE-ID
 * components for the completed and the moved one, read back by ical4j (not the writer): the same
 * instants as crmkit's expansion, across the DST change of the employee's zone.
 */
class SeriesExportTest {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Employee SMITH = Employee.of("smith", "Smith", null).inZone(NEW_YORK);

    private static Instant tenAm(LocalDate day) {
        return LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(NEW_YORK).toInstant();
    }

    @Test
    void aSeriesReadsBackByIcal4jWithTheSameInstantsAcrossDst() throws Exception {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).clock(Clock.fixed(Instant.parse("2026-02-20T09:00:00Z"), ZoneId.of("UTC")))
                .zone("Europe/Moscow").employees(EmployeeDirectory.of(List.of(SMITH))).actor(Actor.employee(TENANT, SMITH.id())).build();
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Interaction weekly = crm.interactions().plan(InteractionKind.MEETING, "Weekly planning", Timing.timed(tenAm(monday),
                tenAm(monday).plusSeconds(3600)), SMITH.id(), i -> i.repeat(Recurrence.of("FREQ=WEEKLY;COUNT=6"))).interaction();
        Occurrences occurrences = crm.interactions().occurrences();
        occurrences.complete(new OccurrenceId(weekly.id(), tenAm(monday)), 0, "Plan agreed");
        occurrences.cancel(new OccurrenceId(weekly.id(), tenAm(monday.plusDays(7))), 0);
        Instant tuesdayNoon = LocalDateTime.of(monday.plusDays(15), LocalTime.of(12, 0)).atZone(NEW_YORK).toInstant();
        occurrences.reschedule(new OccurrenceId(weekly.id(), tenAm(monday.plusDays(14))), 0,
                Timing.timed(tuesdayNoon, tuesdayNoon.plusSeconds(1800)));

        String text = new ICalendarExport(TENANT, crm.clock()).series(occurrences.series(weekly.id()),
                weekly.recurrence().orElseThrow().zone().orElseThrow());

        assertThat(text).contains("RRULE:FREQ=WEEKLY;COUNT=6").contains("EXDATE;TZID=").contains("RECURRENCE-ID;TZID=");
        Calendar read = new CalendarBuilder().build(new StringReader(text));
        assertThat(read.validate().getEntries()).as("ical4j's RFC 5545 validation").isEmpty();
        List<net.fortuna.ical4j.model.component.CalendarComponent> events = read.getComponents(Component.VEVENT);
        net.fortuna.ical4j.model.component.CalendarComponent master = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst().orElseThrow();
        ZonedDateTime from = ZonedDateTime.of(2026, 2, 1, 0, 0, 0, 0, NEW_YORK);
        Set<Period<Temporal>> set = master.calculateRecurrenceSet(new Period<>(from, from.plusMonths(3)));
        TreeSet<Instant> instants = set.stream().map(p -> Instant.from(p.getStart())).collect(Collectors.toCollection(TreeSet::new));
        for (net.fortuna.ical4j.model.component.CalendarComponent override : events) {
            if (override.getProperty(Property.RECURRENCE_ID).isPresent()) {
                instants.remove(Instant.from(((DateProperty<?>) override.getProperty(Property.RECURRENCE_ID).get()).getDate()));
                instants.add(Instant.from(((DateProperty<?>) override.getProperty(Property.DTSTART).get()).getDate()));
            }
        }

        List<Instant> crmkit = occurrences.calendar(Set.of(SMITH.id()), CalendarPeriod.days(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 5, 1), NEW_YORK)).stream().filter(o -> o.state() != InteractionState.CANCELLED)
                .map(o -> o.timing().startKey()).collect(Collectors.toList());
        assertThat(List.copyOf(instants)).isEqualTo(crmkit).containsExactly(
                Instant.parse("2026-03-02T15:00:00Z"), // EST
                tuesdayNoon, // moved, EDT
                Instant.parse("2026-03-23T14:00:00Z"), Instant.parse("2026-03-30T14:00:00Z"), Instant.parse("2026-04-06T14:00:00Z"));
        assertThat(tuesdayNoon).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
        net.fortuna.ical4j.model.component.CalendarComponent done = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent()
                && e.getProperty(Property.DESCRIPTION).isPresent()).findFirst().orElseThrow();
        assertThat(done.getProperty(Property.DESCRIPTION).get().getValue()).isEqualTo("Plan agreed");
        assertThat(occurrences.calendar(Set.of(SMITH.id()), CalendarPeriod.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                NEW_YORK))).extracting(Occurrence::state).contains(InteractionState.CANCELLED);
    }
}
