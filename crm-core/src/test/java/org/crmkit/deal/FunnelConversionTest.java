package org.crmkit.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ExchangeRates;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.Money;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** A funnel with deals in roubles, dollars and euros, turned into roubles with the host's rates. */
class FunnelConversionTest {
    private static final Currency RUB = Currency.getInstance("RUB");
    private final Crm crm = Crm.builder().storage(new InMemoryStorage()).ids(IdGenerator.sequential())
            .actor(Actor.employee(TenantId.of("rates"), EmployeeId.of("alekseev"))).build();
    private final Client client = crm.clients().register(NewClient.legalEntity("Питерсофт"));
    private final Pipeline pipeline = crm.pipelines().create("Продажи", List.of(NewStage.open("Контакт", 10),
            NewStage.open("Переговоры", 50), NewStage.won("Оплачено"), NewStage.lost("Отказ")));
    private final ExchangeRates rates = ExchangeRates.into("RUB", Map.of("USD", "92.5", "EUR", "100.333"));

    private Deal open(String amount, String currency) {
        return crm.deals().open(NewDeal.of(client.id(), "Сделка " + amount, Money.of(amount, currency), pipeline.id()));
    }

    @Test
    void everyAmountIsTheSumOfItsConvertedCurrencySums() {
        open("1000.00", "RUB");
        open("10.00", "USD");
        open("0.01", "EUR");
        Deal won = open("3.00", "USD");
        crm.deals().win(won, pipeline.stages().get(2).id(), LocalDate.of(2011, 1, 13));
        Funnel funnel = crm.deals().funnel(FunnelQuery.of(pipeline.id()));
        assertThat(funnel.stages().get(0).amounts()).hasSize(3);

        Funnel inRoubles = funnel.convertedTo("RUB", rates);
        Funnel.StageLine first = inRoubles.stages().get(0);
        // 1000.00 + 10 × 92.5 + 0.01 × 100.333 (1.00333, rounded half to even to 1.00)
        assertThat(first.amounts()).containsExactly(Map.entry(RUB, Money.of("1926.00", "RUB")));
        // weighted per currency first (10%: 100.00, 1.00 USD, 0.00 EUR), then converted: 100.00 + 92.50 + 0.00
        assertThat(first.weighted()).containsExactly(Map.entry(RUB, Money.of("192.50", "RUB")));
        assertThat(first.deals()).isEqualTo(funnel.stages().get(0).deals());
        assertThat(first.toWon()).isEqualTo(funnel.stages().get(0).toWon());
        assertThat(inRoubles.stages().get(2).amounts()).containsExactly(Map.entry(RUB, Money.of("277.50", "RUB")));
        assertThat(inRoubles.stages().get(1).amounts()).isEmpty();
        assertThat(inRoubles.outcomes()).allSatisfy(o -> assertThat(o.amounts().keySet()).containsOnly(RUB));
        assertThat(inRoubles.byManager().get(EmployeeId.of("alekseev")).get(0).amounts()).isEqualTo(first.amounts());
    }

    @Test
    void aCurrencyWithoutARateIsRefusedNamingThePair() {
        open("5.00", "GBP");
        Funnel funnel = crm.deals().funnel(FunnelQuery.of(pipeline.id()));
        assertThatThrownBy(() -> funnel.convertedTo("RUB", rates)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("rates").hasMessageContaining("GBP→RUB");
    }

    @Test
    void aTableOfRatesRefusesWhatIsNotARate() {
        assertThatThrownBy(() -> ExchangeRates.into("RUB", Map.of("USD", "-1"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("rates.USD").hasMessageContaining("-1");
        assertThatThrownBy(() -> ExchangeRates.into("RUB", Map.of("USD", "девяносто"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("rates.USD").hasMessageContaining("девяносто");
        assertThatThrownBy(() -> ExchangeRates.into("RUB", Map.of("XYZW", "1"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("XYZW");
        assertThatThrownBy(() -> ExchangeRates.into("РУБ", Map.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("РУБ");
        // half to even: -1.00 × 2.005 = -2.005 → -2.00; 3.00 × 2.005 = 6.015 → 6.02
        ExchangeRates host = (from, to) -> Optional.of(new BigDecimal("2.005"));
        assertThat(host.convert(Money.of("1.00", "USD").negate(), RUB)).isEqualTo(Money.of("-2.00", "RUB"));
        assertThat(host.convert(Money.of("3.00", "USD"), RUB)).isEqualTo(Money.of("6.02", "RUB"));
    }
}
