package org.crmkit.ical;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.ICalComponent;
import biweekly.component.VEvent;
import biweekly.component.VTodo;
import biweekly.property.Attendee;
import biweekly.property.DateDue;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;

import org.crmkit.client.ContactType;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.interaction.Importance;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.OccurrenceOverride;
import org.crmkit.interaction.Series;
import org.crmkit.interaction.Timing;

/**
 * Writes interactions as iCalendar (RFC 5545) text: a calendar (what
 * {@code crm.interactions().calendar(employees, period)} answers) or one item, for a calendar
 * program to import or subscribe to. Immutable and thread-safe.
 *
 * <p>What becomes what:
 * <ul>
 *   <li>Kinds: {@link InteractionKind#TASK task} and {@link InteractionKind#PROMISE promise} are to-dos
 *       ({@code VTODO}, {@link #TO_DO_KINDS}); every other kind (calls, meetings, letters, e-mails,
 *       SMS, planned and promotional actions, notes, a tenant's own kinds) is an event
 *       ({@code VEVENT}). The kind's key is the {@code CATEGORIES}.</li>
 *   <li>Time: a timed item's {@code DTSTART}/{@code DTEND} (a to-do: {@code DTSTART}/{@code DUE})
 *       are local times in the zone asked for, with its {@code VTIMEZONE} written from Java's
 *       zone rules (UTC is written as UTC, without one). A moment (start = end) has no end. An
 *       all-day item has {@code DATE} values: an event ends the day after its last day
 *       ({@code DTEND} is exclusive), a to-do is due on its last day. A promise is due on its
 *       due day ({@code DUE;VALUE=DATE}). A to-do's start is left out when it is not before its due.</li>
 *   <li>{@code UID} is {@code <interaction id>@<tenant>}: stable, so a calendar updates the item
 *       it imported before; {@code SEQUENCE} is the stored version; {@code DTSTAMP} is now by
 *       crmkit's clock.</li>
 *   <li>{@code SUMMARY} is the subject, {@code DESCRIPTION} the content (and the result of a done
 *       item after a blank line), {@code PRIORITY} 1, 5, 9 for high, normal, low importance.</li>
 *   <li>{@code STATUS}: an event planned or in progress is {@code CONFIRMED}, done {@code CONFIRMED}
 *       too (RFC 5545 has no completed event), cancelled {@code CANCELLED}; a to-do planned is
 *       {@code NEEDS-ACTION}, in progress {@code IN-PROCESS}, done {@code COMPLETED} (with
 *       {@code PERCENT-COMPLETE:100}), cancelled {@code CANCELLED}.</li>
 *   <li>{@code ATTENDEE}: the participants reached by an e-mail address; {@code ORGANIZER} (the
 *       responsible employee) and the other employees as attendees only when the host gives
 *       employees' addresses ({@link #withEmployeeEmails}). Without an address nobody is named.</li>
 * </ul>
 * A series ({@link #series}) is its master component with the series' {@code RRULE} beside the
 * first start, in the zone the series is expanded in ({@code crm.zoneOf(responsible)}), so a reader
 * expands it across DST changes as crmkit does; each cancelled occurrence is an {@code EXDATE}, each
 * other occurrence with a state or time of its own (done, in progress, moved) a component with the
 * same {@code UID} and {@code RECURRENCE-ID} (its original start) and its own time and status.
 * The VTIMEZONE covers the series up to its end, or five years from its start for an endless rule.
 */
public final class ICalendarExport {
    /** The kinds written as to-dos; all others are events. */
    public static final Set<InteractionKind> TO_DO_KINDS = Set.of(InteractionKind.TASK, InteractionKind.PROMISE);
    /** The {@code PRODID} of every calendar written. */
    public static final String PRODUCT = "-//crmkit//crm-ical//EN";

    private static final Map<Importance, Integer> PRIORITY = Map.of(Importance.HIGH, 1, Importance.NORMAL, 5, Importance.LOW, 9);

    private final TenantId tenant;
    private final Clock clock;
    private final Function<EmployeeId, Optional<EmailAddress>> employeeEmails;

    /**
     * @param tenant the tenant the interactions belong to: part of every {@code UID}
     * @param clock  crmkit's clock ({@code crm.clock()}): {@code DTSTAMP} is its now
     */
    public ICalendarExport(TenantId tenant, Clock clock) {
        this(ValidationException.required(tenant, "tenant"), ValidationException.required(clock, "clock"), e -> Optional.empty());
    }

    private ICalendarExport(TenantId tenant, Clock clock, Function<EmployeeId, Optional<EmailAddress>> employeeEmails) {
        this.tenant = tenant;
        this.clock = clock;
        this.employeeEmails = employeeEmails;
    }

    /**
     * The same export naming employees by their e-mail addresses: the responsible employee as
     * {@code ORGANIZER}, the others taking part as {@code ATTENDEE}s (an employee without one is left out).
     */
    public ICalendarExport withEmployeeEmails(Function<EmployeeId, Optional<EmailAddress>> emails) {
        return new ICalendarExport(tenant, clock, ValidationException.required(emails, "employeeEmails"));
    }

