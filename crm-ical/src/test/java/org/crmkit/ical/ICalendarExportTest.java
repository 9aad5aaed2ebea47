package org.crmkit.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTodo;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.interaction.Importance;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.PromiseSide;
import org.crmkit.interaction.Timing;
import org.junit.jupiter.api.Test;

/**
 * What the export writes, read back by a different parser (ical4j) and by biweekly itself: the
 * same instants (across daylight-saving changes too), days, texts, UIDs and statuses.
 */
class ICalendarExportTest {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final EmployeeId ABDULOV = EmployeeId.of("abdulov");
    private static final EmployeeId PANINA = EmployeeId.of("panina");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2011-09-16T08:30:00Z");
    private static final ICalendarExport EXPORT = new ICalendarExport(TENANT, Clock.fixed(NOW, MOSCOW));

    /** Commas, semicolons, backslash, new lines, Cyrillic, and long enough to be folded. */
    private static final String SUBJECT = "Звонок: цены, скидки; условия \\ «Ветерок»";
    private static final String CONTENT = "Обсудили поставку, сроки; оплату.\nВторая строка: ещё, текст; и обратная косая \\ черта."
            + "\nТретья строка, достаточно длинная, чтобы iCalendar сложил её на несколько строк по 75 октетов.";

    private static long numbers;

    private static Interaction item(InteractionKind kind, String subject, Timing timing) {
        return Interaction.plan(new InteractionId(UUID.randomUUID()), ++numbers, kind, subject, timing, ABDULOV, Optional.of(ABDULOV));
    }

    private static Timing at(String start, String end) {
        return new Timing.Timed(Instant.parse(start), Instant.parse(end));
    }

    private static Timing days(String first, String last) {
        return new Timing.AllDay(LocalDate.parse(first), LocalDate.parse(last));
    }

