package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.TenantId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.deal.Deal;
import org.crmkit.deal.DealId;
import org.crmkit.deal.NewDeal;
import org.crmkit.deal.Pipeline;
import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Importance;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionQuery;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Scheduled;
import org.crmkit.interaction.Timing;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Interactions in the store kit: stored and read back whole, versioned, numbered once; random
 * criterion trees over every interaction leaf select the same interactions in every order as the
 * in-memory meaning does ({@link InteractionCriterion#matches}); clients filtered by their
 * interactions ({@link InteractionCriterion#OF_CLIENT}) likewise; the link to a deal stored, found
 * and checked; and bad input through the use cases stores nothing, on every storage.
 */
abstract class InteractionContract extends DealContract {
    /** The seed of the random trees: the same trees in every run and every store. */
    static final long INTERACTION_SEED = 0x1A7E_4AC7L;
    private static final int INTERACTION_TREES = 200;
    private static final String[] SUBJECT_FRAGMENTS = {"ёлк", "ЕЛКИ", "100%", "_5", "в офисе", "счёт", "zzz", "%"};
    private static final String[] CONTENT_FRAGMENTS = {"ёлок", "5%", "_2024", "елок. перезвонить", "договор", "zzz"};

    /** What a test stores: clients, their persons and a population of interactions, as stored. */
    /** The moment relative leaves ("started within last n days") are read at: days after the samples' interactions, in Moscow. */
    private static final java.time.ZonedDateTime RELATIVE_NOW = java.time.ZonedDateTime.of(2024, 4, 2, 9, 0, 0, 0, ZoneId.of("Europe/Moscow"));

    private record Base(List<Client> clients, List<ContactPerson> persons, List<Interaction> interactions) {
    }

    private Base storeBase(int interactions) {
        List<Client> clients = InteractionSamples.clients(ids::next, 10);
        List<ContactPerson> persons = InteractionSamples.persons(ids::next, clients);
        List<Interaction> population = InteractionSamples.population(ids::next, clients, persons, interactions);
        storage().inTransaction(tenant, s -> {
            s.get(ClientStore.class).insertAll(clients);
            s.get(ContactPersonStore.class).insertAll(persons);
            population.forEach(i -> s.get(InteractionStore.class).insert(i));
            return null;
        });
        return new Base(clients.stream().map(c -> c.withVersion(1)).collect(Collectors.toList()),
                persons.stream().map(p -> p.withVersion(1)).collect(Collectors.toList()),
                population.stream().map(i -> i.withVersion(1)).collect(Collectors.toList()));
    }

    private List<Interaction> find(InteractionQuery query) {
        return storage().read(tenant, s -> s.get(InteractionStore.class).find(query));
    }

    @Test
    void everyStoredInteractionReadsBackEqualAtVersionOne() {
        Base base = storeBase(40);
        for (Interaction expected : base.interactions()) {
            assertThat(storage().<Optional<Interaction>>read(tenant, s -> s.get(InteractionStore.class).get(expected.id())))
                    .contains(expected);
        }
        assertThat(find(new InteractionQuery(Criterion.all(), InteractionQuery.Order.NUMBER, 0, 100)))
                .containsExactlyElementsOf(base.interactions());
    }

    @Test
    void anUpdateOfAnyPartMovesTheVersionAndAStaleCopyChangesNothing() {
        Base base = storeBase(12);
        Interaction v1 = base.interactions().stream().filter(i -> i.isOpen() && i.participants().size() == 2).findFirst().orElseThrow();
        Interaction changed = v1.withParticipants(List.of(v1.participants().get(1), Participant.of(base.clients().get(0).id())))
                .withOtherEmployees(List.of(EmployeeId.of("guest"), EmployeeId.of("panina")))
                .reschedule(Timing.allDay(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 3))).describe(null).complete("Готово");
        Interaction v2 = storage().inTransaction(tenant, s -> s.get(InteractionStore.class).update(changed));
        assertThat(v2).isEqualTo(changed.withVersion(2));
        assertThat(storage().<Optional<Interaction>>read(tenant, s -> s.get(InteractionStore.class).get(v1.id()))).contains(v2);

        Interaction onlyPeople = v2.withParticipants(List.of());
        Interaction v3 = storage().inTransaction(tenant, s -> s.get(InteractionStore.class).update(onlyPeople));
        assertThat(v3.version()).isEqualTo(3);

        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(InteractionStore.class).update(v1.rename("устарело"))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(storage().<Optional<Interaction>>read(tenant, s -> s.get(InteractionStore.class).get(v1.id()))).contains(v3);
    }

    @Test
    void aNumberIsStoredOnceAndNeverHandedOutAgainAfterARollback() {
        Base base = storeBase(3);
        Interaction first = base.interactions().get(0);
        Interaction other = Interaction.plan(new InteractionId(ids.next()), 100, InteractionKind.NOTE, "Другая", first.timing(),
                first.responsible(), Optional.empty());
        Interaction clash = Interaction.plan(new InteractionId(ids.next()), first.number(), InteractionKind.NOTE, "Тот же номер",
                first.timing(), first.responsible(), Optional.empty());
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> {
            s.get(InteractionStore.class).insert(other);
            return s.get(InteractionStore.class).insert(clash);
        })).isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThat(storage().<Optional<Interaction>>read(tenant, s -> s.get(InteractionStore.class).get(other.id()))).isEmpty();

        long[] reserved = new long[1];
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> {
            reserved[0] = s.get(InteractionStore.class).reserveNumbers(2);
            throw new IllegalStateException("the host's work failed");
        })).isInstanceOf(IllegalStateException.class);
        long next = storage().inTransaction(tenant, s -> s.get(InteractionStore.class).reserveNumbers(1));
        assertThat(next).isEqualTo(reserved[0] + 2);
        assertThat(storage().<Long>read(tenant, s -> s.get(InteractionStore.class).count(Criterion.all()))).isEqualTo(3);
    }

    @Test
    void randomInteractionTreesSelectTheSameInteractionsInEveryOrderAsMemory() {
        Base base = storeBase(72);
        Related related = new Related(base);
        qt().withFixedSeed(INTERACTION_SEED).withExamples(INTERACTION_TREES).withShrinkCycles(200)
                .forAll(in -> interactionTree(in, base, 3)).checkAssert(relative -> {
                    Criterion<InteractionCriterion> tree = Criterion.at(relative, RELATIVE_NOW);
                    List<Interaction> expected = base.interactions().stream().filter(i -> InteractionCriterion.matches(tree, i, related))
                            .collect(Collectors.toList());
                    assertThat(storage().<Long>read(tenant, s -> s.get(InteractionStore.class).count(tree))).as("count of %s", tree)
                            .isEqualTo(expected.size());
                    for (InteractionQuery.Order order : InteractionQuery.Order.values()) {
                        assertThat(find(new InteractionQuery(tree, order, 0, 1000))).as("%s in %s order", tree, order)
                                .containsExactlyElementsOf(expected.stream().sorted(order.comparator()).collect(Collectors.toList()));
                    }
                });
    }

    @Test
    void theCalendarHistoryAndObligationQueriesAndAPageOffsetAgreeWithMemory() {
        Base base = storeBase(60);
        Related related = new Related(base);
        List<InteractionQuery> queries = new ArrayList<>();
        for (CalendarPeriod period : InteractionSamples.periods()) {
            queries.add(InteractionQuery.calendar(Set.of(EmployeeId.of("panina"), EmployeeId.of("guest")), period));
        }
        base.clients().forEach(c -> queries.add(InteractionQuery.history(c.id())));
        queries.add(InteractionQuery.overdue(InteractionSamples.BASE.plusSeconds(5 * 3600), LocalDate.of(2024, 3, 31)));
        queries.add(InteractionQuery.overdue(InteractionSamples.BASE.plusSeconds(40 * 3600), LocalDate.of(2024, 4, 1)).page(3, 5));
        queries.add(InteractionQuery.where(new InteractionCriterion.StateIn(InteractionState.OPEN)).page(7, 9));
        for (InteractionQuery query : queries) {
            assertThat(find(query)).as("%s", query).containsExactlyElementsOf(base.interactions().stream()
                    .filter(i -> InteractionCriterion.matches(query.where(), i, related)).sorted(query.order().comparator())
                    .skip(query.offset()).limit(query.limit()).collect(Collectors.toList()));
        }
    }

    @Test
    void longItemsAreFoundDeepInsideThemAndAnItemThatGrowsIsFoundInItsNewSpan() {
        EmployeeId panina = EmployeeId.of("panina");
        Interaction quarter = Interaction.plan(new InteractionId(ids.next()), 1, InteractionKind.TASK, "Квартальный план",
                Timing.allDay(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 9)), panina, Optional.empty());
        Interaction trip = Interaction.plan(new InteractionId(ids.next()), 2, InteractionKind.MEETING, "Командировка",
                Timing.timed(Instant.parse("2024-03-01T06:00:00Z"), Instant.parse("2024-03-04T18:00:00Z")), panina, Optional.empty());
        Interaction call = Interaction.plan(new InteractionId(ids.next()), 3, InteractionKind.OUTGOING_CALL, "Звонок",
                Timing.timed(Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:30:00Z")), panina, Optional.empty());
        List<Interaction> stored = new ArrayList<>();
        for (Interaction x : List.of(call, trip, quarter)) { // the longest last: every write must raise the recorded span
            stored.add(storage().inTransaction(tenant, s -> s.get(InteractionStore.class).insert(x)));
        }
        ZoneId moscow = InteractionSamples.MOSCOW;
        List<CalendarPeriod> periods = List.of(CalendarPeriod.days(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 1, 20), moscow),
                CalendarPeriod.days(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 9), moscow),
                CalendarPeriod.days(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 10), InteractionSamples.BERLIN),
                new CalendarPeriod(Instant.parse("2024-03-04T17:59:59Z"), Instant.parse("2024-03-04T19:00:00Z"), moscow),
                new CalendarPeriod(Instant.parse("2024-03-04T18:00:00Z"), Instant.parse("2024-03-04T19:00:00Z"), moscow),
                CalendarPeriod.days(LocalDate.of(2024, 7, 15), LocalDate.of(2024, 7, 15), moscow));
        for (CalendarPeriod period : periods) {
            InteractionQuery query = InteractionQuery.calendar(Set.of(panina), period);
            assertThat(find(query)).as("%s", period).containsExactlyElementsOf(stored.stream()
                    .filter(i -> i.timing().overlaps(period)).sorted(query.order().comparator()).collect(Collectors.toList()));
        }
        assertThat(find(InteractionQuery.calendar(Set.of(panina), periods.get(0)))).containsExactly(stored.get(2));
        assertThat(find(InteractionQuery.calendar(Set.of(panina), periods.get(3)))).containsExactly(stored.get(1));
        assertThat(find(InteractionQuery.calendar(Set.of(panina), periods.get(4)))).as("it ended at 18:00").isEmpty();

        Interaction grown = storage().inTransaction(tenant, s -> s.get(InteractionStore.class)
                .update(stored.get(0).reschedule(Timing.allDay(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 9, 30)))));
        assertThat(find(InteractionQuery.calendar(Set.of(panina), periods.get(5)))).as("five months long now").containsExactly(grown);

        // late in the evening west of Greenwich: the all-day item's key (its day at midnight UTC) lies
        // more than a day before the period starts, and it still starts in, and overlaps, the period
        Interaction day = storage().inTransaction(tenant, s -> s.get(InteractionStore.class).insert(Interaction.plan(
                new InteractionId(ids.next()), 4, InteractionKind.TASK, "Отчёт за день", Timing.allDay(LocalDate.of(2024, 3, 5),
                        LocalDate.of(2024, 3, 5)), panina, Optional.empty())));
        CalendarPeriod evening = new CalendarPeriod(Instant.parse("2024-03-06T03:00:00Z"), Instant.parse("2024-03-06T04:00:00Z"),
                ZoneId.of("America/New_York"));
        assertThat(find(InteractionQuery.where(new InteractionCriterion.StartsIn(evening)))).containsExactly(day);
        assertThat(find(InteractionQuery.calendar(Set.of(panina), evening))).containsExactly(day);
    }

    @Test
    void keysetPagesListEveryMatchingInteractionOnceById() {
        Base base = storeBase(30);
        Criterion<InteractionCriterion> open = new InteractionCriterion.StateIn(InteractionState.OPEN);
        List<InteractionId> listed = new ArrayList<>();
        Optional<InteractionId> after = Optional.empty();
        List<Interaction> page;
        do {
            Optional<InteractionId> cursor = after;
            page = storage().read(tenant, s -> s.get(InteractionStore.class).findAfter(open, cursor, 4));
            page.forEach(i -> listed.add(i.id()));
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == 4);
        assertThat(listed).containsExactlyElementsOf(base.interactions().stream().filter(Interaction::isOpen).map(Interaction::id)
                .sorted(Comparator.comparing(InteractionId::value, SortOrder.UUIDS)).collect(Collectors.toList()));
    }

    @Test
    void clientsFilteredByTheirInteractionsAreTheSameAsInMemory() {
        Base base = storeBase(48);
        Related related = new Related(base);
        qt().withFixedSeed(INTERACTION_SEED + 1).withExamples(INTERACTION_TREES / 2).withShrinkCycles(200)
                .forAll(in -> clientTree(in, base, 2)).checkAssert(relative -> {
                    Criterion<ClientCriterion> tree = ClientCriterion.at(relative, RELATIVE_NOW);
                    assertThat(ClientCriterion.dependsOnClock(relative)).as("%s depends on the clock", relative)
                            .isEqualTo(relative.toString().contains("StartedWithinLastDays["));
                    List<ClientId> expected = base.clients().stream().filter(c -> ClientCriterion.matches(tree, c, related))
                            .sorted(Comparator.comparing(c -> c.code().value(), SortOrder.TEXT)).map(Client::id).collect(Collectors.toList());
                    assertThat(storage().<List<Client>>read(tenant, s -> s.get(ClientStore.class).find(new ClientQuery(tree,
                            ClientQuery.Order.CODE, 0, 1000)))).extracting(Client::id).as("clients of %s", tree).containsExactlyElementsOf(expected);
                    assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(tree))).as("count of %s", tree)
                            .isEqualTo(expected.size());
                });
    }

    @Test
    void badInputThroughTheUseCasesIsRefusedNamingTheFieldAndStoresNothing() {
        Crm crm = Crm.builder().storage(storage()).actor(Actor.employee(tenant, EmployeeId.of("alekseev"))).build();
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").contactPerson(PersonName.of("Иванов", "Иван", null), p -> p));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета").contactPerson(PersonName.of("Петров", "Пётр", null), p -> p));
        ContactPersonId betaPerson = crm.contactPersons().ofClient(beta.id()).get(0).id();
        int fed = storage().<Integer>read(tenant, s -> s.get(FeedStore.class).after(0, 1000).size());
        Timing hour = Timing.timed(Instant.parse("2024-04-01T09:00:00Z"), Instant.parse("2024-04-01T10:00:00Z"));
        EmployeeId alekseev = EmployeeId.of("alekseev");

        assertThatThrownBy(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, alekseev,
                i -> i.withParticipants(List.of(Participant.of(alfa.id(), betaPerson, null)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("participants[0].person");
                    assertThat(e.rejectedValue()).isEqualTo(betaPerson.toString());
                });
        ClientId nobody = newClientId();
        assertThatThrownBy(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, alekseev,
                i -> i.withParticipants(List.of(Participant.of(alfa.id()), Participant.of(nobody)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("participants[1].client");
                    assertThat(e.rejectedValue()).isEqualTo(nobody.toString());
                });
        assertThatThrownBy(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча\u202Eацйе", hour, alekseev, i -> i))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        assertThat(crm.interactions().count(Criterion.all())).isZero();
        assertThat(storage().<Integer>read(tenant, s -> s.get(FeedStore.class).after(0, 1000).size())).isEqualTo(fed);

        Scheduled planned = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Позвонить", hour, alekseev,
                i -> i.withParticipants(List.of(Participant.of(beta.id(), betaPerson, null))));
        Interaction done = crm.interactions().complete(planned.interaction().id(), 1, "Дозвонились");
        assertThatThrownBy(() -> crm.interactions().complete(planned.interaction().id(), 1, "ещё раз"))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> crm.interactions().cancel(done.id(), done.version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("state");
                    assertThat(e.rejectedValue()).isEqualTo("DONE");
                });
        assertThat(crm.interactions().get(done.id())).isEqualTo(done);
        assertThat(crm.interactions().history(beta.id())).containsExactly(done);
        assertThat(crm.interactions().history(alfa.id())).isEmpty();
    }

    @Test
    void aDealLinkReadsBackThroughEveryChangeAndItsCriterionFindsExactlyTheDealsInteractions() {
        Base base = storeBase(40);
        Interaction linked = base.interactions().stream().filter(i -> i.deal().isPresent() && i.isOpen()).findFirst().orElseThrow();
        DealId other = InteractionSamples.dealOf(linked.clients().get(0), 2);
        Interaction moved = storage().inTransaction(tenant, s -> s.get(InteractionStore.class).update(linked.forDeal(other)));
        assertThat(storage().<Optional<Interaction>>read(tenant, s -> s.get(InteractionStore.class).get(linked.id())))
                .contains(moved).hasValueSatisfying(i -> assertThat(i.deal()).contains(other));
        Interaction cleared = storage().inTransaction(tenant, s -> s.get(InteractionStore.class).update(moved.forDeal(null)));
        assertThat(storage().<Optional<Interaction>>read(tenant, s -> s.get(InteractionStore.class).get(linked.id())))
                .contains(cleared).hasValueSatisfying(i -> assertThat(i.deal()).isEmpty());

        List<Interaction> now = base.interactions().stream().map(i -> i.id().equals(linked.id()) ? cleared : i).collect(Collectors.toList());
        for (Client client : base.clients()) {
            for (int which = 0; which < 3; which++) {
                DealId deal = InteractionSamples.dealOf(client.id(), which);
                List<Interaction> expected = now.stream().filter(i -> i.deal().equals(Optional.of(deal)))
                        .sorted(InteractionQuery.Order.START.comparator()).collect(Collectors.toList());
                assertThat(find(InteractionQuery.ofDeal(deal))).as("deal %s of %s", which, client.code()).containsExactlyElementsOf(expected);
                assertThat(storage().<Long>read(tenant, s -> s.get(InteractionStore.class).count(Criterion.not(new InteractionCriterion.ForDeal(deal)))))
                        .isEqualTo(now.size() - expected.size());
            }
        }
        assertThat(find(InteractionQuery.ofDeal(InteractionSamples.dealOf(base.clients().get(0).id(), 0)))).as("the samples link deals")
                .isNotEmpty();
    }

    @Test
    void anInteractionBasedOnADealOfAClientTakingPartIsJournaledFedAndListedWithTheDealAndBadDealsAreRefused() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа"));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета"));
        Deal alfaDeal = crm.deals().open(NewDeal.of(alfa.id(), "Поставка", Money.of("100", "RUB"), pipeline.id()));
        Deal betaDeal = crm.deals().open(NewDeal.of(beta.id(), "Сервис", Money.of("200", "RUB"), pipeline.id()));
        TenantId elsewhere = newTenant();
        Crm other = Crm.builder().storage(storage()).actor(Actor.employee(elsewhere, ALEKSEEV)).build();
        Client otherAlfa = other.clients().register(NewClient.legalEntity("Альфа"));
        Deal foreign = other.deals().open(NewDeal.of(otherAlfa.id(), "Чужая", Money.of("1", "RUB"), salesPipeline(other, "Продажи").id()));
        Timing hour = Timing.timed(Instant.parse("2024-04-01T09:00:00Z"), Instant.parse("2024-04-01T10:00:00Z"));
        List<Participant> withAlfa = List.of(Participant.of(alfa.id()));
        int fed = storage().<Integer>read(tenant, s -> s.get(FeedStore.class).after(0, 1000).size());

        DealId unknown = new DealId(ids.next());
        for (DealId bad : List.of(unknown, betaDeal.id(), foreign.id())) {
            assertThatThrownBy(() -> crm.interactions().plan(InteractionKind.MEETING, "Встреча", hour, ALEKSEEV,
                    i -> i.withParticipants(withAlfa).forDeal(bad))).as("deal %s", bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("deal");
                        assertThat(e.rejectedValue()).isEqualTo(bad.toString());
                    });
        }
        assertThat(crm.interactions().count(Criterion.all())).isZero();
        assertThat(storage().<Integer>read(tenant, s -> s.get(FeedStore.class).after(0, 1000).size())).isEqualTo(fed);

        Interaction later = crm.interactions().plan(InteractionKind.MEETING, "Встреча",
                Timing.timed(Instant.parse("2024-04-02T09:00:00Z"), Instant.parse("2024-04-02T10:00:00Z")), ALEKSEEV,
                i -> i.withParticipants(List.of(Participant.of(beta.id()), Participant.of(alfa.id()))).forDeal(alfaDeal.id())).interaction();
        Interaction call = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок", hour, ALEKSEEV,
                i -> i.withParticipants(withAlfa)).interaction();
        Interaction linked = crm.interactions().update(call.id(), i -> i.forDeal(alfaDeal.id()));
        assertThat(linked.deal()).contains(alfaDeal.id());
        assertThat(linked.version()).isEqualTo(2);
        assertThat(crm.interactions().get(call.id())).isEqualTo(linked);
        assertThat(crm.interactions().ofDeal(alfaDeal.id())).containsExactly(linked, later);
        assertThat(crm.interactions().ofDeal(betaDeal.id())).isEmpty();
        assertThatThrownBy(() -> crm.interactions().ofDeal(foreign.id())).isInstanceOf(NotFoundException.class);
        assertThat(crm.interactions().journal(call.id())).filteredOn(e -> e.field().equals("deal")).singleElement()
                .satisfies(e -> assertThat(e.newValue()).contains(alfaDeal.id().toString()));
        assertThat(crm.feed().after(0, 1000)).filteredOn(f -> f.kind().equals("interaction") && f.id().equals(call.id().toString()))
                .extracting(FeedEntry::change, FeedEntry::fields).last().isEqualTo(org.assertj.core.groups.Tuple.tuple("changed", Set.of("deal")));

        int fedBefore = crm.feed().after(0, 1000).size();
        assertThatThrownBy(() -> crm.interactions().update(later.id(), i -> i.withParticipants(List.of(Participant.of(beta.id())))))
                .as("the deal's client leaves").isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("deal");
                    assertThat(e.rejectedValue()).isEqualTo(alfaDeal.id().toString());
                });
        assertThatThrownBy(() -> crm.interactions().update(call.id(), i -> i.forDeal(foreign.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("deal"));
        assertThat(crm.interactions().get(later.id())).isEqualTo(later);
        assertThat(crm.interactions().get(call.id())).isEqualTo(linked);
        assertThat(crm.feed().after(0, 1000)).hasSize(fedBefore);

        Interaction unlinked = crm.interactions().update(call.id(), i -> i.forDeal(null));
        assertThat(unlinked.deal()).isEmpty();
        assertThat(crm.interactions().ofDeal(alfaDeal.id())).containsExactly(later);
        assertThat(crm.interactions().count(new InteractionCriterion.ForDeal(alfaDeal.id()))).isEqualTo(1);
    }

    /** The in-memory meaning of the leaves on related records, from the stored base itself. */
    private static final class Related implements InteractionCriterion.Related, ContactPersonCriterion.Related {
        private final Base base;

        Related(Base base) {
            this.base = base;
        }

        @Override
        public Optional<Client> client(ClientId id) {
            return base.clients().stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
            if (relation.equals(InteractionCriterion.OF_CLIENT)) {
                return base.interactions().stream().anyMatch(i -> i.clients().contains(client)
                        && InteractionCriterion.matches((Criterion<InteractionCriterion>) criterion, i, this));
            }
            assertThat(relation).isEqualTo(ContactPersonCriterion.OF_CLIENT);
            return base.persons().stream().anyMatch(p -> p.client().equals(client)
                    && ContactPersonCriterion.matches((Criterion<ContactPersonCriterion>) criterion, p, this));
        }
    }

    private static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }

    private static EmployeeId employee(RandomnessSource in) {
        int k = pick(in, InteractionSamples.EMPLOYEES.length + 1);
        return EmployeeId.of(k == InteractionSamples.EMPLOYEES.length ? "guest" : InteractionSamples.EMPLOYEES[k]);
    }

    private static Set<EmployeeId> employees(RandomnessSource in) {
        return pick(in, 6) == 0 ? Set.of() : Set.copyOf(List.of(employee(in), employee(in)));
    }

    private static Criterion<InteractionCriterion> interactionTree(RandomnessSource in, Base base, int depth) {
        switch (pick(in, depth == 0 ? 6 : 9)) {
            case 6:
                return Criterion.and(interactionTree(in, base, depth - 1), interactionTree(in, base, depth - 1));
            case 7:
                return Criterion.or(interactionTree(in, base, depth - 1), interactionTree(in, base, depth - 1),
                        interactionTree(in, base, depth - 1));
            case 8:
                return Criterion.not(interactionTree(in, base, depth - 1));
            default:
                return interactionLeaf(in, base, depth);
        }
    }

    private static Criterion<InteractionCriterion> interactionLeaf(RandomnessSource in, Base base, int depth) {
        List<Interaction> all = base.interactions();
        List<CalendarPeriod> periods = InteractionSamples.periods();
        switch (pick(in, 16)) {
            case 15:
                return new InteractionCriterion.StartedWithinLastDays(pick(in, 6));
            case 0:
                return new InteractionCriterion.IdIn(pick(in, 4) == 0 ? Set.of()
                        : Set.copyOf(List.of(all.get(pick(in, all.size())).id(), all.get(pick(in, all.size())).id())));
            case 1:
                return new InteractionCriterion.OfClient(clientTree(in, base, Math.min(depth, 1) - 1));
            case 2:
                return new InteractionCriterion.ResponsibleIn(employees(in));
            case 3:
                return new InteractionCriterion.Involves(employees(in));
            case 4:
                return new InteractionCriterion.AuthorIs(employee(in));
            case 5: {
                List<InteractionKind> kinds = new ArrayList<>(InteractionKind.BUILT_IN);
                kinds.add(InteractionSamples.EXHIBITION);
                return new InteractionCriterion.KindIn(pick(in, 6) == 0 ? Set.of()
                        : Set.copyOf(List.of(kinds.get(pick(in, kinds.size())), kinds.get(pick(in, kinds.size())))));
            }
            case 6:
                return new InteractionCriterion.StateIn(pick(in, 3) == 0 ? InteractionState.OPEN
                        : Set.of(InteractionState.values()[pick(in, 4)]));
            case 7:
                return new InteractionCriterion.ImportanceIs(Importance.values()[pick(in, 3)]);
            case 8:
                return new InteractionCriterion.StartsIn(periods.get(pick(in, periods.size())));
            case 9:
                return new InteractionCriterion.Overlaps(periods.get(pick(in, periods.size())));
            case 10: {
                Instant now = InteractionSamples.BASE.plusSeconds(1800L * pick(in, 60));
                ZoneId zone = List.of(InteractionSamples.BERLIN, InteractionSamples.MOSCOW, ZoneId.of("America/New_York")).get(pick(in, 3));
                return new InteractionCriterion.OverdueAt(now, LocalDate.ofInstant(now, zone));
            }
            case 11:
                return new InteractionCriterion.SubjectContains(SUBJECT_FRAGMENTS[pick(in, SUBJECT_FRAGMENTS.length)]);
            case 12:
                return new InteractionCriterion.ContentContains(CONTENT_FRAGMENTS[pick(in, CONTENT_FRAGMENTS.length)]);
            case 13:
                return new InteractionCriterion.ForDeal(InteractionSamples.dealOf(base.clients().get(pick(in, base.clients().size())).id(),
                        pick(in, 3)));
            default:
                return pick(in, 2) == 0 ? Criterion.all() : Criterion.none();
        }
    }

    /** Client trees with a few card leaves and, while {@code depth} allows, the clients' interactions. */
    private static Criterion<ClientCriterion> clientTree(RandomnessSource in, Base base, int depth) {
        List<Client> clients = base.clients();
        switch (pick(in, depth > 0 ? 9 : 6)) {
            case 0:
                return new ClientCriterion.IdIn(pick(in, 4) == 0 ? Set.of()
                        : Set.copyOf(List.of(clients.get(pick(in, clients.size())).id(), clients.get(pick(in, clients.size())).id())));
            case 1:
                return new ClientCriterion.ManagedBy(employees(in));
            case 2:
                return new ClientCriterion.Archived(pick(in, 2) == 0);
            case 3:
                return new ClientCriterion.NameContains(pick(in, 2) == 0 ? "ёлк" : "прайм-1");
            case 4:
                return new ClientCriterion.KindIs(ClientKind.values()[pick(in, ClientKind.values().length)]);
            case 5:
                return pick(in, 2) == 0 ? Criterion.all() : Criterion.not(new ClientCriterion.Archived(true));
            case 6:
                return Criterion.or(clientTree(in, base, depth - 1), clientTree(in, base, depth - 1));
            case 7:
                return Criterion.not(clientTree(in, base, depth - 1));
            default:
                return new ClientCriterion.Having<>(InteractionCriterion.OF_CLIENT, interactionTree(in, base, depth - 1));
        }
    }
}