    /**
     * A zone by its id ({@code Europe/Moscow}), as a host reads it from a setting or a request; an
     * id Java does not know is refused with a {@link ValidationException} naming the field
     * {@code zone} and the id.
     */
    public static ZoneId zone(String id) {
        ValidationException.required(id, "zone");
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new ValidationException("zone", id, "is not a time zone id (such as Europe/Moscow or UTC)");
        }
    }

    /** The {@code UID} of an interaction in this tenant: {@code <interaction id>@<tenant>}. */
    public String uid(Interaction item) {
        ValidationException.required(item, "item");
        return item.id().value() + "@" + tenant.value();
    }

    /**
     * The items as one {@code VCALENDAR} (an empty list gives a valid calendar with no
     * components), timed items in {@code zone}.
     */
    public String calendar(List<Interaction> items, ZoneId zone) {
        ValidationException.requiredElements(items, "items");
        ValidationException.required(zone, "zone");
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT);
        zoneFor(items, zone).ifPresent(z -> calendar.getTimezoneInfo().setDefaultTimezone(z));
        Date stamp = Date.from(clock.instant());
        for (Interaction item : items) {
            calendar.addComponent(component(item, zone, stamp));
        }
        return Biweekly.write(calendar).go();
    }

    /** One item as a {@code VCALENDAR} of its own, its times in {@code zone}. */
    public String item(Interaction item, ZoneId zone) {
        ValidationException.required(item, "item");
        return calendar(List.of(item), zone);
    }

    /**
     * A series as one {@code VCALENDAR}: the master component with {@code RRULE} and {@code EXDATE}s
     * and one {@code RECURRENCE-ID} component per occurrence with a state or time of its own (see
     * above). {@code zone} should be the zone the series is expanded in, pinned in its rule
     * ({@link org.crmkit.interaction.Recurrence#zone()}); in another zone the RRULE is still exact in
     * instants only while both zones change their clocks alike.
     */
    public String series(Series series, ZoneId zone) {
        ValidationException.required(series, "series");
        ValidationException.required(zone, "zone");
        Interaction master = series.interaction();
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT);
        boolean timed = master.timing() instanceof Timing.Timed;
        if (timed && !ZoneDefinition.isUtc(zone)) {
            Instant from = master.timing().startKey();
            Instant until = master.seriesEndBound().orElse(from.plus(5 * 366, ChronoUnit.DAYS));
            for (OccurrenceOverride o : series.overrides()) {
                from = o.timing().startKey().isBefore(from) ? o.timing().startKey() : from;
                until = o.timing().endKey().isAfter(until) ? o.timing().endKey() : until;
            }
            calendar.getTimezoneInfo().setDefaultTimezone(ZoneDefinition.of(zone, from.minus(1, ChronoUnit.DAYS), until.plus(1, ChronoUnit.DAYS)));
        }
        Date stamp = Date.from(clock.instant());
        ICalComponent component = component(master, zone, stamp);
        component.addExperimentalProperty("RRULE", master.recurrence().orElseThrow(() ->
                new ValidationException("series", master.id(), "does not recur")).rule());
        biweekly.property.ExceptionDates cancelled = new biweekly.property.ExceptionDates();
        series.overrides().stream().filter(o -> o.state() == InteractionState.CANCELLED)
                .forEach(o -> cancelled.getValues().add(originalStart(o, timed)));
        if (!cancelled.getValues().isEmpty()) {
            component.addProperty(cancelled);
        }
        calendar.addComponent(component);
        for (OccurrenceOverride o : series.overrides()) {
            if (o.state() == InteractionState.CANCELLED) {
                continue;
            }
            // the occurrence as an item of its own: the series' texts and people, its own state, result and time
            Interaction own = new Interaction(master.id(), master.number(), master.kind(), master.direction(), o.state(), master.subject(),
                    master.content(), o.result(), o.timing(), o.responsible().orElse(master.responsible()), master.otherEmployees(), master.author(),
                    master.importance(), master.project(), master.basedOn(), master.deal(), master.participants(), master.promise(),
                    master.recurrence(), master.version() + o.version());
            ICalComponent occurrence = component(own, zone, stamp);
            occurrence.setProperty(new biweekly.property.RecurrenceId(originalStart(o, timed)));
            calendar.addComponent(occurrence);
        }
        return Biweekly.write(calendar).go();
    }

    /** An occurrence's original start as a {@code RECURRENCE-ID} or {@code EXDATE} value: a date-time, or a date for an all-day series. */
    private static ICalDate originalStart(OccurrenceOverride o, boolean timed) {
        Instant start = o.id().originalStart();
        return timed ? new ICalDate(Date.from(start), true) : day(LocalDate.ofInstant(start, java.time.ZoneOffset.UTC));
    }

    /** The VTIMEZONE to write, spanning every timed item, unless nothing is timed or the zone is UTC. */
    private static Optional<biweekly.io.TimezoneAssignment> zoneFor(List<Interaction> items, ZoneId zone) {
        if (ZoneDefinition.isUtc(zone)) {
            return Optional.empty();
        }
        Instant from = null;
        Instant until = null;
        for (Interaction item : items) {
            if (item.timing() instanceof Timing.Timed) {
                Timing.Timed timed = (Timing.Timed) item.timing();
                from = from == null || timed.start().isBefore(from) ? timed.start() : from;
                until = until == null || timed.end().isAfter(until) ? timed.end() : until;
            }
        }
        return from == null ? Optional.empty()
                : Optional.of(ZoneDefinition.of(zone, from.minus(1, ChronoUnit.DAYS), until.plus(1, ChronoUnit.DAYS)));
    }

    private ICalComponent component(Interaction item, ZoneId zone, Date stamp) {
        boolean toDo = TO_DO_KINDS.contains(item.kind());
        ICalComponent component = toDo ? new VTodo() : new VEvent();
        component.setProperty(new biweekly.property.Uid(uid(item)));
        component.setProperty(new biweekly.property.DateTimeStamp(stamp));
        component.setProperty(new biweekly.property.Sequence((int) Math.min(Integer.MAX_VALUE, item.version())));
        component.setProperty(new biweekly.property.Summary(item.subject()));
        description(item).ifPresent(text -> component.setProperty(new biweekly.property.Description(text)));
        component.setProperty(new biweekly.property.Priority(PRIORITY.get(item.importance())));
        component.addProperty(new biweekly.property.Categories(item.kind().key()));
        component.setProperty(status(item.state(), toDo));
        if (toDo && item.state() == InteractionState.DONE) {
            component.setProperty(new biweekly.property.PercentComplete(100));
        }
        schedule(component, item, zone, toDo);
        people(component, item);
        return component;
    }

    /**
     * The item's time: the one place that writes it (and, once recurrence exists, its
     * {@code RRULE} and {@code EXDATE}).
     */
    private static void schedule(ICalComponent component, Interaction item, ZoneId zone, boolean toDo) {
        if (item.promise().isPresent()) {
            LocalDate due = item.promise().get().due();
            LocalDate start = item.timing() instanceof Timing.Timed
                    ? LocalDate.ofInstant(((Timing.Timed) item.timing()).start(), zone) : ((Timing.AllDay) item.timing()).first();
            if (start.isBefore(due)) {
                component.setProperty(new DateStart(day(start), false));
            }
            component.setProperty(new DateDue(day(due), false));
            return;
        }
        if (item.timing() instanceof Timing.Timed) {
            Timing.Timed timed = (Timing.Timed) item.timing();
            boolean moment = timed.start().equals(timed.end());
            if (!(toDo && moment)) {
                component.setProperty(new DateStart(Date.from(timed.start()), true));
            }
            if (toDo) {
                component.setProperty(new DateDue(Date.from(timed.end()), true));
            } else if (!moment) {
                component.setProperty(new DateEnd(Date.from(timed.end()), true));
            }
            return;
        }
        Timing.AllDay days = (Timing.AllDay) item.timing();
        if (toDo) {
            if (days.first().isBefore(days.last())) {
                component.setProperty(new DateStart(day(days.first()), false));
            }
            component.setProperty(new DateDue(day(days.last()), false));
        } else {
            component.setProperty(new DateStart(day(days.first()), false));
            component.setProperty(new DateEnd(day(days.last().plusDays(1)), false));
        }
    }

    /** A {@code DATE} value, the same day whatever the JVM's default zone. */
    private static ICalDate day(LocalDate date) {
        return new ICalDate(new DateTimeComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()), false);
    }

    private static Optional<String> description(Interaction item) {
        if (item.result().isEmpty()) {
            return item.content();
        }
        return Optional.of(item.content().map(c -> c + "\n\n").orElse("") + item.result().get());
    }

    private static Status status(InteractionState state, boolean toDo) {
        switch (state) {
            case PLANNED:
                return toDo ? Status.needsAction() : Status.confirmed();
            case IN_PROGRESS:
                // biweekly's inProgress() is vCalendar's IN-PROGRESS; RFC 5545 says IN-PROCESS
                return toDo ? new Status("IN-PROCESS") : Status.confirmed();
            case DONE:
                return toDo ? Status.completed() : Status.confirmed();
            default:
                return Status.cancelled();
        }
    }

    private Optional<EmailAddress> emailOf(EmployeeId employee) {
        Optional<EmailAddress> email = employeeEmails.apply(employee);
        return email == null ? Optional.empty() : email;
    }

    private void people(ICalComponent component, Interaction item) {
        emailOf(item.responsible()).ifPresent(e -> component.setProperty(new Organizer(null, e.value())));
        for (EmployeeId other : item.otherEmployees()) {
            emailOf(other).ifPresent(e -> component.addProperty(new Attendee(null, e.value())));
        }
        item.participants().stream().flatMap(p -> p.channel().stream()).filter(c -> c.type() == ContactType.EMAIL).distinct()
                .forEach(c -> component.addProperty(new Attendee(null, c.value())));
    }
}