    private static Calendar ical4j(String text) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }

    /** The components of the calendar by UID. */
    private static Map<String, Component> byUid(Calendar calendar) {
        return calendar.getComponents().stream().filter(c -> c.getName().equals("VEVENT") || c.getName().equals("VTODO"))
                .collect(Collectors.toMap(c -> text(c, Property.UID).orElseThrow(), Function.identity()));
    }

    private static Optional<String> text(Component component, String name) {
        return component.<Property>getProperty(name).map(Property::getValue);
    }

    /** A date-time property as an instant; a DATE as a {@link LocalDate}. */
    private static Optional<Object> when(Component component, String name) {
        return component.<DateProperty<Temporal>>getProperty(name).map(p -> {
            Temporal t = p.getDate();
            if (t instanceof ZonedDateTime) {
                return ((ZonedDateTime) t).toInstant();
            }
            if (t instanceof OffsetDateTime) {
                return ((OffsetDateTime) t).toInstant();
            }
            return t;
        });
    }

    @Test
    void timedItemsKeepTheirInstantsAcrossADaylightSavingChangeInTheZoneAskedFor() throws Exception {
        // Berlin left summer time on 30 October 2011 at 03:00 local (01:00 UTC)
        Interaction overnight = item(InteractionKind.MEETING, "Ночная инвентаризация", at("2011-10-29T21:30:00Z", "2011-10-30T03:00:00Z"));
        Interaction summer = item(InteractionKind.OUTGOING_CALL, "Летний звонок", at("2011-07-01T08:00:00Z", "2011-07-01T08:15:00Z"));
        Interaction winter = item(InteractionKind.INCOMING_CALL, "Зимний звонок", at("2011-12-01T08:00:00Z", "2011-12-01T08:15:00Z"));

        String text = EXPORT.calendar(List.of(overnight, summer, winter), BERLIN);

        assertThat(text).contains("DTSTART;TZID=Europe/Berlin:20111029T233000").contains("DTEND;TZID=Europe/Berlin:20111030T040000")
                .contains("DTSTART;TZID=Europe/Berlin:20110701T100000").contains("DTSTART;TZID=Europe/Berlin:20111201T090000")
                .contains("BEGIN:VTIMEZONE").contains("TZID:Europe/Berlin");
        Map<String, Component> read = byUid(ical4j(text));
        for (Interaction i : List.of(overnight, summer, winter)) {
            Timing.Timed t = (Timing.Timed) i.timing();
            Component c = read.get(EXPORT.uid(i));
            assertThat(when(c, Property.DTSTART)).as(i.subject()).contains(t.start());
            assertThat(when(c, Property.DTEND)).as(i.subject()).contains(t.end());
        }
        ICalendar back = Biweekly.parse(text).first();
        VEvent night = back.getEvents().stream().filter(e -> e.getUid().getValue().equals(EXPORT.uid(overnight))).findFirst().orElseThrow();
        assertThat(night.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2011-10-29T21:30:00Z"));
        assertThat(night.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2011-10-30T03:00:00Z"));
    }

    /**
     * Moscow had summer time until 2011, then +04:00 all year until October 2014, then +03:00. The
     * zone is renamed in the text, so ical4j must compute the instants from the VTIMEZONE the export
     * wrote, not from its own tables. biweekly reads back the same local times and zone.
     */
    @Test
    void theWrittenTimeZoneAloneGivesTheInstantsForMoscowsChangingRules() throws Exception {
        Interaction acrossDst = item(InteractionKind.MEETING, "Через перевод часов", at("2010-10-30T18:00:00Z", "2010-10-31T02:00:00Z"));
        Interaction summer2012 = item(InteractionKind.MEETING, "Лето 2012", at("2012-07-02T06:00:00Z", "2012-07-02T07:00:00Z"));
        Interaction winter2015 = item(InteractionKind.TASK, "Зима 2015", at("2015-01-12T06:00:00Z", "2015-01-12T09:00:00Z"));
        List<Interaction> items = List.of(acrossDst, summer2012, winter2015);

        String text = EXPORT.calendar(items, MOSCOW);
        assertThat(text).contains("DTSTART;TZID=Europe/Moscow:20101030T220000").contains("DTEND;TZID=Europe/Moscow:20101031T050000")
                .contains("DTSTART;TZID=Europe/Moscow:20120702T100000").contains("DUE;TZID=Europe/Moscow:20150112T120000");
        assertThat(ical4j(text).validate().getEntries()).as("ical4j's RFC 5545 validation").isEmpty();
        String renamed = text.replace("Europe/Moscow", "X-Crmkit-Test-Zone");

        Map<String, Component> read = byUid(ical4j(renamed));
        for (Interaction i : items) {
            Timing.Timed t = (Timing.Timed) i.timing();
            Component c = read.get(EXPORT.uid(i));
            assertThat(when(c, Property.DTSTART)).as(i.subject()).contains(t.start());
            assertThat(when(c, i.kind().equals(InteractionKind.TASK) ? Property.DUE : Property.DTEND)).as(i.subject()).contains(t.end());
        }

        ICalendar back = Biweekly.parse(text).first();
        assertThat(back.getTimezoneInfo().getTimezoneById("Europe/Moscow")).isNotNull();
        VEvent night = back.getEvents().stream().filter(e -> e.getUid().getValue().equals(EXPORT.uid(acrossDst))).findFirst().orElseThrow();
        assertThat(night.getDateStart().getValue().getRawComponents().toString(true, false)).isEqualTo("20101030T220000");
        assertThat(night.getDateEnd().getValue().getRawComponents().toString(true, false)).isEqualTo("20101031T050000");
        assertThat(back.getTimezoneInfo().getTimezone(night.getDateEnd()).getComponent().getTimezoneId().getValue()).isEqualTo("Europe/Moscow");
        VTodo task = back.getTodos().get(0);
        assertThat(task.getDateDue().getValue().getRawComponents().toString(true, false)).isEqualTo("20150112T120000");
    }

    @Test
    void allDayAndMultiDayItemsAreDatesEventsEndingTheDayAfterToDosDueOnTheirLastDay() throws Exception {
        Interaction oneDay = item(InteractionKind.PROMOTIONAL_ACTION, "Распродажа", days("2011-09-19", "2011-09-19"));
        Interaction threeDays = item(InteractionKind.MEETING, "Выставка", days("2011-09-19", "2011-09-21"));
        Interaction longTimed = item(InteractionKind.MEETING, "Командировка", at("2011-09-19T05:00:00Z", "2011-09-21T15:00:00Z"));
        Interaction todo = item(InteractionKind.TASK, "Подготовить отчёт", days("2011-09-19", "2011-09-23"));
        Interaction promise = item(InteractionKind.PROMISE, "Выслать прайс", at("2011-09-16T07:00:00Z", "2011-09-16T07:30:00Z"))
                .promise(LocalDate.parse("2011-09-20"), PromiseSide.WE_PROMISED);

        String text = EXPORT.calendar(List.of(oneDay, threeDays, longTimed, todo, promise), MOSCOW);
        assertThat(ical4j(text).validate().getEntries()).as("ical4j's RFC 5545 validation").isEmpty();
        assertThat(text).contains("DTSTART;VALUE=DATE:20110919").contains("DTEND;VALUE=DATE:20110920")
                .contains("DTEND;VALUE=DATE:20110922").contains("DUE;VALUE=DATE:20110923").contains("DUE;VALUE=DATE:20110920");

        Map<String, Component> read = byUid(ical4j(text));
        Component one = read.get(EXPORT.uid(oneDay));
        assertThat(one.getName()).isEqualTo("VEVENT");
        assertThat(when(one, Property.DTSTART)).contains(LocalDate.parse("2011-09-19"));
        assertThat(when(one, Property.DTEND)).contains(LocalDate.parse("2011-09-20"));
        Component three = read.get(EXPORT.uid(threeDays));
        assertThat(when(three, Property.DTSTART)).contains(LocalDate.parse("2011-09-19"));
        assertThat(when(three, Property.DTEND)).contains(LocalDate.parse("2011-09-22"));
        Component trip = read.get(EXPORT.uid(longTimed));
        assertThat(when(trip, Property.DTSTART)).contains(Instant.parse("2011-09-19T05:00:00Z"));
        assertThat(when(trip, Property.DTEND)).contains(Instant.parse("2011-09-21T15:00:00Z"));
        Component report = read.get(EXPORT.uid(todo));
        assertThat(report.getName()).isEqualTo("VTODO");
        assertThat(when(report, Property.DTSTART)).contains(LocalDate.parse("2011-09-19"));
        assertThat(when(report, Property.DUE)).contains(LocalDate.parse("2011-09-23"));
        Component promised = read.get(EXPORT.uid(promise));
        assertThat(promised.getName()).isEqualTo("VTODO");
        assertThat(when(promised, Property.DTSTART)).contains(LocalDate.parse("2011-09-16"));
        assertThat(when(promised, Property.DUE)).contains(LocalDate.parse("2011-09-20"));

        ICalendar back = Biweekly.parse(text).first();
        VEvent exhibition = back.getEvents().stream().filter(e -> e.getUid().getValue().equals(EXPORT.uid(threeDays))).findFirst().orElseThrow();
        assertThat(exhibition.getDateStart().getValue().hasTime()).isFalse();
        assertThat(exhibition.getDateStart().getValue().getRawComponents().toString(false, false)).isEqualTo("20110919");
        assertThat(exhibition.getDateEnd().getValue().getRawComponents().toString(false, false)).isEqualTo("20110922");
    }

    @Test
    void textsWithCommasSemicolonsNewLinesAndCyrillicRoundTrip() throws Exception {
        Interaction call = item(InteractionKind.OUTGOING_CALL, SUBJECT, at("2011-01-10T07:00:00Z", "2011-01-10T07:15:00Z")).describe(CONTENT);
        Interaction done = item(InteractionKind.MEETING, "Итоги", at("2011-01-11T07:00:00Z", "2011-01-11T08:00:00Z"))
                .describe("Повестка; пункты, 1 и 2").complete("Договорились: скидка 5%, оплата; до 20-го");

        String text = EXPORT.calendar(List.of(call, done), MOSCOW);
        Map<String, Component> read = byUid(ical4j(text));
        assertThat(text(read.get(EXPORT.uid(call)), Property.SUMMARY)).contains(call.subject());
        assertThat(text(read.get(EXPORT.uid(call)), Property.DESCRIPTION)).contains(call.content().orElseThrow());
        assertThat(text(read.get(EXPORT.uid(done)), Property.DESCRIPTION))
                .contains("Повестка; пункты, 1 и 2\n\nДоговорились: скидка 5%, оплата; до 20-го");

        ICalendar back = Biweekly.parse(text).first();
        VEvent again = back.getEvents().stream().filter(e -> e.getUid().getValue().equals(EXPORT.uid(call))).findFirst().orElseThrow();
        assertThat(again.getSummary().getValue()).isEqualTo(call.subject());
        assertThat(again.getDescription().getValue()).isEqualTo(CONTENT);
    }

    @Test
    void uidsAreStableSequenceIsTheVersionAndTheStampIsCrmkitsNow() throws Exception {
        Interaction stored = item(InteractionKind.MEETING, "Встреча", at("2011-09-20T07:00:00Z", "2011-09-20T08:00:00Z")).withVersion(4);

        String first = EXPORT.item(stored, MOSCOW);
        String again = EXPORT.item(stored.rename("Встреча (перенесена)").withVersion(5), MOSCOW);

        Component one = byUid(ical4j(first)).get(stored.id().value() + "@veterok");
        Component two = byUid(ical4j(again)).get(stored.id().value() + "@veterok");
        assertThat(text(one, Property.SEQUENCE)).contains("4");
        assertThat(text(two, Property.SEQUENCE)).contains("5");
        assertThat(when(one, Property.DTSTAMP)).contains(NOW);
        assertThat(text(one, Property.CATEGORIES)).contains("meeting");
        assertThat(text(one, Property.PRIORITY)).contains("5");
        assertThat(text(byUid(ical4j(EXPORT.item(stored.withImportance(Importance.HIGH), MOSCOW))).values().iterator().next(),
                Property.PRIORITY)).contains("1");
        List<net.fortuna.ical4j.model.component.CalendarComponent> components = ical4j(first).getComponents();
        assertThat(components.stream().map(Component::getName)).containsExactlyInAnyOrder("VTIMEZONE", "VEVENT");
    }

    @Test
    void statesBecomeTheStatusesOfEventsAndToDos() throws Exception {
        Timing t = at("2011-09-20T07:00:00Z", "2011-09-20T08:00:00Z");
        Interaction planned = item(InteractionKind.MEETING, "Запланирована", t);
        Interaction started = item(InteractionKind.MEETING, "Идёт", t).start();
        Interaction held = item(InteractionKind.MEETING, "Прошла", t).complete(null);
        Interaction dropped = item(InteractionKind.MEETING, "Отменена", t).cancel();
        Interaction todo = item(InteractionKind.TASK, "Сделать", t);
        Interaction doing = item(InteractionKind.TASK, "Делается", t).start();
        Interaction finished = item(InteractionKind.TASK, "Сделано", t).complete("готово");
        Interaction abandoned = item(InteractionKind.TASK, "Не нужно", t).cancel();
        List<Interaction> all = List.of(planned, started, held, dropped, todo, doing, finished, abandoned);

        Calendar calendar = ical4j(EXPORT.calendar(all, MOSCOW));
        assertThat(calendar.validate().getEntries()).as("ical4j's RFC 5545 validation").isEmpty();
        Map<String, Component> read = byUid(calendar);
        List<String> statuses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Interaction i : all) {
            statuses.add(text(read.get(EXPORT.uid(i)), Property.STATUS).orElse("—"));
            names.add(read.get(EXPORT.uid(i)).getName());
        }
        assertThat(statuses).containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED",
                "NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED");
        assertThat(names).containsExactly("VEVENT", "VEVENT", "VEVENT", "VEVENT", "VTODO", "VTODO", "VTODO", "VTODO");
        assertThat(text(read.get(EXPORT.uid(finished)), Property.PERCENT_COMPLETE)).contains("100");
    }

    @Test
    void peopleAreNamedOnlyByTheirEMailAddresses() throws Exception {
        ClientId client = new ClientId(UUID.randomUUID());
        Participant byMail = Participant.of(client, new ContactPersonId(UUID.randomUUID()),
                new ContactEntry(ContactType.EMAIL, "andrei@alkhimov.ru", Optional.empty(), false));
        Participant byPhone = Participant.of(client, new ContactPersonId(UUID.randomUUID()),
                new ContactEntry(ContactType.PHONE, "+74953212223", Optional.empty(), false));
        Interaction meeting = item(InteractionKind.MEETING, "Встреча", at("2011-09-20T07:00:00Z", "2011-09-20T08:00:00Z"))
                .withParticipants(List.of(byMail, byPhone)).withOtherEmployees(List.of(PANINA));

        Component plain = byUid(ical4j(EXPORT.item(meeting, MOSCOW))).get(EXPORT.uid(meeting));
        assertThat(plain.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue).containsExactly("mailto:andrei@alkhimov.ru");
        assertThat(plain.<Property>getProperty(Property.ORGANIZER)).isEmpty();

        ICalendarExport withMail = EXPORT.withEmployeeEmails(e -> e.equals(ABDULOV)
                ? Optional.of(new EmailAddress("abdulov@veterok.ru")) : Optional.empty());
        Component named = byUid(ical4j(withMail.item(meeting, MOSCOW))).get(EXPORT.uid(meeting));
        assertThat(text(named, Property.ORGANIZER)).contains("mailto:abdulov@veterok.ru");
        assertThat(named.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue).containsExactly("mailto:andrei@alkhimov.ru");
        Component both = byUid(ical4j(EXPORT.withEmployeeEmails(e -> Optional.of(new EmailAddress(e.value() + "@veterok.ru")))
                .item(meeting, MOSCOW))).get(EXPORT.uid(meeting));
        assertThat(both.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue)
                .containsExactlyInAnyOrder("mailto:panina@veterok.ru", "mailto:andrei@alkhimov.ru");
    }

    @Test
    void utcIsWrittenAsUtcWithoutATimeZoneComponent() throws Exception {
        Interaction call = item(InteractionKind.OUTGOING_CALL, "Звонок", at("2011-09-20T07:00:00Z", "2011-09-20T07:00:00Z"));
        String text = EXPORT.item(call, ZoneOffset.UTC);
        assertThat(text).contains("DTSTART:20110920T070000Z").doesNotContain("VTIMEZONE").doesNotContain("DTEND");
        assertThat(when(byUid(ical4j(text)).get(EXPORT.uid(call)), Property.DTSTART)).contains(Instant.parse("2011-09-20T07:00:00Z"));
    }

    @Test
    void anEmptyCalendarIsAValidCalendarWithNoComponents() throws Exception {
        String text = EXPORT.calendar(List.of(), MOSCOW);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0\r\n").contains("PRODID:" + ICalendarExport.PRODUCT)
                .endsWith("END:VCALENDAR\r\n");
        Calendar read = ical4j(text);
        assertThat(read.getComponents()).isEmpty();
        read.validate();
        assertThat(Biweekly.parse(text).first().getComponents().size()).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndTheValue() {
        assertThat(ICalendarExport.zone("Europe/Berlin")).isEqualTo(BERLIN);
        assertThatThrownBy(() -> ICalendarExport.zone("Europe/Atlantis"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("zone");
                    assertThat(e.rejectedValue()).isEqualTo("Europe/Atlantis");
                });
        assertThatThrownBy(() -> ICalendarExport.zone("")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> ICalendarExport.zone(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> EXPORT.calendar(null, MOSCOW)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("items"));
        List<Interaction> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> EXPORT.calendar(withNull, MOSCOW)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("items[0]"));
        assertThatThrownBy(() -> EXPORT.calendar(List.of(), null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("zone"));
        assertThatThrownBy(() -> new ICalendarExport(null, Clock.systemUTC())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("tenant"));
        assertThatThrownBy(() -> EXPORT.withEmployeeEmails(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("employeeEmails"));
        assertThat(Set.copyOf(ICalendarExport.TO_DO_KINDS)).containsExactlyInAnyOrder(InteractionKind.TASK, InteractionKind.PROMISE);
    }
}
