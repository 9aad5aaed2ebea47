package org.crmkit.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.crmkit.Crm;
import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.feed.FeedEntry;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** The interaction use cases as a host calls them: planning, verbs, calendar, history, obligations, access, bad input. */
class InteractionsTest {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final EmployeeId ABDULOV = EmployeeId.of("abdulov");
    private static final EmployeeId PANINA = EmployeeId.of("panina");
    private static final EmployeeId SIDOROV = EmployeeId.of("sidorov");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** "Now" for every test: 15 January 2011, 12:00 in Moscow. */
    private static final Instant NOW = Instant.parse("2011-01-15T09:00:00Z");

    private final List<DomainEvent> events = new ArrayList<>();
    private final InMemoryStorage storage = new InMemoryStorage();

    private Crm crm(EmployeeId as) {
        return Crm.builder().storage(storage).clock(Clock.fixed(NOW, MOSCOW)).actor(Actor.employee(TENANT, as)).listener(events::add).build();
    }

    private static Timing at(String start, String end) {
        return Timing.timed(Instant.parse(start), Instant.parse(end));
    }

    private int fed(Crm crm) {
        return crm.feed().after(0, 10_000).size();
    }

    @Test
    void aPlannedMeetingIsNumberedJournaledFedAndAnnouncedAndItsVerbsMoveItOn() {
        Crm crm = crm(ABDULOV);
        Client alkhimov = crm.clients().register(NewClient.legalEntity("Алхимов А.А.")
                .contactPerson(PersonName.of("Алхимов", "Андрей", "Андреевич"), p -> p));
        ContactPersonId andrei = crm.contactPersons().ofClient(alkhimov.id()).get(0).id();
        ContactEntry phone = crm.clients().contact(ContactType.PHONE, "8 (495) 321-22-23");
        events.clear();

        Scheduled first = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Согласовать поставку",
                at("2011-01-10T07:00:00Z", "2011-01-10T07:15:00Z"), ABDULOV,
                i -> i.withParticipants(List.of(Participant.of(alkhimov.id(), andrei, phone))).describe("Обсудили сроки.\nЖдёт счёт."));
        Scheduled second = crm.interactions().plan(InteractionKind.MEETING, "Встреча в офисе", at("2011-01-20T07:00:00Z", "2011-01-20T09:00:00Z"),
                ABDULOV, i -> i.withParticipants(List.of(Participant.of(alkhimov.id()))).withOtherEmployees(List.of(PANINA)));

