package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.audit.AuditEntry;
import org.crmkit.common.Actor;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.feed.FeedEntry;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.Lease;
import org.crmkit.interaction.Reminder;
import org.crmkit.interaction.ReminderEvent;
import org.crmkit.interaction.ReminderId;
import org.crmkit.interaction.ReminderState;
import org.crmkit.interaction.Reminders;
import org.crmkit.interaction.Timing;
import org.junit.jupiter.api.Test;

/**
 * Reminders on interactions in the store kit, through the use cases on the store under test: each
 * due reminder is leased to one caller, acknowledged with its token, due again after an
 * unacknowledged lease; two polls at the same time (real concurrent transactions on a database)
 * get disjoint reminders that together are all of them; reminders follow their interaction when it
 * is rescheduled, reassigned, handed over or closed; and every refusal names its field and value
 * and stores nothing.
 */
abstract class ReminderContract extends InteractionContract {
    private static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    private static final EmployeeId PANINA = EmployeeId.of("panina");
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Timing AFTERNOON = Timing.timed(Instant.parse("2026-03-02T14:00:00Z"), Instant.parse("2026-03-02T15:00:00Z"));
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final List<DomainEvent> reminderEvents = new ArrayList<>();

    private Crm reminderCrm(DealContract.HandClock clock) {
        EmployeeDirectory staff = EmployeeDirectory.of(List.of(Employee.of("alekseev", "Алексеев", "sales"),
                Employee.of("panina", "Панина", "sales")));
        return Crm.builder().storage(storage()).clock(clock).employees(staff).actor(Actor.employee(tenant, ALEKSEEV))
                .listener(reminderEvents::add).features(Reminders.FEATURE).build();
    }

    private static Interaction meeting(Crm crm, Timing timing) {
        return crm.interactions().plan(InteractionKind.MEETING, "Встреча с клиентом", timing, ALEKSEEV, i -> i).interaction();
    }

    private static Set<ReminderId> idsOf(List<Reminder> reminders) {
        return reminders.stream().map(Reminder::id).collect(Collectors.toSet());
    }

    @Test
    void aDueReminderIsLeasedOnceAcknowledgedWithItsTokenAndComesBackWhenItsLeaseEndsUnacknowledged() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = reminderCrm(clock);
        Interaction meeting = meeting(crm, AFTERNOON);
        Reminder early = crm.interactions().reminders().set(meeting.id(), NINE.minus(Duration.ofHours(1)));
        Reminder now = crm.interactions().reminders().set(meeting.id(), PANINA, NINE);
        Reminder later = crm.interactions().reminders().set(meeting.id(), Instant.parse("2026-03-02T13:45:00Z"));
        assertThat(early.employee()).as("the responsible by default").isEqualTo(ALEKSEEV);
        assertThat(List.of(early.state(), now.state(), later.state())).containsOnly(ReminderState.PENDING);

