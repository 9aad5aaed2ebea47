package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientQuery;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.Funnel;
import org.crmkit.deal.FunnelQuery;
import org.crmkit.deal.Pipeline;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.ledger.AbcRules;
import org.crmkit.ledger.ClientClasses;
import org.crmkit.ledger.IncomeExpenses;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * The demo's sales side read back through the API. The report "Доходы и расходы" is checked row
 * by row and total by total against sums computed here from the host's order lines
 * ({@code brochure-orders.csv}), not against figures copied from the brochure.
 */
class BrochureSalesTest {
    private final Crm crm = Crm.builder()
            .storage(new InMemoryStorage())
            .clock(Clock.fixed(Instant.parse("2011-09-16T08:30:00Z"), ZoneId.of("Europe/Moscow")))
            .ids(IdGenerator.sequential())
            .actor(Actor.employee(TenantId.of("veterok"), EmployeeId.of("abdulov")))
            .build();
    private final BrochureClients.Created brochure = created();
    private final Map<String, ClientId> clients = crm.clients().find(ClientQuery.where(Criterion.all())).stream()
            .collect(Collectors.toMap(Client::shortName, Client::id));

    private BrochureClients.Created created() {
        BrochureClients.Created made = BrochureClients.create(crm);
        BrochureSales.create(crm, made);
        return made;
    }

    @Test
    void everyRowAndTotalOfIncomeAndExpensesIsTheSumOfTheOrderLines() {
        List<BrochureSales.OrderLine> lines = BrochureSales.orderLines();
        assertThat(lines).hasSize(11);
        IncomeExpenses.Section rub = crm.ledger().incomeAndExpenses(BrochureSales.FROM, BrochureSales.UNTIL).in("RUB").orElseThrow();

        Map<Optional<String>, List<BrochureSales.OrderLine>> byClient = lines.stream()
                .collect(Collectors.groupingBy(BrochureSales.OrderLine::client, LinkedHashMap::new, Collectors.toList()));
        assertThat(rub.clients()).hasSize(byClient.size());
        byClient.forEach((client, ofClient) -> {
            IncomeExpenses.ClientLine row = client.isPresent() ? rub.client(clients.get(client.get())).orElseThrow() : rub.withoutClient().orElseThrow();
            assertFigures(row.figures(), ofClient, client.orElse("no client"));
            for (BrochureSales.OrderLine line : ofClient) {
                line.order().ifPresent(order -> assertFigures(row.order(order).orElseThrow().figures(), List.of(line), order));
            }
        });
        assertFigures(rub.total(), lines, "total");
        // Белявский's return makes his expense negative and his profit larger than his income.
        IncomeExpenses.Figures belyavsky = rub.client(clients.get("Белявский")).orElseThrow().figures();
        assertThat(belyavsky.expense().amount()).isNegative();
        assertThat(belyavsky.profit().amount()).isGreaterThan(belyavsky.income().amount());
    }

    private static void assertFigures(IncomeExpenses.Figures figures, List<BrochureSales.OrderLine> lines, String what) {
        BigDecimal income = lines.stream().map(BrochureSales.OrderLine::income).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expense = lines.stream().map(BrochureSales.OrderLine::expense).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(figures.income().amount()).as(what + " income").isEqualByComparingTo(income);
        assertThat(figures.expense().amount()).as(what + " expense").isEqualByComparingTo(expense);
        assertThat(figures.profit().amount()).as(what + " profit").isEqualByComparingTo(income.subtract(expense));
    }

    @Test
    void abcClassesFollowTheProfitOfTheOrderLines() {
        ClientClasses classes = crm.ledger().classes(BrochureSales.FROM, BrochureSales.UNTIL, "RUB", AbcRules.DEFAULT);
        assertThat(classes.abc()).extracting(a -> a.client()).containsExactly(clients.get("Баев и Ко"), clients.get("Алхимов А.А."),
                clients.get("Белявский"), clients.get("Иваночкин"));
        assertThat(classes.abcOf(clients.get("Иваночкин")).orElseThrow().grade()).isEqualTo(ClientClasses.Grade.C);
        assertThat(classes.abcOf(clients.get("Баев и Ко")).orElseThrow().grade()).isEqualTo(ClientClasses.Grade.A);
    }

    @Test
    void alkhimovsCardHasTheBrochuresInteractionsContractAndAccount() {
        List<Interaction> history = crm.interactions().history(brochure.alkhimov().id());
        assertThat(history).extracting(Interaction::kind).containsExactly(InteractionKind.OUTGOING_CALL, InteractionKind.PLANNED_ACTION,
                InteractionKind.MEETING, InteractionKind.TASK);
        Interaction call = history.get(0);
        assertThat(call.state()).isEqualTo(InteractionState.DONE);
        assertThat(call.timing().startKey()).isEqualTo(LocalDateTime.of(2011, 1, 10, 12, 30).atZone(BrochureSales.MOSCOW).toInstant());
        assertThat(call.content().orElseThrow()).startsWith("Кондиционер доставили не вовремя").endsWith("Работой довольны.");
        assertThat(crm.contracts().mainOf(brochure.alkhimov().id()).orElseThrow().number()).isEqualTo("28");
        assertThat(crm.bankAccounts().mainOf(brochure.alkhimov().id()).orElseThrow().bankName()).contains("АКБ \"ТОРГБАНК\"");
    }

    @Test
    void theFunnelCountsTheDealsWhereTheyStand() {
        Pipeline pipeline = crm.pipelines().all().get(0);
        Funnel funnel = crm.deals().funnel(FunnelQuery.of(pipeline.id()));
        assertThat(funnel.stages()).extracting(l -> l.stage().name() + ": " + l.deals() + "/" + l.reached())
                .containsExactly("Первичный контакт: 2/5", "Коммерческое предложение: 0/3", "Переговоры: 1/2", "Оплачено: 1/0", "Отказ: 1/0");
        assertThat(funnel.stages().get(2).weighted().values()).extracting(m -> m.amount().toPlainString()).containsExactly("840000.00");
    }
}