        Interaction call = first.interaction();
        assertThat(call.number()).isEqualTo(1);
        assertThat(second.interaction().number()).isEqualTo(2);
        assertThat(call.direction()).contains(Direction.OUTGOING);
        assertThat(call.author()).contains(ABDULOV);
        assertThat(call.state()).isEqualTo(InteractionState.PLANNED);
        assertThat(call.participants().get(0).channel()).contains(phone);
        assertThat(first.busy()).isFalse();
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Planned", "Planned");
        assertThat(crm.feed().after(0, 10_000)).filteredOn(e -> e.kind().equals("interaction"))
                .extracting(FeedEntry::change, FeedEntry::fields).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("planned", Set.of()), org.assertj.core.groups.Tuple.tuple("planned", Set.of()));
        assertThat(crm.clients().history(alkhimov.id())).filteredOn(e -> e.subject().equals("interaction:" + call.id())).singleElement()
                .satisfies(e -> assertThat(e.newValue()).contains("№ 1 outgoing-call: Согласовать поставку"));

        events.clear();
        Interaction started = crm.interactions().start(call.id(), call.version());
        Interaction done = crm.interactions().complete(call.id(), started.version(), "Договорились о поставке 20 января");
        Scheduled moved = crm.interactions().reschedule(second.interaction().id(), 1, at("2011-01-21T07:00:00Z", "2011-01-21T08:00:00Z"));
        Interaction handed = crm.interactions().reassign(second.interaction().id(), moved.interaction().version(), SIDOROV);

        assertThat(done.state()).isEqualTo(InteractionState.DONE);
        assertThat(done.result()).contains("Договорились о поставке 20 января");
        assertThat(handed.responsible()).isEqualTo(SIDOROV);
        assertThat(handed.otherEmployees()).containsExactly(PANINA);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Started", "Completed", "Rescheduled", "Reassigned");
        assertThat(crm.interactions().journal(call.id())).extracting(AuditEntry::field).containsExactly("planned", "state", "state", "result");
        assertThat(crm.feed().after(0, 10_000)).filteredOn(e -> e.kind().equals("interaction")).extracting(FeedEntry::change)
                .containsExactly("planned", "planned", "started", "completed", "rescheduled", "reassigned");
        assertThat(crm.feed().after(0, 10_000)).filteredOn(e -> e.kind().equals("interaction"))
                .allSatisfy(e -> assertThat(e.fields()).allSatisfy(f -> assertThat(f).doesNotContain("Договорились")));
    }

    @Test
    void startedWithinLastDaysIsReadAtTheCrmClockInItsZone() {
        Crm crm = crm(ABDULOV);
        // 2011-01-10 07:00 UTC is 10:00 in Moscow; now is 2011-01-15 12:00 in Moscow
        crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок", at("2011-01-10T07:00:00Z", "2011-01-10T07:15:00Z"), ABDULOV, i -> i);
        // 2011-01-09 21:30 UTC is 2011-01-10 00:30 in Moscow: inside "the last 5 days" there, not in UTC
        crm.interactions().plan(InteractionKind.MEETING, "Ночная встреча", at("2011-01-09T21:30:00Z", "2011-01-09T22:00:00Z"), ABDULOV, i -> i);
        crm.interactions().plan(InteractionKind.MEETING, "Встреча", at("2011-01-20T07:00:00Z", "2011-01-20T09:00:00Z"), ABDULOV, i -> i);
        assertThat(crm.interactions().count(new InteractionCriterion.StartedWithinLastDays(4))).isZero();
        assertThat(crm.interactions().count(new InteractionCriterion.StartedWithinLastDays(5))).isEqualTo(2);
        assertThat(crm.interactions().find(InteractionQuery.where(new InteractionCriterion.StartedWithinLastDays(5))))
                .extracting(Interaction::subject).containsExactlyInAnyOrder("Звонок", "Ночная встреча");
        assertThat(crm.interactions().listAfter(new InteractionCriterion.StartedWithinLastDays(0), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void planningOverAnotherItemOfTheSameEmployeeWarnsButStores() {
        Crm crm = crm(ABDULOV);
        Interaction meeting = crm.interactions().plan(InteractionKind.MEETING, "Встреча", at("2011-01-20T07:00:00Z", "2011-01-20T09:00:00Z"),
                ABDULOV, i -> i).interaction();
        crm.interactions().plan(InteractionKind.TASK, "Отменённая", at("2011-01-20T08:00:00Z", "2011-01-20T08:30:00Z"), ABDULOV,
                Interaction::cancel);
        Interaction panina = crm.interactions().plan(InteractionKind.TASK, "Чужая", at("2011-01-20T08:00:00Z", "2011-01-20T08:30:00Z"), PANINA,
                i -> i).interaction();

        Scheduled clash = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок", at("2011-01-20T08:00:00Z", "2011-01-20T08:10:00Z"),
                ABDULOV, i -> i);
        assertThat(clash.busy()).isTrue();
        assertThat(clash.overlapping()).containsExactly(meeting);
        assertThat(crm.interactions().get(clash.interaction().id())).isEqualTo(clash.interaction());

        Scheduled touching = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Сразу после", at("2011-01-20T09:00:00Z", "2011-01-20T09:10:00Z"),
                ABDULOV, i -> i);
        assertThat(touching.busy()).as("an item that starts when another ends does not clash").isFalse();
        Scheduled allDay = crm.interactions().plan(InteractionKind.PLANNED_ACTION, "Весь день", Timing.allDay(LocalDate.of(2011, 1, 20),
                LocalDate.of(2011, 1, 20)), SIDOROV, i -> i.withOtherEmployees(List.of(PANINA)));
        assertThat(allDay.overlapping()).as("the day in the clock's zone, for everyone taking part").containsExactly(panina);
    }

    @Test
    void theCalendarHistoryAndOverdueObligationsAreInTheirOrder() {
        Crm crm = crm(ABDULOV);
        Client client = crm.clients().register(NewClient.legalEntity("Ромашка"));
        Supplier<List<Participant>> with = () -> List.of(Participant.of(client.id()));
        Interaction late = crm.interactions().plan(InteractionKind.TASK, "Просрочено давно", at("2011-01-03T07:00:00Z", "2011-01-03T08:00:00Z"),
                PANINA, i -> i.withParticipants(with.get())).interaction();
        Interaction promise = crm.interactions().plan(InteractionKind.PROMISE, "Обещали скидку", at("2011-01-05T07:00:00Z", "2011-01-05T07:00:00Z"),
                ABDULOV, i -> i.withParticipants(with.get()).promise(LocalDate.of(2011, 1, 13), PromiseSide.WE_PROMISED)).interaction();
        Interaction notYet = crm.interactions().plan(InteractionKind.PROMISE, "Клиент обещал оплату", at("2011-01-05T07:00:00Z",
                "2011-01-05T07:00:00Z"), ABDULOV, i -> i.promise(LocalDate.of(2011, 1, 15), PromiseSide.CLIENT_PROMISED)).interaction();
        Interaction yesterday = crm.interactions().plan(InteractionKind.PLANNED_ACTION, "Вчерашнее", Timing.allDay(LocalDate.of(2011, 1, 14),
                LocalDate.of(2011, 1, 14)), ABDULOV, i -> i).interaction();
        Interaction today = crm.interactions().plan(InteractionKind.PLANNED_ACTION, "Сегодняшнее", Timing.allDay(LocalDate.of(2011, 1, 15),
                LocalDate.of(2011, 1, 15)), ABDULOV, i -> i.withParticipants(with.get())).interaction();
        Interaction lateButDone = crm.interactions().plan(InteractionKind.MEETING, "Прошла", at("2011-01-04T07:00:00Z", "2011-01-04T08:00:00Z"),
                ABDULOV, i -> i.withParticipants(with.get()).complete(null)).interaction();
        Interaction endsNow = crm.interactions().plan(InteractionKind.MEETING, "Идёт сейчас", at("2011-01-15T08:00:00Z", "2011-01-15T09:00:00Z"),
                ABDULOV, Interaction::start).interaction();

        assertThat(crm.interactions().overdue(100)).as("by responsible, oldest first; due today is not overdue yet")
                .containsExactly(promise, yesterday, late);
        assertThat(crm.interactions().overdue(100)).doesNotContain(notYet, today, lateButDone, endsNow);
        assertThat(crm.interactions().history(client.id())).containsExactly(late, lateButDone, promise, today);
        assertThat(crm.interactions().calendar(Set.of(ABDULOV), CalendarPeriod.days(LocalDate.of(2011, 1, 14), LocalDate.of(2011, 1, 15), MOSCOW)))
                .as("an all-day item sorts at midnight UTC of its day").containsExactly(yesterday, today, endsNow);
        assertThat(crm.interactions().calendar(Set.of(ABDULOV, PANINA), CalendarPeriod.days(LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 3),
                MOSCOW))).containsExactly(late);
        assertThatThrownBy(() -> crm.interactions().history(new ClientId(java.util.UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInputIsRefusedNamingFieldAndValueAndNothingIsStoredFedOrAnnounced() {
        Crm crm = crm(ABDULOV);
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").contactPerson(PersonName.of("Иванов", "Иван", null), p -> p));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета").contactPerson(PersonName.of("Петров", "Пётр", null), p -> p));
        ContactPersonId betasPerson = crm.contactPersons().ofClient(beta.id()).get(0).id();
        Timing hour = at("2011-01-20T07:00:00Z", "2011-01-20T08:00:00Z");
        int fed = fed(crm);
        events.clear();

        assertRefused(() -> Timing.timed(Instant.parse("2011-01-20T08:00:00Z"), Instant.parse("2011-01-20T07:59:59Z")), "end", "2011-01-20T07:59:59Z");
        assertRefused(() -> Timing.allDay(LocalDate.of(2011, 1, 20), LocalDate.of(2011, 1, 19)), "end", "2011-01-19");
        assertRefused(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV,
                i -> i.withParticipants(List.of(Participant.of(alfa.id(), betasPerson, null)))), "participants[0].person", betasPerson.toString());
        ClientId unknown = new ClientId(java.util.UUID.randomUUID());
        assertRefused(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV,
                i -> i.withParticipants(List.of(Participant.of(unknown)))), "participants[0].client", unknown.toString());
        assertRefused(() -> crm.interactions().plan(InteractionKind.INCOMING_CALL, "Звонок", hour, ABDULOV,
                i -> i.withDirection(Direction.OUTGOING)), "direction", "OUTGOING");
        assertRefused(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV,
                i -> i.withDirection(Direction.INCOMING)), "direction", "INCOMING");
        InteractionId nowhere = new InteractionId(java.util.UUID.randomUUID());
        assertRefused(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV, i -> i.basedOn(nowhere)), "basedOn",
                nowhere.toString());
        assertRefused(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV,
                i -> Interaction.plan(new InteractionId(nowhere.value()), i.number(), i.kind(), i.subject(), i.timing(), i.responsible(),
                        i.author())), "id", nowhere.toString());
        assertRefused(() -> crm.interactions().plan(InteractionKind.NOTE, "Заметка\u202E", hour, ABDULOV, i -> i), "subject", "Заметка\u202E");
        assertRefused(() -> crm.interactions().plan(InteractionKind.NOTE, "x".repeat(Interaction.SUBJECT_MAX + 1), hour, ABDULOV, i -> i),
                "subject", "x".repeat(Interaction.SUBJECT_MAX + 1));
        assertRefused(() -> crm.interactions().plan(InteractionKind.NOTE, "Заметка", hour, ABDULOV,
                i -> i.describe("строка\rещё")), "content", "строка\rещё");
        assertRefused(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV,
                i -> i.promise(LocalDate.of(2011, 1, 1), PromiseSide.WE_PROMISED).withKind(InteractionKind.MEETING)), "promise", "2011-01-01");
        assertRefused(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV, i -> i.cancel().start()), "state",
                "CANCELLED");
        assertThat(crm.interactions().count(Criterion.all())).isZero();
        assertThat(fed(crm)).isEqualTo(fed);
        assertThat(events).isEmpty();

        Interaction planned = crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ABDULOV, i -> i).interaction();
        Interaction cancelled = crm.interactions().cancel(planned.id(), planned.version());
        int fedAfter = fed(crm);
        events.clear();
        assertThatThrownBy(() -> crm.interactions().start(planned.id(), planned.version())).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> crm.interactions().save(planned.describe("устаревшая копия"))).isInstanceOf(ConcurrentChangeException.class);
        assertRefused(() -> crm.interactions().complete(cancelled.id(), cancelled.version(), "поздно"), "state", "CANCELLED");
        assertRefused(() -> crm.interactions().reschedule(cancelled.id(), cancelled.version(), hour), "state", "CANCELLED");
        assertRefused(() -> crm.interactions().reassign(cancelled.id(), cancelled.version(), PANINA), "state", "CANCELLED");
        assertRefused(() -> crm.interactions().save(new Interaction(cancelled.id(), cancelled.number(), cancelled.kind(), cancelled.direction(),
                InteractionState.PLANNED, cancelled.subject(), cancelled.content(), cancelled.result(), cancelled.timing(), cancelled.responsible(),
                cancelled.otherEmployees(), cancelled.author(), cancelled.importance(), cancelled.project(), cancelled.basedOn(),
                cancelled.deal(), cancelled.participants(), cancelled.promise(), cancelled.recurrence(), cancelled.version())), "state", "CANCELLED");
        assertRefused(() -> crm.interactions().save(new Interaction(cancelled.id(), 99, cancelled.kind(), cancelled.direction(),
                cancelled.state(), cancelled.subject(), cancelled.content(), cancelled.result(), cancelled.timing(), cancelled.responsible(),
                cancelled.otherEmployees(), cancelled.author(), cancelled.importance(), cancelled.project(), cancelled.basedOn(),
                cancelled.deal(), cancelled.participants(), cancelled.promise(), cancelled.recurrence(), cancelled.version())), "number", "99");
        assertThat(crm.interactions().get(planned.id())).isEqualTo(cancelled);
        assertThat(fed(crm)).isEqualTo(fedAfter);
        assertThat(events).isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String value) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rejectedValue()).isEqualTo(value);
        });
    }

    @Test
    void anEmployeeSeesTheInteractionsOfTheirClientsAndTheirOwnOnly() {
        EmployeeDirectory staff = EmployeeDirectory.of(List.of(Employee.of("abdulov", "Абдулов", null), Employee.of("panina", "Панина", null),
                Employee.of("sidorov", "Сидоров", null)));
        Crm admin = Crm.builder().storage(storage).clock(Clock.fixed(NOW, MOSCOW)).actor(Actor.system(TENANT, "admin")).build();
        Client ofAbdulov = admin.clients().register(NewClient.legalEntity("Клиент Абдулова").manager(ABDULOV));
        Client ofPanina = admin.clients().register(NewClient.legalEntity("Клиент Паниной").manager(PANINA));
        Timing hour = at("2011-01-20T07:00:00Z", "2011-01-20T08:00:00Z");
        Interaction atHisClient = admin.interactions().plan(InteractionKind.MEETING, "У его клиента", hour, PANINA,
                i -> i.withParticipants(List.of(Participant.of(ofAbdulov.id())))).interaction();
        Interaction hisTask = admin.interactions().plan(InteractionKind.TASK, "Его задача", hour, ABDULOV,
                i -> i.withParticipants(List.of(Participant.of(ofPanina.id())))).interaction();
        Interaction takingPart = admin.interactions().plan(InteractionKind.MEETING, "Он участвует", hour, SIDOROV,
                i -> i.withOtherEmployees(List.of(ABDULOV))).interaction();
        Interaction notHis = admin.interactions().plan(InteractionKind.MEETING, "Не его", hour, PANINA,
                i -> i.withParticipants(List.of(Participant.of(ofPanina.id())))).interaction();

        Crm abdulov = Crm.builder().storage(storage).clock(Clock.fixed(NOW, MOSCOW)).employees(staff).accessPolicy(ClientAccess.ownAndTeam(staff))
                .actor(Actor.employee(TENANT, ABDULOV)).build();
        assertThat(abdulov.interactions().find(InteractionQuery.where(Criterion.all())))
                .containsExactlyInAnyOrder(atHisClient, hisTask, takingPart);
        assertThat(abdulov.interactions().find(notHis.id())).isEmpty();
        assertThatThrownBy(() -> abdulov.interactions().cancel(notHis.id(), 1)).isInstanceOf(NotFoundException.class);
        assertRefused(() -> abdulov.interactions().plan(InteractionKind.MEETING, "К чужому клиенту", hour, ABDULOV,
                i -> i.withParticipants(List.of(Participant.of(ofPanina.id())))), "participants[0].client", ofPanina.id().toString());
        assertThat(abdulov.interactions().count(new InteractionCriterion.ResponsibleIn(Set.of(PANINA)))).isEqualTo(1);
        assertThat(admin.interactions().count(new InteractionCriterion.ResponsibleIn(Set.of(PANINA)))).isEqualTo(2);
        assertThat(abdulov.clients().count(new org.crmkit.client.ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT,
                new InteractionCriterion.KindIn(Set.of(InteractionKind.MEETING))))).isEqualTo(1);
        assertThat(Optional.of(hisTask)).contains(abdulov.interactions().get(hisTask.id()));
    }
}