        List<Reminder> first = crm.interactions().reminders().due(NINE, Duration.ofMinutes(5), 10);
        assertThat(first).extracting(Reminder::id).containsExactly(early.id(), now.id());
        UUID token = first.get(0).lease().orElseThrow().token();
        assertThat(first).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ReminderState.LEASED);
            assertThat(r.lease().orElseThrow().token()).isEqualTo(token);
            assertThat(r.lease().orElseThrow().until()).isEqualTo(NINE.plus(Duration.ofMinutes(5)));
        });
        assertThat(crm.interactions().reminders().due(NINE.plus(MINUTE), Duration.ofMinutes(5), 10)).as("leased: not due again").isEmpty();

        assertThatThrownBy(() -> crm.interactions().reminders().acknowledge(early.id(), UUID.randomUUID()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("token"));
        Reminder fired = crm.interactions().reminders().acknowledge(early.id(), token);
        assertThat(fired.state()).isEqualTo(ReminderState.ACKNOWLEDGED);
        assertThat(fired.lease()).isEmpty();
        assertThatThrownBy(() -> crm.interactions().reminders().acknowledge(early.id(), token))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("state"));

        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> crm.interactions().reminders().acknowledge(now.id(), token))
                .as("the lease has ended").isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("token");
                    assertThat(e.rejectedValue()).isEqualTo(token.toString());
                    assertThat(e.getMessage()).contains("only until");
                });
        List<Reminder> again = crm.interactions().reminders().due(Duration.ofMinutes(5), 10);
        assertThat(again).as("the unacknowledged one comes back, the acknowledged one never").extracting(Reminder::id)
                .containsExactly(now.id());
        UUID second = again.get(0).lease().orElseThrow().token();
        assertThat(second).isNotEqualTo(token);
        assertThatThrownBy(() -> crm.interactions().reminders().acknowledge(now.id(), token))
                .as("the first caller's token no longer holds it").isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("another caller"));
        crm.interactions().reminders().acknowledge(now.id(), second);

        assertThat(crm.interactions().reminders().due(Instant.parse("2026-03-02T13:45:00Z"), MINUTE, 10)).extracting(Reminder::id)
                .containsExactly(later.id());
        assertThat(crm.interactions().reminders().of(meeting.id())).extracting(Reminder::state)
                .containsExactly(ReminderState.ACKNOWLEDGED, ReminderState.ACKNOWLEDGED, ReminderState.LEASED);
        assertThat(crm.interactions().journal(meeting.id())).filteredOn(e -> e.field().equals("reminder")).hasSize(5);
        assertThat(crm.feed().after(0, 10_000)).filteredOn(f -> f.kind().equals(Reminders.KIND)).extracting(FeedEntry::change)
                .containsExactly("set", "set", "set", "acknowledged", "acknowledged");
        assertThat(reminderEvents).filteredOn(e -> e instanceof ReminderEvent).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Added", "Added", "Added", "Acknowledged", "Acknowledged");
    }

    @Test
    void aPollBehindTheClockLeasesFromTheClocksNowSoItsCallerCanStillAcknowledge() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = reminderCrm(clock);
        Interaction meeting = meeting(crm, AFTERNOON);
        Reminder reminder = crm.interactions().reminders().set(meeting.id(), NINE);
        clock.advance(Duration.ofHours(1));

        List<Reminder> leased = crm.interactions().reminders().due(NINE, Duration.ofMinutes(5), 10);

        assertThat(leased).extracting(Reminder::id).containsExactly(reminder.id());
        Lease lease = leased.get(0).lease().orElseThrow();
        assertThat(lease.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(crm.interactions().reminders().due(Duration.ofMinutes(5), 10)).as("held against a poller at the clock's now").isEmpty();
        assertThat(crm.interactions().reminders().acknowledge(reminder.id(), lease.token()).state()).isEqualTo(ReminderState.ACKNOWLEDGED);
    }

    @Test
    void aPollLeasesAtMostMaxThoseThatFireFirstFirst() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = reminderCrm(clock);
        Interaction meeting = meeting(crm, AFTERNOON);
        List<Reminder> set = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            set.add(crm.interactions().reminders().set(meeting.id(), NINE.minus(Duration.ofMinutes(i))));
        }
        assertThat(crm.interactions().reminders().due(NINE, MINUTE, 2)).extracting(Reminder::id)
                .containsExactly(set.get(0).id(), set.get(1).id());
        assertThat(crm.interactions().reminders().due(NINE, MINUTE, 2)).extracting(Reminder::id)
                .containsExactly(set.get(2).id(), set.get(3).id());
        assertThat(crm.interactions().reminders().due(NINE, MINUTE, 2)).extracting(Reminder::id).containsExactly(set.get(4).id());
        assertThat(crm.interactions().reminders().due(NINE, MINUTE, 2)).isEmpty();
    }

    @Test
    void twoPollsAtTheSameTimeGetDisjointRemindersThatTogetherAreAllOfThem() throws Exception {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = reminderCrm(clock);
        Interaction meeting = meeting(crm, AFTERNOON);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                Instant now = NINE.plus(Duration.ofHours(round));
                Set<ReminderId> due = new HashSet<>();
                for (int i = 0; i < 30; i++) {
                    due.add(crm.interactions().reminders().set(meeting.id(), now.minusSeconds(i)).id());
                }
                int max = round % 2 == 0 ? Reminders.MAX_DUE : 7; // one poll for all, or many small polls each
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<List<Reminder>> poller = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<Reminder> mine = new ArrayList<>();
                    List<Reminder> got;
                    do {
                        got = crm.interactions().reminders().due(now, Reminders.MAX_LEASE, max); // still held in later rounds
                        mine.addAll(got);
                    } while (!got.isEmpty());
                    return mine;
                };
                Future<List<Reminder>> a = pool.submit(poller);
                Future<List<Reminder>> b = pool.submit(poller);
                Set<ReminderId> first = idsOf(a.get(60, TimeUnit.SECONDS));
                Set<ReminderId> second = idsOf(b.get(60, TimeUnit.SECONDS));
                assertThat(Collections.disjoint(first, second)).as("round %d: disjoint %s and %s", round, first, second).isTrue();
                Set<ReminderId> union = new HashSet<>(first);
                union.addAll(second);
                assertThat(union).as("round %d: all of them", round).isEqualTo(due);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void remindersMoveWithTheirInteractionAndAreDroppedWhenItCloses() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = reminderCrm(clock);
        Interaction meeting = meeting(crm, AFTERNOON);
        Reminder quarter = crm.interactions().reminders().set(meeting.id(), Instant.parse("2026-03-02T13:45:00Z"));
        Reminder atEnd = crm.interactions().reminders().set(meeting.id(), PANINA, Instant.parse("2026-03-02T15:00:00Z"));
        Reminder fired = crm.interactions().reminders().set(meeting.id(), NINE);
        crm.interactions().reminders().acknowledge(fired.id(), crm.interactions().reminders().due(NINE, MINUTE, 10).get(0).lease()
                .orElseThrow().token());

        // a day later, and half an hour shorter: moved by the start's offset, not past the new end
        Interaction moved = crm.interactions().reschedule(meeting.id(), meeting.version(),
                Timing.timed(Instant.parse("2026-03-03T14:00:00Z"), Instant.parse("2026-03-03T14:30:00Z"))).interaction();
        assertThat(crm.interactions().reminders().find(quarter.id()).orElseThrow().fireAt()).isEqualTo(Instant.parse("2026-03-03T13:45:00Z"));
        assertThat(crm.interactions().reminders().find(atEnd.id()).orElseThrow().fireAt()).isEqualTo(Instant.parse("2026-03-03T14:30:00Z"));
        assertThat(crm.interactions().reminders().find(fired.id()).orElseThrow().fireAt()).as("history stays").isEqualTo(NINE);

        Interaction reassigned = crm.interactions().reassign(meeting.id(), moved.version(), EmployeeId.of("sidorov"));
        assertThat(crm.interactions().reminders().find(quarter.id()).orElseThrow().employee()).isEqualTo(EmployeeId.of("sidorov"));
        assertThat(crm.interactions().reminders().find(atEnd.id()).orElseThrow().employee()).as("not the former responsible's")
                .isEqualTo(PANINA);
        assertThat(crm.interactions().reminders().find(fired.id()).orElseThrow().employee()).isEqualTo(ALEKSEEV);

        crm.interactions().complete(meeting.id(), reassigned.version(), "Провели");
        assertThat(crm.interactions().reminders().of(meeting.id())).extracting(Reminder::id).containsExactly(fired.id());
        assertThat(crm.interactions().reminders().due(Instant.parse("2026-03-04T00:00:00Z"), MINUTE, 10)).isEmpty();
        assertThat(crm.feed().after(0, 10_000)).filteredOn(f -> f.kind().equals(Reminders.KIND)).extracting(FeedEntry::change)
                .containsExactly("set", "set", "set", "acknowledged", "moved", "moved", "reassigned", "dropped", "dropped");
        assertThat(reminderEvents).filteredOn(e -> e instanceof ReminderEvent).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Added", "Added", "Added", "Acknowledged", "Moved", "Moved", "Reassigned", "Cancelled", "Cancelled");

        Interaction call = meeting(crm, AFTERNOON);
        Reminder toCancel = crm.interactions().reminders().set(call.id(), NINE);
        crm.interactions().reminders().cancel(toCancel.id());
        assertThat(crm.interactions().reminders().find(toCancel.id())).isEmpty();
        crm.interactions().cancel(call.id(), call.version());
        assertThat(crm.interactions().journal(call.id())).extracting(AuditEntry::field).contains("reminder");
    }

    @Test
    void aHandOverMovesTheLeaversUnacknowledgedRemindersOfTheOpenItemsItMoves() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = reminderCrm(clock);
        Interaction open = meeting(crm, AFTERNOON);
        Interaction done = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок", AFTERNOON, ALEKSEEV, i -> i).interaction();
        Reminder mine = crm.interactions().reminders().set(open.id(), NINE);
        Reminder sidorovs = crm.interactions().reminders().set(open.id(), EmployeeId.of("sidorov"), NINE);
        Reminder onDone = crm.interactions().reminders().set(done.id(), NINE.plusSeconds(1));
        crm.interactions().reminders().acknowledge(onDone.id(),
                crm.interactions().reminders().due(NINE.plusSeconds(1), MINUTE, 10).stream().filter(r -> r.id().equals(onDone.id()))
                        .findFirst().orElseThrow().lease().orElseThrow().token());
        crm.interactions().complete(done.id(), done.version(), "Дозвонились");

        crm.handOvers().handOver(ALEKSEEV, PANINA);

        assertThat(crm.interactions().reminders().find(mine.id()).orElseThrow().employee()).isEqualTo(PANINA);
        assertThat(crm.interactions().reminders().find(mine.id()).orElseThrow().state()).as("still leased to its poll")
                .isEqualTo(ReminderState.LEASED);
        assertThat(crm.interactions().reminders().find(sidorovs.id()).orElseThrow().employee()).isEqualTo(EmployeeId.of("sidorov"));
        assertThat(crm.interactions().reminders().find(onDone.id()).orElseThrow().employee()).as("history is not rewritten")
                .isEqualTo(ALEKSEEV);
    }

    @Test
    void everyRefusalNamesItsFieldAndValueAndStoresNothing() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = reminderCrm(clock);
        Interaction open = meeting(crm, AFTERNOON);
        Interaction allDay = meeting(crm, Timing.allDay(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)));
        Interaction done = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок", AFTERNOON, ALEKSEEV, i -> i.complete("Да"))
                .interaction();
        Interaction cancelled = crm.interactions().plan(InteractionKind.TASK, "Задача", AFTERNOON, ALEKSEEV, Interaction::cancel).interaction();
        InteractionId unknown = new InteractionId(UUID.randomUUID());
        int fed = crm.feed().after(0, 10_000).size();

        refused(() -> crm.interactions().reminders().set(open.id(), Instant.parse("2026-03-02T15:00:00.000001Z")), "fireAt",
                "2026-03-02T15:00:00.000001Z");
        refused(() -> crm.interactions().reminders().set(allDay.id(), Instant.parse("2026-03-04T00:00:00.000001Z")), "fireAt",
                "2026-03-04T00:00:00.000001Z");
        refused(() -> crm.interactions().reminders().set(unknown, NINE), "interaction", unknown.toString());
        refused(() -> crm.interactions().reminders().set(done.id(), NINE), "interaction.state", "DONE");
        refused(() -> crm.interactions().reminders().set(cancelled.id(), PANINA, NINE), "interaction.state", "CANCELLED");
        refused(() -> crm.interactions().reminders().due(NINE, Duration.ZERO, 10), "leaseFor", "PT0S");
        refused(() -> crm.interactions().reminders().due(NINE, Duration.ofDays(2), 10), "leaseFor", "PT48H");
        refused(() -> crm.interactions().reminders().due(NINE, MINUTE, 0), "max", "0");
        refused(() -> crm.interactions().reminders().due(NINE, MINUTE, Reminders.MAX_DUE + 1), "max", "1001");
        assertThatThrownBy(() -> crm.interactions().reminders().acknowledge(new ReminderId(UUID.randomUUID()), UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.interactions().reminders().cancel(new ReminderId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);

        Reminder pending = crm.interactions().reminders().set(allDay.id(), Instant.parse("2026-03-04T00:00:00Z"));
        refused(() -> crm.interactions().reminders().acknowledge(pending.id(), UUID.fromString("00000000-0000-0000-0000-000000000001")),
                "token", "00000000-0000-0000-0000-000000000001");
        for (Interaction i : List.of(open, allDay, done, cancelled)) {
            assertThat(crm.interactions().reminders().of(i.id())).as("nothing stored").extracting(Reminder::id)
                    .isSubsetOf(Optional.of(pending.id()).stream().collect(Collectors.toList()));
        }
        assertThat(crm.feed().after(0, 10_000)).hasSize(fed + 1);
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String value) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rejectedValue()).isEqualTo(value);
        });
    }
}
