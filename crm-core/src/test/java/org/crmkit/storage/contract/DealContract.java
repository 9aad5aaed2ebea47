package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.Clients;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.deal.Deal;
import org.crmkit.deal.DealCriterion;
import org.crmkit.deal.DealEvent;
import org.crmkit.deal.DealId;
import org.crmkit.deal.DealStore;
import org.crmkit.deal.Deals;
import org.crmkit.deal.LostReasonId;
import org.crmkit.deal.NewDeal;
import org.crmkit.deal.NewStage;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.Stage;
import org.crmkit.deal.StageId;
import org.crmkit.deal.StageKind;
import org.crmkit.deal.StageVisit;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.feed.FeedEntry;
import org.crmkit.handover.HandOverReport;
import org.crmkit.interaction.Interactions;
import org.junit.jupiter.api.Test;

/**
 * Deals and pipelines through the facade on the store under test: stage moves with their history,
 * journal, feed and events; retiring a stage; bad input refused whole; access as for clients; the
 * hand-over; and deal criteria (also as "clients having a deal …") answered as in memory.
 */
abstract class DealContract extends ListingContract {
    static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    static final EmployeeId BORISOVA = EmployeeId.of("borisova");
    static final EmployeeId VOLKOV = EmployeeId.of("volkov");
    /** Field names a deal's feed entries may carry: names only, never values. */
    static final Set<String> DEAL_FIELDS = Set.of("title", "amount", "expectedClose", "responsible", "contactPerson", "source", "stage",
            "status", "closedOn", "lostReason", "stageDeadline");

    final List<DomainEvent> events = new ArrayList<>();

    Crm dealCrm() {
        return Crm.builder().storage(storage()).actor(Actor.employee(tenant, ALEKSEEV)).listener(events::add).build();
    }

    static Pipeline salesPipeline(Crm crm, String name) {
        return crm.pipelines().create(name, List.of(NewStage.open("Квалификация", 10), NewStage.open("Предложение", 40),
                NewStage.open("Переговоры", 70), NewStage.won("Успех"), NewStage.lost("Отказ")));
    }

    static StageId stage(Pipeline pipeline, String name) {
        return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }

    private int feedSize(Crm crm) {
        return crm.feed().after(0, 10_000).size();
    }

    @Test
    void pipelinesKeepTheirStagesInOrderAndEveryChangeIsJournaledAndFed() {
        Crm crm = dealCrm();
        Pipeline created = salesPipeline(crm, "Продажи");
        Pipeline second = crm.pipelines().create("Опт", List.of(NewStage.open("Заявка", 20), NewStage.won("Отгружено")));

        Pipeline added = crm.pipelines().addStage(created.id(), NewStage.open("Счёт", 85), 3);
        Pipeline renamed = crm.pipelines().renameStage(created.id(), stage(added, "Счёт"), "Счёт выставлен");
        List<StageId> order = new ArrayList<>(renamed.activeStages().stream().map(Stage::id).collect(Collectors.toList()));
        java.util.Collections.swap(order, 1, 2);
        Pipeline reordered = crm.pipelines().reorderStages(created.id(), order);

        assertThat(reordered.activeStages()).extracting(Stage::name)
                .containsExactly("Квалификация", "Переговоры", "Предложение", "Счёт выставлен", "Успех", "Отказ");
        assertThat(reordered.activeStages()).extracting(Stage::probability).containsExactly(10, 70, 40, 85, 100, 0);
        assertThat(reordered.version()).isEqualTo(4);
        assertThat(crm.pipelines().get(created.id())).isEqualTo(reordered);
        assertThat(crm.pipelines().all()).extracting(Pipeline::name).containsExactly("Опт", "Продажи");
        assertThat(crm.pipelines().all()).contains(second);
        List<AuditEntry> history = crm.pipelines().history(created.id());
        assertThat(history).extracting(AuditEntry::field).containsExactly("name", "stages", "stages", "stages", "stages");
        assertThat(history.get(history.size() - 1).newValue()).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Квалификация (10%, open) › Переговоры (70%, open) › Предложение (40%, open)"));
        assertThat(crm.feed().after(0, 1000)).filteredOn(f -> f.kind().equals("pipeline") && f.id().equals(created.id().toString()))
                .extracting(FeedEntry::change).containsExactly("created", "stage-added", "stage-renamed", "reordered");

        crm.pipelines().addLostReason("price", "Цена");
        crm.pipelines().addLostReason("competitor", "Выбрали конкурента");
        crm.pipelines().retireLostReason(LostReasonId.of("competitor"));
        assertThat(crm.pipelines().lostReasons()).extracting(r -> r.id().value() + " " + r.retired())
                .containsExactly("competitor true", "price false");
        assertThatThrownBy(() -> crm.pipelines().addLostReason("price", "Дорого"))
                .isInstanceOfSatisfying(org.crmkit.common.DuplicateException.class, e -> assertThat(e.field()).isEqualTo("lostReason"));
    }

    @Test
    void aDealOpensNumberedAndMovesThroughItsPipelineKeepingItsHistoryJournalFeedAndEvents() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        crm.pipelines().addLostReason("price", "Цена");
        Client client = crm.clients().register(NewClient.legalEntity("Прайм-М").manager(ALEKSEEV)
                .contactPerson(PersonName.of("Иванов", "Иван", null), p -> p));
        ContactPerson person = crm.contactPersons().ofClient(client.id()).get(0);

