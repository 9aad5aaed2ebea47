package org.crmkit.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

/** The rules a pipeline and a deal keep by themselves, and the money arithmetic the funnel uses. */
class PipelineTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private int next;

    private StageId id() {
        return new StageId(new UUID(0, ++next));
    }

    private Pipeline pipeline() {
        return new Pipeline(new PipelineId(new UUID(1, 1)), "Продажи", List.of(NewStage.open("Квалификация", 10).withId(id()),
                NewStage.open("Предложение", 40).withId(id()), NewStage.won("Успех").withId(id()), NewStage.lost("Отказ").withId(id())), 1);
    }

    @Test
    void aPipelineKeepsAnOpenStageUniqueNamesAndAnOrderOfItsActiveStages() {
        Pipeline p = pipeline();
        StageId first = p.stages().get(0).id();
        StageId second = p.stages().get(1).id();
        assertThatThrownBy(() -> p.retireStage(second).retireStage(first))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stages"));
        assertThatThrownBy(() -> p.addStage(NewStage.open("предложение", 50).withId(id()), 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stage.name"));
        assertThatThrownBy(() -> p.addStage(NewStage.open("Счёт", 50).withId(id()), 9))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo("9"));
        assertThatThrownBy(() -> p.reorder(List.of(first)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("order"));
        assertThatThrownBy(() -> new NewStage("X", 101, StageKind.OPEN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stage.probability"));

        Pipeline retired = p.retireStage(first);
        assertThat(retired.activeStages()).extracting(Stage::name).containsExactly("Предложение", "Успех", "Отказ");
        assertThat(retired.stages()).hasSize(4);
        assertThat(retired.addStage(NewStage.open("Квалификация", 5).withId(id()), 0).activeStages()).hasSize(4);
    }

    @Test
    void aDealMovesOnlyWithinItsPipelineAndClosesOnlyIntoTheRightKindOfStage() {
        Pipeline p = pipeline();
        StageId open = p.stages().get(0).id();
        StageId won = p.stages().get(2).id();
        StageId lost = p.stages().get(3).id();
        Deal deal = Deal.open(new DealId(new UUID(2, 1)), 1, new ClientId(new UUID(3, 1)), "Поставка", Money.of("10", "RUB"),
                EmployeeId.of("a"), p, open, "a", T0);

        assertThat(deal.moveTo(p, open, "a", T0.plusSeconds(5))).isSameAs(deal);
        assertThatThrownBy(() -> deal.win(p, open, LocalDate.of(2026, 3, 3), "a", T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo(open.toString()));
        assertThatThrownBy(() -> deal.lose(p, won, LostReasonId.of("price"), LocalDate.of(2026, 3, 3), "a", T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stage"));
        Deal closed = deal.lose(p, lost, LostReasonId.of("price"), LocalDate.of(2026, 3, 3), "b", T0.plusSeconds(60));
        assertThat(closed.history()).hasSize(2);
        assertThat(closed.history().get(0).leftBy()).contains("b");
        assertThatThrownBy(() -> closed.moveTo(p, open, "a", T0.plusSeconds(90)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> closed.reopen(p, won, "a", T0.plusSeconds(90)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stage"));
        Pipeline other = new Pipeline(new PipelineId(new UUID(1, 2)), "Опт", List.of(NewStage.open("Заявка", 10).withId(id())), 1);
        assertThatThrownBy(() -> deal.moveTo(other, other.stages().get(0).id(), "a", T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("pipeline"));
        assertThatThrownBy(() -> deal.reprice(Money.of("1.005", "USD")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void moneyTakesAShareInPercentRoundedHalfToEvenAtTheCurrencysScaleAndNeverMixesCurrencies() {
        assertThat(Money.of("0.25", "RUB").percent(50)).isEqualTo(Money.of("0.12", "RUB"));
        assertThat(Money.of("0.35", "RUB").percent(50)).isEqualTo(Money.of("0.18", "RUB"));
        assertThat(Money.of("101", "JPY").percent(50)).isEqualTo(Money.of("50", "JPY"));
        assertThat(Money.of("10", "RUB").minus(Money.of("12.5", "RUB"))).isEqualTo(Money.of("-2.5", "RUB"));
        assertThat(Money.zero(Money.currency("USD")).negate()).isEqualTo(Money.of("0", "USD"));
        assertThatThrownBy(() -> Money.of("10", "RUB").minus(Money.of("1", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo("EUR"));
        assertThatThrownBy(() -> Money.of("10", "RUB").percent(101))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("percent"));
    }
}
