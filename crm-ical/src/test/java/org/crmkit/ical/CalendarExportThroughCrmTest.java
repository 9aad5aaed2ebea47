package org.crmkit.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

import org.crmkit.Crm;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.Timing;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * The way a host uses the export: the calendar query of a Crm with a tenant zone, written in the
 * employee's zone (or the tenant's), stamped by crmkit's clock.
 */
class CalendarExportThroughCrmTest {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final Instant NOW = Instant.parse("2011-09-16T08:30:00Z");
    private static final Employee ABDULOV = Employee.of("abdulov", "Абдулов", null);
    private static final Employee PETROV = Employee.of("petrov", "Петров", null).inZone(ZoneId.of("Asia/Vladivostok"));

    @Test
    void anEmployeesWeekIsExportedInTheirZoneWithCrmkitsClock() throws Exception {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).clock(Clock.fixed(NOW, ZoneId.of("UTC"))).zone("Europe/Moscow")
                .employees(EmployeeDirectory.of(List.of(ABDULOV, PETROV))).actor(Actor.employee(TENANT, ABDULOV.id())).build();
        Interaction call = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Позвонить в «Ветерок»",
                new Timing.Timed(Instant.parse("2011-09-19T06:00:00Z"), Instant.parse("2011-09-19T06:15:00Z")), PETROV.id(),
                i -> i.describe("Уточнить цены, сроки; скидки")).interaction();
        Interaction fair = crm.interactions().plan(InteractionKind.MEETING, "Выставка",
                new Timing.AllDay(LocalDate.parse("2011-09-20"), LocalDate.parse("2011-09-21")), PETROV.id(), i -> i).interaction();
        crm.interactions().plan(InteractionKind.MEETING, "Чужая встреча",
                new Timing.Timed(Instant.parse("2011-09-19T06:00:00Z"), Instant.parse("2011-09-19T07:00:00Z")), ABDULOV.id(), i -> i);

        Set<EmployeeId> whose = Set.of(PETROV.id());
        ZoneId zone = crm.zoneOf(PETROV.id());
        List<Interaction> week = crm.interactions().calendar(whose, CalendarPeriod.days(LocalDate.parse("2011-09-19"),
                LocalDate.parse("2011-09-25"), zone));
        String text = new ICalendarExport(TENANT, crm.clock()).calendar(week, zone);

        assertThat(text).contains("DTSTART;TZID=Asia/Vladivostok:20110919T170000").contains("TZID:Asia/Vladivostok")
                .doesNotContain("Чужая встреча");
        Calendar read = new CalendarBuilder().build(new StringReader(text));
        Map<String, Component> byUid = read.getComponents().stream().filter(c -> !c.getName().equals("VTIMEZONE"))
                .collect(Collectors.toMap(c -> c.<Property>getProperty(Property.UID).orElseThrow().getValue(), Function.identity()));
        assertThat(byUid).containsOnlyKeys(call.id().value() + "@veterok", fair.id().value() + "@veterok");
        Component readCall = byUid.get(call.id().value() + "@veterok");
        assertThat(instant(readCall, Property.DTSTART)).isEqualTo(Instant.parse("2011-09-19T06:00:00Z"));
        assertThat(instant(readCall, Property.DTEND)).isEqualTo(Instant.parse("2011-09-19T06:15:00Z"));
        assertThat(instant(readCall, Property.DTSTAMP)).isEqualTo(NOW);
        assertThat(readCall.<Property>getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo(String.valueOf(call.version()));
        assertThat(readCall.<Property>getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo("Уточнить цены, сроки; скидки");
        assertThat(byUid.get(fair.id().value() + "@veterok").<DateProperty<Temporal>>getProperty(Property.DTEND).orElseThrow().getDate())
                .isEqualTo(LocalDate.parse("2011-09-22"));

        assertThat(new ICalendarExport(TENANT, crm.clock()).calendar(week, crm.zone()))
                .contains("DTSTART;TZID=Europe/Moscow:20110919T100000");
    }

    private static Instant instant(Component component, String name) {
        Temporal t = component.<DateProperty<Temporal>>getProperty(name).orElseThrow().getDate();
        return t instanceof ZonedDateTime ? ((ZonedDateTime) t).toInstant() : Instant.from(t);
    }
}