        Deal first = crm.deals().open(NewDeal.of(client.id(), "Поставка мебели", Money.of("150000.50", "RUB"), pipeline.id())
                .contactPerson(person.id()).expectedClose(LocalDate.of(2026, 3, 31)).source("выставка"));
        Deal second = crm.deals().open(NewDeal.of(client.id(), "Сервис", Money.of("1200", "USD"), pipeline.id())
                .stage(stage(pipeline, "Предложение")).responsible(BORISOVA));

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.responsible()).isEqualTo(ALEKSEEV);
        assertThat(first.stage()).isEqualTo(stage(pipeline, "Квалификация"));
        assertThat(crm.deals().get(first.id())).isEqualTo(first);
        assertThat(crm.deals().get(second.id())).isEqualTo(second);

        Deal moved = crm.deals().moveTo(first, stage(pipeline, "Переговоры"));
        Deal won = crm.deals().win(moved, stage(pipeline, "Успех"), LocalDate.of(2026, 3, 20));
        assertThat(won.status()).isEqualTo(StageKind.WON);
        assertThat(won.closedOn()).contains(LocalDate.of(2026, 3, 20));
        assertThat(won.version()).isEqualTo(3);
        assertThat(won.history()).extracting(StageVisit::stage)
                .containsExactly(stage(pipeline, "Квалификация"), stage(pipeline, "Переговоры"), stage(pipeline, "Успех"));
        assertThat(won.history()).extracting(StageVisit::enteredBy).containsOnly(Actor.employee(tenant, ALEKSEEV).name());
        for (int i = 0; i + 1 < won.history().size(); i++) {
            assertThat(won.history().get(i).left()).contains(won.history().get(i + 1).entered());
        }
        assertThat(won.history().get(2).open()).isTrue();
        assertThat(crm.deals().get(first.id())).isEqualTo(won);

        Deal lost = crm.deals().lose(second, LostReasonId.of("price"), LocalDate.of(2026, 2, 1));
        assertThat(lost.stage()).isEqualTo(stage(pipeline, "Отказ"));
        assertThat(lost.lostReason()).contains(LostReasonId.of("price"));
        Deal reopened = crm.deals().reopen(lost, stage(pipeline, "Переговоры"));
        assertThat(reopened.status()).isEqualTo(StageKind.OPEN);
        assertThat(reopened.lostReason()).isEmpty();
        assertThat(reopened.closedOn()).isEmpty();
        assertThat(reopened.history()).hasSize(3);
        Deal changed = crm.deals().save(reopened.retitle("Сервис на год").reprice(Money.of("1300", "USD")).withSource("сайт"));
        assertThat(crm.deals().get(second.id())).isEqualTo(changed);

        assertThat(events).filteredOn(e -> e instanceof DealEvent).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DealOpened", "DealOpened", "StageChanged", "DealWon", "DealLost", "DealReopened", "DealChanged");
        assertThat(crm.deals().history(first.id())).extracting(AuditEntry::field).containsExactly("opened", "stage", "stage", "status", "closedOn");
        assertThat(crm.deals().history(first.id())).filteredOn(e -> e.field().equals("stage")).extracting(e -> e.oldValue().orElse("") + " → "
                + e.newValue().orElse("")).containsExactly("Квалификация → Переговоры", "Переговоры → Успех");
        assertThat(crm.deals().history(second.id())).filteredOn(e -> e.field().equals("lostReason")).extracting(e -> e.newValue().orElse("-"))
                .containsExactly("Цена", "-");
        assertThat(crm.clients().history(client.id())).filteredOn(e -> e.subject().equals("deal:" + first.id())).hasSize(5);
        List<FeedEntry> fed = crm.feed().after(0, 1000).stream().filter(f -> f.kind().equals("deal")).collect(Collectors.toList());
        assertThat(fed).extracting(FeedEntry::change).containsExactly("opened", "opened", "moved", "won", "lost", "reopened", "changed");
        assertThat(fed.stream().flatMap(f -> f.fields().stream()).collect(Collectors.toSet())).isSubsetOf(DEAL_FIELDS);
        assertThat(fed.get(6).fields()).containsExactlyInAnyOrder("title", "amount", "source");
    }

    @Test
    void retiringAStageMovesItsOpenDealsInTheSameUnitOfWorkAndNeedsADestinationOfThePipeline() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        Pipeline other = crm.pipelines().create("Опт", List.of(NewStage.open("Заявка", 20), NewStage.won("Отгружено")));
        Client client = crm.clients().register(NewClient.legalEntity("Альфа"));
        StageId offer = stage(pipeline, "Предложение");
        Deal a = crm.deals().open(NewDeal.of(client.id(), "А", Money.of("10", "RUB"), pipeline.id()).stage(offer));
        Deal b = crm.deals().open(NewDeal.of(client.id(), "Б", Money.of("20", "RUB"), pipeline.id()).stage(offer));
        Deal c = crm.deals().open(NewDeal.of(client.id(), "В", Money.of("30", "RUB"), pipeline.id()));
        int fedBefore = feedSize(crm);

        assertThatThrownBy(() -> crm.pipelines().retireStage(pipeline.id(), offer, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("destination"));
        assertThatThrownBy(() -> crm.pipelines().retireStage(pipeline.id(), offer, stage(other, "Заявка")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("destination");
                    assertThat(e.rejectedValue()).isEqualTo(stage(other, "Заявка").toString());
                });
        assertThatThrownBy(() -> crm.pipelines().retireStage(pipeline.id(), offer, stage(pipeline, "Успех")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("destination"));
        assertThat(crm.deals().get(a.id())).isEqualTo(a);
        assertThat(feedSize(crm)).isEqualTo(fedBefore);

        Pipeline after = crm.pipelines().retireStage(pipeline.id(), offer, stage(pipeline, "Переговоры"));

        assertThat(after.stage(offer)).hasValueSatisfying(s -> assertThat(s.retired()).isTrue());
        assertThat(after.activeStages()).extracting(Stage::name).doesNotContain("Предложение");
        for (Deal moved : List.of(crm.deals().get(a.id()), crm.deals().get(b.id()))) {
            assertThat(moved.stage()).isEqualTo(stage(pipeline, "Переговоры"));
            assertThat(moved.history()).extracting(StageVisit::stage).containsExactly(offer, stage(pipeline, "Переговоры"));
            assertThat(moved.version()).isEqualTo(2);
        }
        assertThat(crm.deals().get(c.id())).isEqualTo(c);
        assertThat(crm.feed().after(fedBefore, 100)).extracting(f -> f.kind() + " " + f.change())
                .containsExactlyInAnyOrder("deal moved", "deal moved", "pipeline stage-retired");
        assertThatThrownBy(() -> crm.deals().moveTo(crm.deals().get(c.id()), offer))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stage"));
    }

    @Test
    void badDealInputIsRefusedNamingTheFieldAndValueAndNothingIsStored() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        Pipeline other = crm.pipelines().create("Опт", List.of(NewStage.open("Заявка", 20), NewStage.won("Отгружено")));
        crm.pipelines().addLostReason("price", "Цена");
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").contactPerson(PersonName.of("Орлов", "Олег", null), p -> p));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета").contactPerson(PersonName.of("Белова", "Анна", null), p -> p));
        ContactPerson ofBeta = crm.contactPersons().ofClient(beta.id()).get(0);
        Deal deal = crm.deals().open(NewDeal.of(alfa.id(), "Поставка", Money.of("100", "RUB"), pipeline.id()));
        int fedBefore = feedSize(crm);
        long numberedBefore = crm.deals().count(Criterion.all());

        refused(() -> crm.deals().open(NewDeal.of(alfa.id(), "X", Money.of("1", "RUB"), pipeline.id()).stage(stage(other, "Заявка"))),
                "stage", stage(other, "Заявка").toString());
        refused(() -> crm.deals().moveTo(deal, stage(other, "Заявка")), "stage", stage(other, "Заявка").toString());
        refused(() -> crm.deals().win(deal, stage(pipeline, "Переговоры"), LocalDate.of(2026, 1, 1)), "stage",
                stage(pipeline, "Переговоры").toString());
        refused(() -> crm.deals().moveTo(deal, stage(pipeline, "Успех")), "stage", stage(pipeline, "Успех").toString());
        refused(() -> crm.deals().lose(deal, LostReasonId.of("weather"), LocalDate.of(2026, 1, 1)), "lostReason", "weather");
        refused(() -> Money.of("100", "RUB").plus(Money.of("1", "USD")), "currency", "USD");
        refused(() -> Money.of("10.005", "RUB"), "amount", "10.005");
        refused(() -> Money.of("1.5", "JPY"), "amount", "1.5");
        refused(() -> crm.deals().open(NewDeal.of(alfa.id(), "X", Money.of("1", "RUB"), pipeline.id()).contactPerson(ofBeta.id())),
                "contactPerson", ofBeta.id().toString());
        refused(() -> crm.deals().save(deal.withContact(ofBeta.id())), "contactPerson", ofBeta.id().toString());
        ClientId nobody = newClientId();
        refused(() -> crm.deals().open(NewDeal.of(nobody, "X", Money.of("1", "RUB"), pipeline.id())), "client", nobody.toString());
        refused(() -> new DealCriterion.AmountBetween(Money.of("1", "RUB"), Money.of("2", "USD")), "to", "2.00 USD");

        Deal current = crm.deals().moveTo(deal, stage(pipeline, "Предложение"));
        int fedAfterMove = feedSize(crm);
        assertThatThrownBy(() -> crm.deals().moveTo(deal, stage(pipeline, "Переговоры"))).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> crm.deals().save(deal.retitle("Старое"))).isInstanceOf(ConcurrentChangeException.class);

        assertThat(crm.deals().get(deal.id())).isEqualTo(current);
        assertThat(crm.deals().count(Criterion.all())).isEqualTo(numberedBefore);
        assertThat(feedSize(crm)).isEqualTo(fedAfterMove).isEqualTo(fedBefore + 1);
        assertThat(crm.deals().open(NewDeal.of(alfa.id(), "Next", Money.of("1", "RUB"), pipeline.id())).number()).isGreaterThan(1);
    }

    private static void refused(Runnable call, String field, String value) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rejectedValue()).isEqualTo(value);
        });
    }

    @Test
    void twoWritersFromOneVersionOnlyOneWinsAtTheStore() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        Client client = crm.clients().register(NewClient.legalEntity("Альфа"));
        Deal deal = crm.deals().open(NewDeal.of(client.id(), "А", Money.of("10", "RUB"), pipeline.id()));

        Deal stored = storage().inTransaction(tenant, s -> s.get(DealStore.class).update(deal.retitle("Б")));
        assertThat(stored.version()).isEqualTo(2);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(DealStore.class).update(deal.retitle("В"))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(storage().<Optional<Deal>>read(tenant, s -> s.get(DealStore.class).get(deal.id()))).contains(stored);
    }

    @Test
    void anActorSeesTheDealsOfClientsTheyMaySeeAndTheirOwn() {
        EmployeeDirectory staff = EmployeeDirectory.of(List.of(Employee.of("alekseev", "Алексеев", "north"),
                Employee.of("borisova", "Борисова", "south"), Employee.of("volkov", "Волков", "south")));
        Crm admin = Crm.builder().storage(storage()).actor(Actor.system(tenant, "admin")).build();
        Pipeline pipeline = salesPipeline(admin, "Продажи");
        Client mine = admin.clients().register(NewClient.legalEntity("Моя").manager(ALEKSEEV));
        Client theirs = admin.clients().register(NewClient.legalEntity("Чужая").manager(BORISOVA));
        Deal onMine = admin.deals().open(NewDeal.of(mine.id(), "1", Money.of("1", "RUB"), pipeline.id()).responsible(VOLKOV));
        Deal onTheirsMineToo = admin.deals().open(NewDeal.of(theirs.id(), "2", Money.of("2", "RUB"), pipeline.id()).responsible(ALEKSEEV));
        Deal onTheirs = admin.deals().open(NewDeal.of(theirs.id(), "3", Money.of("3", "RUB"), pipeline.id()).responsible(BORISOVA));

        Crm alekseev = Crm.builder().storage(storage()).employees(staff).accessPolicy(ClientAccess.ownAndTeam(staff))
                .actor(Actor.employee(tenant, ALEKSEEV)).build();

        assertThat(alekseev.deals().listAfter(Criterion.all(), Optional.empty(), 100)).extracting(Deal::id)
                .containsExactlyInAnyOrderElementsOf(List.of(onMine.id(), onTheirsMineToo.id()));
        assertThat(alekseev.deals().count(Criterion.all())).isEqualTo(2);
        assertThat(alekseev.deals().find(onTheirs.id())).isEmpty();
        assertThatThrownBy(() -> alekseev.deals().moveTo(onTheirs, stage(pipeline, "Переговоры"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alekseev.deals().save(onTheirsMineToo.assign(BORISOVA))).isInstanceOf(AccessDeniedException.class);
        assertThat(alekseev.deals().moveTo(onMine, stage(pipeline, "Переговоры")).version()).isEqualTo(2);
        assertThatThrownBy(() -> alekseev.deals().open(NewDeal.of(theirs.id(), "4", Money.of("4", "RUB"), pipeline.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("client"));

        assertThat(alekseev.deals().ofClient(theirs.id())).as("of a client he may not see: his own deal only")
                .extracting(Deal::id).containsExactly(onTheirsMineToo.id());
        assertThat(alekseev.deals().openOf(BORISOVA)).as("her deal on a client he may not see").isEmpty();
        assertThat(admin.deals().openOf(BORISOVA)).extracting(Deal::id).containsExactly(onTheirs.id());
    }

    @Test
    void aClientsDealsAndAnEmployeesOpenDealsAreListedByNumber() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        crm.pipelines().addLostReason("price", "Цена");
        Client alpha = crm.clients().register(NewClient.legalEntity("Альфа"));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета"));
        Deal a1 = crm.deals().open(NewDeal.of(alpha.id(), "1", Money.of("1", "RUB"), pipeline.id()).responsible(VOLKOV));
        Deal b2 = crm.deals().open(NewDeal.of(beta.id(), "2", Money.of("2", "RUB"), pipeline.id()).responsible(VOLKOV));
        Deal a3 = crm.deals().win(crm.deals().open(NewDeal.of(alpha.id(), "3", Money.of("3", "RUB"), pipeline.id()).responsible(VOLKOV)),
                stage(pipeline, "Успех"), LocalDate.of(2026, 1, 10));
        Deal a4 = crm.deals().open(NewDeal.of(alpha.id(), "4", Money.of("4", "RUB"), pipeline.id()).responsible(BORISOVA));
        Deal b5 = crm.deals().lose(crm.deals().open(NewDeal.of(beta.id(), "5", Money.of("5", "RUB"), pipeline.id()).responsible(VOLKOV)),
                LostReasonId.of("price"), LocalDate.of(2026, 1, 11));
        Deal a6 = crm.deals().moveTo(crm.deals().open(NewDeal.of(alpha.id(), "6", Money.of("6", "RUB"), pipeline.id()).responsible(VOLKOV)),
                stage(pipeline, "Переговоры"));

        assertThat(crm.deals().ofClient(alpha.id())).containsExactly(a1, a3, a4, a6);
        assertThat(crm.deals().ofClient(beta.id())).containsExactly(b2, b5);
        assertThat(crm.deals().ofClient(newClientId())).isEmpty();
        assertThat(crm.deals().openOf(VOLKOV)).as("won and lost ones are not open").containsExactly(a1, b2, a6);
        assertThat(crm.deals().openOf(BORISOVA)).containsExactly(a4);
        assertThat(crm.deals().openOf(ALEKSEEV)).isEmpty();
        assertThat(crm.deals().find(a6.id())).contains(a6);
        assertThat(crm.deals().get(a3.id())).isEqualTo(a3);
        assertThatThrownBy(() -> crm.deals().get(new DealId(ids.next()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aHandOverMovesTheLeaversOpenDealsAndLeavesWonAndLostOnes() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        crm.pipelines().addLostReason("price", "Цена");
        Client client = crm.clients().register(NewClient.legalEntity("Альфа").manager(BORISOVA));
        Deal open = crm.deals().open(NewDeal.of(client.id(), "Открытая", Money.of("1", "RUB"), pipeline.id()).responsible(VOLKOV));
        Deal won = crm.deals().win(crm.deals().open(NewDeal.of(client.id(), "Выигранная", Money.of("2", "RUB"), pipeline.id())
                .responsible(VOLKOV)), stage(pipeline, "Успех"), LocalDate.of(2026, 1, 10));
        Deal lost = crm.deals().lose(crm.deals().open(NewDeal.of(client.id(), "Проигранная", Money.of("3", "RUB"), pipeline.id())
                .responsible(VOLKOV)), LostReasonId.of("price"), LocalDate.of(2026, 1, 11));
        Deal bystander = crm.deals().open(NewDeal.of(client.id(), "Чужая", Money.of("4", "RUB"), pipeline.id()).responsible(BORISOVA));

        HandOverReport report = crm.handOvers().handOver(VOLKOV, ALEKSEEV);
        assertThat(report.moved()).containsEntry("deal", 1L).containsEntry("client", 0L);
        assertThat(report.count(Deals.HANDED_OVER)).isEqualTo(1);
        assertThat(report.ids(Deals.HANDED_OVER)).as("typed ids of what moved").containsExactly(open.id());
        assertThat(report.ids(Clients.HANDED_OVER)).isEmpty();
        assertThat(report.count(Interactions.HANDED_OVER)).isZero();

        assertThat(crm.deals().get(open.id()).responsible()).isEqualTo(ALEKSEEV);
        assertThat(crm.deals().get(won.id())).isEqualTo(won);
        assertThat(crm.deals().get(lost.id())).isEqualTo(lost);
        assertThat(crm.deals().get(bystander.id())).isEqualTo(bystander);
        assertThat(crm.deals().history(open.id())).filteredOn(e -> e.field().equals("responsible")).singleElement()
                .satisfies(e -> assertThat(e.newValue()).contains(ALEKSEEV.value()));
        assertThat(crm.handOvers().handOver(VOLKOV, ALEKSEEV).moved()).containsEntry("deal", 0L);
    }

    private static Instant march(int day, int hour) {
        return Instant.parse(String.format("2026-03-%02dT%02d:00:00Z", day, hour));
    }

    @Test
    void aStageDeadlineIsPlannedReplacedClearedByTheNextMoveKeptInTheHistoryJournaledFedAndPublished() {
        Crm crm = Crm.builder().storage(storage()).actor(Actor.employee(tenant, ALEKSEEV)).listener(events::add)
                .clock(Clock.fixed(march(10, 12), ZoneOffset.UTC)).build();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        Client client = crm.clients().register(NewClient.legalEntity("Альфа"));
        Deal opened = crm.deals().open(NewDeal.of(client.id(), "Поставка", Money.of("10", "RUB"), pipeline.id()).responsible(VOLKOV));
        assertThat(opened.stageDeadline()).isEmpty();
        int fedBefore = feedSize(crm);
        events.clear();

        Deal moved = crm.deals().moveTo(opened, stage(pipeline, "Предложение"), march(12, 9));
        assertThat(moved.stageDeadline()).contains(march(12, 9));
        assertThat(moved.version()).isEqualTo(2);
        assertThat(events).hasSize(2).anySatisfy(e -> assertThat(e).isInstanceOf(DealEvent.StageChanged.class))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DealEvent.DealChanged.class,
                        c -> assertThat(c.fields()).containsExactly("stageDeadline")));
        Deal replanned = crm.deals().planStageDeadline(moved, march(15, 9));
        assertThat(replanned.stageDeadline()).contains(march(15, 9));
        assertThatThrownBy(() -> crm.deals().planStageDeadline(moved, march(16, 9))).as("a stale version")
                .isInstanceOf(ConcurrentChangeException.class);
        Deal next = crm.deals().moveTo(replanned, stage(pipeline, "Переговоры"));
        assertThat(next.stageDeadline()).as("the next stage starts without one").isEmpty();
        assertThat(next.history()).extracting(StageVisit::deadline)
                .containsExactly(Optional.empty(), Optional.of(march(15, 9)), Optional.empty());
        assertThat(crm.deals().get(next.id())).isEqualTo(next);
        assertThat(storage().<Optional<Deal>>read(tenant, s -> s.get(DealStore.class).get(next.id()))).contains(next);

        assertThat(crm.deals().history(next.id())).filteredOn(e -> e.field().equals("stageDeadline"))
                .extracting(e -> e.oldValue().orElse("-") + " > " + e.newValue().orElse("-"))
                .containsExactly("- > " + march(12, 9), march(12, 9) + " > " + march(15, 9), march(15, 9) + " > -");
        assertThat(crm.feed().after(0, 10_000).subList(fedBefore, feedSize(crm))).filteredOn(f -> f.kind().equals("deal"))
                .extracting(FeedEntry::fields).allSatisfy(fields -> assertThat(fields).contains("stageDeadline"));
        Deal dropped = crm.deals().dropStageDeadline(crm.deals().planStageDeadline(next, march(14, 0)));
        assertThat(dropped.stageDeadline()).isEmpty();
        assertThat(dropped.version()).isEqualTo(next.version() + 2);
    }

    @Test
    void openDealsDueInAPeriodAreOneListByDeadlineAndOverdueOnesComeOldestFirst() {
        Crm crm = Crm.builder().storage(storage()).actor(Actor.employee(tenant, ALEKSEEV))
                .clock(Clock.fixed(march(10, 12), ZoneOffset.UTC)).build();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        Client client = crm.clients().register(NewClient.legalEntity("Альфа"));
        java.util.function.BiFunction<EmployeeId, Instant, Deal> due = (employee, deadline) -> crm.deals().planStageDeadline(
                crm.deals().open(NewDeal.of(client.id(), "Сделка " + deadline, Money.of("1", "RUB"), pipeline.id()).responsible(employee)),
                deadline);
        Deal first = due.apply(VOLKOV, march(1, 0));
        Deal fifth = due.apply(VOLKOV, march(5, 0));
        Deal hers = due.apply(BORISOVA, march(11, 0));
        Deal fourteenth = due.apply(VOLKOV, march(14, 0));
        Deal atTheEnd = due.apply(VOLKOV, march(17, 0));
        Deal before = due.apply(VOLKOV, Instant.parse("2026-02-28T23:59:59Z"));
        Deal won = crm.deals().win(due.apply(VOLKOV, march(6, 0)), stage(pipeline, "Успех"), LocalDate.of(2026, 3, 10));
        crm.deals().open(NewDeal.of(client.id(), "Без срока", Money.of("1", "RUB"), pipeline.id()).responsible(VOLKOV));
        assertThat(won.stageDeadline()).as("won: no stage deadline").isEmpty();

        assertThat(crm.deals().stageDeadlines(Set.of(VOLKOV), march(1, 0), march(17, 0)))
                .as("from inclusive, until exclusive, won and undated ones left out, by deadline")
                .containsExactly(first, fifth, fourteenth);
        assertThat(crm.deals().stageDeadlines(Set.of(VOLKOV, BORISOVA), march(1, 0), march(17, 0)))
                .containsExactly(first, fifth, hers, fourteenth);
        assertThat(crm.deals().stageDeadlines(Set.of(ALEKSEEV), march(1, 0), march(31, 0))).isEmpty();
        assertThat(crm.deals().stageDeadlines(Set.of(VOLKOV), march(17, 0), march(18, 0))).containsExactly(atTheEnd);
        assertThat(crm.deals().overdueStageDeadlines(10)).as("due before now (10 March, 12:00), oldest first")
                .containsExactly(before, first, fifth);
        assertThat(crm.deals().overdueStageDeadlines(2)).containsExactly(before, first);
        assertThat(storage().<List<Deal>>read(tenant, s -> s.get(DealStore.class).stageDeadlines(Criterion.all(), Optional.empty(),
                march(31, 0), 100))).containsExactly(before, first, fifth, hers, fourteenth, atTheEnd);
    }

    @Test
    void badStageDeadlinesAreRefusedNamingTheFieldAndChangeNothing() {
        Crm crm = dealCrm();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        crm.pipelines().addLostReason("price", "Цена");
        Client client = crm.clients().register(NewClient.legalEntity("Альфа"));
        Deal open = crm.deals().open(NewDeal.of(client.id(), "Открытая", Money.of("1", "RUB"), pipeline.id()));
        Deal lost = crm.deals().lose(crm.deals().open(NewDeal.of(client.id(), "Проигранная", Money.of("1", "RUB"), pipeline.id())),
                LostReasonId.of("price"), LocalDate.of(2026, 1, 11));
        Instant deadline = march(20, 0);

        assertThatThrownBy(() -> crm.deals().planStageDeadline(lost, deadline)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("stageDeadline");
            assertThat(e.rejectedValue()).isEqualTo(deadline.toString());
            assertThat(e.getMessage()).contains("lost");
        });
        assertThat(crm.deals().get(lost.id())).isEqualTo(lost);
        assertThatThrownBy(() -> crm.deals().planStageDeadline(open, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stageDeadline"));
        assertThatThrownBy(() -> crm.deals().moveTo(open, stage(pipeline, "Предложение"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stageDeadline"));
        assertThatThrownBy(() -> crm.deals().stageDeadlines(Set.of(), deadline, deadline.plusSeconds(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("responsible"));
        assertThatThrownBy(() -> crm.deals().stageDeadlines(Set.of(VOLKOV), deadline, deadline))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("until"));
        assertThatThrownBy(() -> crm.deals().overdueStageDeadlines(0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThat(crm.deals().get(open.id())).isEqualTo(open);
        assertThat(crm.deals().history(open.id())).noneMatch(e -> e.field().equals("stageDeadline"));
    }

    /** Deals of varied clients, stages, amounts, dates and sources, and the clients they belong to. */
    private record Population(Pipeline sales, Pipeline wholesale, Map<ClientId, Client> clients, List<Deal> deals) {
    }

    private Population population(Crm crm) {
        Pipeline sales = salesPipeline(crm, "Продажи");
        Pipeline wholesale = crm.pipelines().create("Опт", List.of(NewStage.open("Заявка", 20), NewStage.won("Отгружено"),
                NewStage.lost("Сорвалось")));
        crm.pipelines().addLostReason("price", "Цена");
        Map<ClientId, Client> clients = new LinkedHashMap<>();
        List<EmployeeId> managers = List.of(ALEKSEEV, BORISOVA, VOLKOV);
        for (String name : List.of("Альфа", "Бета", "Гамма", "Дельта")) {
            Client c = crm.clients().register(NewClient.legalEntity(name).manager(managers.get(clients.size() % 3)));
            clients.put(c.id(), c);
        }
        List<ClientId> ids = List.copyOf(clients.keySet());
        List<Deal> deals = new ArrayList<>();
        Random random = new Random(15);
        String[] currencies = {"RUB", "USD", "RUB"};
        for (int i = 0; i < 24; i++) {
            boolean inSales = i % 4 != 3;
            Pipeline pipeline = inSales ? sales : wholesale;
            NewDeal draft = NewDeal.of(ids.get(i % 3), "Сделка " + i, Money.of(String.valueOf(100 * (i % 7) + i % 2 * 0.5), currencies[i % 3]),
                    pipeline.id()).responsible(managers.get(random.nextInt(3)));
            if (i % 3 != 0) {
                draft = draft.expectedClose(LocalDate.of(2026, 1 + i % 6, 1 + i));
            }
            if (i % 5 != 0) {
                draft = draft.source(i % 2 == 0 ? "сайт" : "звонок");
            }
            Deal deal = crm.deals().open(draft);
            switch (i % 6) {
                case 1:
                    deal = inSales ? crm.deals().moveTo(deal, stage(sales, "Предложение")) : deal;
                    break;
                case 2:
                    deal = crm.deals().win(deal, inSales ? stage(sales, "Успех") : stage(wholesale, "Отгружено"), LocalDate.of(2026, 2, i));
                    break;
                case 3:
                    deal = crm.deals().lose(deal, LostReasonId.of("price"), LocalDate.of(2026, 3, i));
                    break;
                case 4:
                    deal = inSales ? crm.deals().moveTo(deal, stage(sales, "Переговоры")) : deal;
                    break;
                default:
                    break;
            }
            deals.add(deal);
        }
        return new Population(sales, wholesale, clients, deals);
    }

    private static List<Criterion<DealCriterion>> leaves(Population p) {
        List<Criterion<DealCriterion>> leaves = new ArrayList<>();
        List<ClientId> ids = List.copyOf(p.clients().keySet());
        leaves.add(new DealCriterion.IdIn(Set.of(p.deals().get(0).id(), p.deals().get(5).id())));
        leaves.add(new DealCriterion.IdIn(Set.of()));
        leaves.add(new DealCriterion.OfClient(new ClientCriterion.ManagedBy(Set.of(ALEKSEEV))));
        leaves.add(new DealCriterion.OfClient(new ClientCriterion.NameContains("бет")));
        leaves.add(new DealCriterion.OfClient(Criterion.not(new ClientCriterion.IdIn(Set.of(ids.get(0))))));
        leaves.add(new DealCriterion.OfClient(new ClientCriterion.IdIn(Set.of(ids.get(1), ids.get(2)))));
        leaves.add(new DealCriterion.OfClient(new ClientCriterion.IdIn(Set.of())));
        leaves.add(new DealCriterion.InPipeline(p.wholesale().id()));
        leaves.add(new DealCriterion.AtStage(Set.of(stage(p.sales(), "Предложение"), stage(p.wholesale(), "Заявка"))));
        leaves.add(new DealCriterion.StatusIs(StageKind.OPEN));
        leaves.add(new DealCriterion.StatusIs(StageKind.WON));
        leaves.add(new DealCriterion.ResponsibleIn(Set.of(BORISOVA, VOLKOV)));
        leaves.add(new DealCriterion.AmountBetween(Money.of("100", "RUB"), Money.of("400.5", "RUB")));
        leaves.add(new DealCriterion.AmountBetween(Money.of("0", "USD"), Money.of("300", "USD")));
        leaves.add(new DealCriterion.ExpectedCloseBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30)));
        leaves.add(new DealCriterion.SourceIs("сайт"));
        leaves.add(new DealCriterion.ClosedBetween(StageKind.WON, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15)));
        leaves.add(new DealCriterion.ClosedBetween(StageKind.LOST, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        return leaves;
    }

    private static Criterion<DealCriterion> tree(Random random, List<Criterion<DealCriterion>> leaves, int depth) {
        int pick = depth == 0 ? 0 : random.nextInt(4);
        switch (pick) {
            case 1:
                return Criterion.not(tree(random, leaves, depth - 1));
            case 2:
                return Criterion.and(tree(random, leaves, depth - 1), tree(random, leaves, depth - 1));
            case 3:
                return Criterion.or(tree(random, leaves, depth - 1), tree(random, leaves, depth - 1));
            default:
                return leaves.get(random.nextInt(leaves.size()));
        }
    }

    /** Answers {@link DealCriterion.OfClient} from the population's clients; no relation leaf is used below it. */
    private static DealCriterion.Related related(Population p) {
        return new DealCriterion.Related() {
            @Override
            public Optional<Client> client(ClientId id) {
                return Optional.ofNullable(p.clients().get(id));
            }

            @Override
            public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
                throw new AssertionError("no relation in these trees");
            }
        };
    }

    @Test
    void dealCriteriaSelectTheSameDealsInTheStoreAsInMemoryAndClientsHavingADealToo() {
        Crm crm = dealCrm();
        Population p = population(crm);
        List<Deal> stored = storage().read(tenant, s -> s.get(DealStore.class).findAfter(Criterion.all(), Optional.empty(), 1000));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(p.deals());
        assertThat(stored).extracting(d -> d.id().value()).isSortedAccordingTo(SortOrder.UUIDS);

        List<Criterion<DealCriterion>> leaves = leaves(p);
        List<Criterion<DealCriterion>> trees = new ArrayList<>(leaves);
        leaves.forEach(l -> trees.add(Criterion.not(l)));
        Random random = new Random(1515);
        for (int i = 0; i < 60; i++) {
            trees.add(tree(random, leaves, 3));
        }
        DealCriterion.Related related = related(p);
        for (Criterion<DealCriterion> tree : trees) {
            List<DealId> expected = p.deals().stream().filter(d -> DealCriterion.matches(tree, d, related)).map(Deal::id)
                    .sorted(Comparator.comparing(DealId::value, SortOrder.UUIDS)).collect(Collectors.toList());
            List<DealId> found = storage().read(tenant, s -> s.get(DealStore.class).findAfter(tree, Optional.empty(), 1000))
                    .stream().map(Deal::id).collect(Collectors.toList());
            assertThat(found).as("deals matching %s", tree).containsExactlyElementsOf(expected);
            assertThat(storage().<Long>read(tenant, s -> s.get(DealStore.class).count(tree))).as("count of %s", tree).isEqualTo(expected.size());

            Criterion<ClientCriterion> having = new ClientCriterion.Having<>(DealCriterion.OF_CLIENT, tree);
            Set<ClientId> owners = p.deals().stream().filter(d -> expected.contains(d.id())).map(Deal::client).collect(Collectors.toSet());
            long withoutSuch = p.clients().keySet().stream().filter(c -> !owners.contains(c)).count();
            assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(having))).as("clients having %s", tree)
                    .isEqualTo(owners.size());
            assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(Criterion.not(having))))
                    .as("clients not having %s", tree).isEqualTo(withoutSuch);
        }
    }

    @Test
    void pagesOfDealsFollowTheKeysetWhateverChangesBetweenThem() {
        Crm crm = dealCrm();
        Population p = population(crm);
        List<DealId> seen = new ArrayList<>();
        Optional<DealId> after = Optional.empty();
        List<Deal> page;
        do {
            page = crm.deals().listAfter(Criterion.all(), after, 5);
            page.forEach(d -> seen.add(d.id()));
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
            if (!page.isEmpty()) {
                crm.deals().save(crm.deals().get(page.get(0).id()).retitle("Просмотрено"));
            }
        } while (page.size() == 5);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(p.deals().stream().map(Deal::id).collect(Collectors.toList()));
        assertThatThrownBy(() -> crm.deals().listAfter(Criterion.all(), Optional.empty(), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    /** A clock the test moves by hand, so that stays have known lengths. */
    static final class HandClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-03-02T09:00:00Z");

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void theFunnelCountsStagesReachedByTheCurrentOrderWeightsAmountsAndTakesLowerMedianStays() {
        HandClock clock = new HandClock();
        Crm crm = Crm.builder().storage(storage()).clock(clock).actor(Actor.employee(tenant, ALEKSEEV)).build();
        Pipeline pipeline = salesPipeline(crm, "Продажи");
        crm.pipelines().addLostReason("price", "Цена");
        Client client = crm.clients().register(NewClient.legalEntity("Альфа"));
        StageId q = stage(pipeline, "Квалификация");
        StageId offer = stage(pipeline, "Предложение");
        StageId talks = stage(pipeline, "Переговоры");
        Deal d1 = crm.deals().open(NewDeal.of(client.id(), "1", Money.of("100", "RUB"), pipeline.id()).source("сайт"));
        Deal d2 = crm.deals().open(NewDeal.of(client.id(), "2", Money.of("50", "RUB"), pipeline.id()));
        Deal d3 = crm.deals().open(NewDeal.of(client.id(), "3", Money.of("30.10", "RUB"), pipeline.id()).responsible(BORISOVA));
        Deal d4 = crm.deals().open(NewDeal.of(client.id(), "4", Money.of("20", "USD"), pipeline.id()).responsible(BORISOVA));
        clock.advance(java.time.Duration.ofHours(1));
        d1 = crm.deals().moveTo(d1, offer);
        d2 = crm.deals().moveTo(d2, offer);
        clock.advance(java.time.Duration.ofHours(2));
        d1 = crm.deals().moveTo(d1, talks);
        crm.deals().moveTo(d4, talks);
        clock.advance(java.time.Duration.ofHours(3));
        crm.deals().win(d1, stage(pipeline, "Успех"), LocalDate.of(2026, 3, 2));
        crm.deals().lose(d2, LostReasonId.of("price"), LocalDate.of(2026, 3, 2));
        clock.advance(java.time.Duration.ofHours(4));

        org.crmkit.deal.Funnel funnel = crm.deals().funnel(org.crmkit.deal.FunnelQuery.of(pipeline.id()));

        assertThat(funnel.asOf()).isEqualTo(clock.instant());
        Map<String, org.crmkit.deal.Funnel.StageLine> lines = funnel.stages().stream()
                .collect(Collectors.toMap(l -> l.stage().name(), l -> l, (a, b) -> a, LinkedHashMap::new));
        assertThat(lines.keySet()).containsExactly("Квалификация", "Предложение", "Переговоры", "Успех", "Отказ");
        assertThat(lines.values()).extracting(org.crmkit.deal.Funnel.StageLine::deals).containsExactly(1L, 0L, 1L, 1L, 1L);
        assertThat(lines.values()).extracting(org.crmkit.deal.Funnel.StageLine::reached).containsExactly(4L, 3L, 2L, 0L, 0L);
        assertThat(lines.get("Квалификация").toNext()).contains(new java.math.BigDecimal("0.7500"));
        assertThat(lines.get("Предложение").toNext()).contains(new java.math.BigDecimal("0.6667"));
        assertThat(lines.get("Переговоры").toNext()).contains(new java.math.BigDecimal("0.5000"));
        assertThat(lines.get("Квалификация").toWon()).contains(new java.math.BigDecimal("0.2500"));
        assertThat(lines.get("Успех").toNext()).isEmpty();
        assertThat(lines.get("Квалификация").amounts()).containsExactly(Map.entry(java.util.Currency.getInstance("RUB"), Money.of("30.10", "RUB")));
        assertThat(lines.get("Квалификация").weighted()).containsEntry(java.util.Currency.getInstance("RUB"), Money.of("3.01", "RUB"));
        assertThat(lines.get("Переговоры").weighted()).containsEntry(java.util.Currency.getInstance("USD"), Money.of("14.00", "USD"));
        assertThat(lines.get("Квалификация").stays()).isEqualTo(4);
        assertThat(lines.get("Квалификация").medianStay()).contains(java.time.Duration.ofHours(1));
        assertThat(lines.get("Предложение").medianStay()).contains(java.time.Duration.ofHours(2));
        assertThat(lines.get("Переговоры").medianStay()).contains(java.time.Duration.ofHours(3));
        assertThat(lines.get("Успех").medianStay()).contains(java.time.Duration.ofHours(4));
        assertThat(funnel.byManager().keySet()).containsExactly(ALEKSEEV, BORISOVA);
        assertThat(funnel.byManager().get(BORISOVA)).extracting(org.crmkit.deal.Funnel.StageLine::reached).containsExactly(2L, 1L, 1L, 0L, 0L);
        assertThat(funnel.byManager().get(BORISOVA).get(0).medianStay()).contains(java.time.Duration.ofHours(3));
        assertThat(funnel.outcomes()).extracting(o -> o.outcome() + " " + o.reason().map(LostReasonId::value).orElse("-") + " " + o.deals()
                + " " + o.amounts().values()).containsExactly("WON - 1 [100.00 RUB]", "LOST price 1 [50.00 RUB]");

        org.crmkit.deal.Funnel bySource = crm.deals().funnel(org.crmkit.deal.FunnelQuery.of(pipeline.id()).source("сайт"));
        assertThat(bySource.stages()).extracting(org.crmkit.deal.Funnel.StageLine::reached).containsExactly(1L, 1L, 1L, 0L, 0L);
        java.time.Instant opened = java.time.Instant.parse("2026-03-02T09:00:00Z");
        assertThat(crm.deals().funnel(org.crmkit.deal.FunnelQuery.of(pipeline.id()).openedBetween(opened, opened.plusSeconds(1))))
                .isEqualTo(funnel);
        assertThat(crm.deals().funnel(org.crmkit.deal.FunnelQuery.of(pipeline.id()).openedBetween(opened.plusSeconds(1), opened.plusSeconds(2)))
                .stages()).extracting(org.crmkit.deal.Funnel.StageLine::reached).containsOnly(0L);

        List<StageId> reversed = List.of(talks, offer, q, stage(pipeline, "Успех"), stage(pipeline, "Отказ"));
        crm.pipelines().reorderStages(pipeline.id(), reversed);
        assertThat(crm.deals().funnel(org.crmkit.deal.FunnelQuery.of(pipeline.id())).stages())
                .extracting(l -> l.stage().name() + " " + l.reached())
                .startsWith("Переговоры 4", "Предложение 4", "Квалификация 4");
    }

    @Test
    void theFunnelOfAStoreEqualsTheFunnelComputedFromItsDealsForEveryFilter() {
        Crm crm = dealCrm();
        Population p = population(crm);
        List<org.crmkit.deal.FunnelQuery> queries = List.of(org.crmkit.deal.FunnelQuery.of(p.sales().id()),
                org.crmkit.deal.FunnelQuery.of(p.wholesale().id()),
                org.crmkit.deal.FunnelQuery.of(p.sales().id()).managers(Set.of(BORISOVA, VOLKOV)),
                org.crmkit.deal.FunnelQuery.of(p.sales().id()).source("звонок"),
                org.crmkit.deal.FunnelQuery.of(p.sales().id()).where(new DealCriterion.OfClient(new ClientCriterion.ManagedBy(Set.of(ALEKSEEV)))),
                org.crmkit.deal.FunnelQuery.of(p.sales().id()).openedBetween(java.time.Instant.EPOCH, java.time.Instant.parse("2000-01-01T00:00:00Z")));
        for (org.crmkit.deal.FunnelQuery query : queries) {
            org.crmkit.deal.Funnel funnel = crm.deals().funnel(query);
            List<Deal> deals = crm.deals().listAfter(query.criterion(), Optional.empty(), 1000).stream().filter(query::openedInPeriod)
                    .collect(Collectors.toList());
            Pipeline pipeline = crm.pipelines().get(query.pipeline());
            assertThat(funnel).as("funnel of %s", query).isEqualTo(org.crmkit.deal.Funnel.compute(pipeline, deals, funnel.asOf()));
        }
        assertThat(crm.deals().funnel(queries.get(0)).stages().get(0).reached()).isEqualTo(18);
    }
}
