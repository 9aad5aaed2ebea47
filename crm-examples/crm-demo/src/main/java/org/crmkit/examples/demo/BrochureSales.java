package org.crmkit.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.NewClient;
import org.crmkit.client.RelationshipType;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.contract.ContractKind;
import org.crmkit.contract.ContractState;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.Deal;
import org.crmkit.deal.Funnel;
import org.crmkit.deal.FunnelQuery;
import org.crmkit.deal.LostReason;
import org.crmkit.deal.NewDeal;
import org.crmkit.deal.NewStage;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.Stage;
import org.crmkit.deal.StageKind;
import org.crmkit.interaction.Direction;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Timing;
import org.crmkit.ledger.AbcRules;
import org.crmkit.ledger.ClientClasses;
import org.crmkit.ledger.Fact;
import org.crmkit.ledger.FactKey;
import org.crmkit.ledger.IncomeExpenses;

/**
 * The brochure's sales side, made and printed through the public API: Алхимов А.А.'s interactions
 * ("Взаимодействия" on his card), his contract № 28 of 02.12.2009 and his bank account, a sales
 * pipeline with deals in several stages and its funnel, the host's order lines behind the report
 * "Доходы и расходы" (read from {@code brochure-orders.csv} as a host would read its documents)
 * and the report computed from them, and the clients' ABC classes by profit.
 */
public final class BrochureSales {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate FROM = LocalDate.of(2009, 12, 1);
    static final LocalDate UNTIL = LocalDate.of(2010, 12, 31);
    static final String ORDERS = "brochure-orders.csv";
    private static final String PIPELINE = "Продажи кондиционеров";

    private BrochureSales() {
    }

    /** One line of the host's documents: client (empty: none), order (empty: none), date, income, expense. */
    record OrderLine(Optional<String> client, Optional<String> order, LocalDate date, BigDecimal income, BigDecimal expense) {
    }

    /** The order lines of {@value #ORDERS}, in file order. */
    static List<OrderLine> orderLines() {
        List<OrderLine> lines = new ArrayList<>();
        try (InputStream in = BrochureSales.class.getResourceAsStream(ORDERS);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(";", -1);
                lines.add(new OrderLine(optional(cells[0]), optional(cells[1]), LocalDate.parse(cells[2]),
                        new BigDecimal(cells[3]), new BigDecimal(cells[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static Optional<String> optional(String cell) {
        return cell.isBlank() ? Optional.empty() : Optional.of(cell.strip());
    }

    /** Registers the three other clients of the report, then adds the interactions, contract, account, deals and facts. */
    static void create(Crm crm, BrochureClients.Created brochure) {
        Client alkhimov = brochure.alkhimov();
        Client baev = crm.clients().register(NewClient.legalEntity("Баев и Ко").group(brochure.buyers().id())
                .relationship(RelationshipType.REGULAR).manager(EmployeeId.of("alekseev")).registeredOn(LocalDate.of(2009, 12, 1)));
        Client belyavsky = crm.clients().register(NewClient.individual("Белявский").group(brochure.buyers().id())
                .relationship(RelationshipType.ONE_OFF_BUYER).manager(EmployeeId.of("panina")).registeredOn(LocalDate.of(2010, 3, 10)));
        crm.clients().register(NewClient.individual("Иваночкин").group(brochure.buyers().id()).manager(EmployeeId.of("panina"))
                .registeredOn(LocalDate.of(2010, 5, 20)));

        recordInteractions(crm, alkhimov);

        crm.contracts().add(alkhimov.id(), "28", LocalDate.of(2009, 12, 2), "RUB",
                c -> c.ofKind(ContractKind.WITH_BUYER).moveTo(ContractState.ACTIVE).withMain(true));
        crm.bankAccounts().add(alkhimov.id(), "044525999", "40802810800000000028",
                a -> a.atBank("АКБ \"ТОРГБАНК\"").withCorrespondentAccount("30101810600000000999").withMain(true));

        Pipeline pipeline = crm.pipelines().create(PIPELINE, List.of(NewStage.open("Первичный контакт", 10),
                NewStage.open("Коммерческое предложение", 40), NewStage.open("Переговоры", 70),
                NewStage.won("Оплачено"), NewStage.lost("Отказ")));
        LostReason price = crm.pipelines().addLostReason("price", "Дорого");
        Map<String, Stage> stages = pipeline.stages().stream().collect(Collectors.toMap(Stage::name, Function.identity()));
        crm.deals().open(NewDeal.of(brochure.pitersoft().id(), "Кондиционеры в офис на Чаянова", Money.of("250000.00", "RUB"), pipeline.id())
                .responsible(EmployeeId.of("abdulov")).source("сайт").expectedClose(LocalDate.of(2011, 10, 31)));
        Deal hall = crm.deals().open(NewDeal.of(brochure.prime().id(), "Торговый зал, 702 кв.м", Money.of("1200000.00", "RUB"), pipeline.id())
                .responsible(EmployeeId.of("abdulov")).source("выставка"));
        crm.deals().moveTo(crm.deals().moveTo(hall, stages.get("Коммерческое предложение").id()), stages.get("Переговоры").id());
        Deal split = crm.deals().open(NewDeal.of(alkhimov.id(), "Сплит-система в кухонный салон", Money.of("45000.00", "RUB"), pipeline.id())
                .responsible(EmployeeId.of("alekseev")).source("звонок"));
        split = crm.deals().moveTo(split, stages.get("Коммерческое предложение").id());
        crm.deals().win(split, stages.get("Оплачено").id(), LocalDate.of(2011, 1, 13));
        Deal warehouse = crm.deals().open(NewDeal.of(baev.id(), "Вентиляция склада", Money.of("120000.00", "RUB"), pipeline.id())
                .responsible(EmployeeId.of("alekseev")).source("звонок"));
        crm.deals().lose(crm.deals().moveTo(warehouse, stages.get("Коммерческое предложение").id()), price.id(), LocalDate.of(2011, 2, 7));
        crm.deals().open(NewDeal.of(belyavsky.id(), "Кондиционер в квартиру", Money.of("32000.00", "RUB"), pipeline.id())
                .responsible(EmployeeId.of("panina")).source("сайт"));

        Map<String, ClientId> clients = clientsByName(crm);
        List<Fact> facts = new ArrayList<>();
        for (OrderLine line : orderLines()) {
            FactKey key = line.order().map(o -> new FactKey("customer-order", o, 1)).orElseGet(() -> new FactKey("other", "ПРОЧЕЕ-2010", 1));
            facts.add(Fact.of(key, line.date(), line.income().toPlainString(), line.expense().toPlainString(), "RUB")
                    .forClient(line.client().map(clients::get).orElse(null)).forOrder(line.order().orElse(null)));
        }
        crm.ledger().push(facts);
    }

    /** The four items of Алхимов А.А.'s card in the brochure, with the call's content as the client told it. */
    private static void recordInteractions(Crm crm, Client alkhimov) {
        Participant client = Participant.of(alkhimov.id());
        EmployeeId alekseev = EmployeeId.of("alekseev");
        crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Доставка кондиционера", at(2011, 1, 10, 12, 30, 15), alekseev,
                i -> i.withDirection(Direction.OUTGOING).withParticipants(List.of(client))
                        .describe("Кондиционер доставили не вовремя, причем, упаковка была внешне повреждена. Однако оказалось, "
                                + "что все в порядке. Сам кондиционер установили быстро и аккуратно, спасибо мастеру. Работой довольны.")
                        .complete("Работой довольны"));
        crm.interactions().plan(InteractionKind.PLANNED_ACTION, "Предложить сервисное обслуживание", at(2011, 1, 11, 12, 30, 30), alekseev,
                i -> i.withParticipants(List.of(client)).complete("Договорились о ТО раз в полгода"));
        crm.interactions().plan(InteractionKind.MEETING, "Выставка в кухонном салоне", at(2011, 9, 16, 11, 30, 60), alekseev,
                i -> i.withParticipants(List.of(client)).withProject("Торговый зал"));
        crm.interactions().plan(InteractionKind.TASK, "Подготовить коммерческое предложение", at(2011, 9, 16, 11, 36, 60), alekseev,
                i -> i.withParticipants(List.of(client)));
    }

    private static Timing at(int year, int month, int day, int hour, int minute, int minutes) {
        LocalDateTime start = LocalDateTime.of(year, month, day, hour, minute);
        return Timing.timed(start.atZone(MOSCOW).toInstant(), start.plusMinutes(minutes).atZone(MOSCOW).toInstant());
    }

    static Map<String, ClientId> clientsByName(Crm crm) {
        return crm.clients().find(ClientQuery.where(Criterion.all())).stream()
                .collect(Collectors.toMap(Client::shortName, Client::id, (a, b) -> a));
    }

    /** Prints Алхимов's interactions, contract and account, the funnel, the report and the ABC classes. */
    static void print(Crm crm, PrintStream out) {
        Map<String, ClientId> clients = clientsByName(crm);
        Map<ClientId, String> names = clients.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        ClientId alkhimov = clients.get("Алхимов А.А.");

        out.println("Взаимодействия: Алхимов А.А.");
        for (Interaction item : crm.interactions().history(alkhimov)) {
            out.printf("  № %d  %-18s %s  %-11s %s%n", item.number(), item.kind(),
                    item.timing().startKey().atZone(MOSCOW).toLocalDateTime(), item.state(), item.subject());
            item.content().ifPresent(text -> out.println("      " + text));
        }
        crm.contracts().mainOf(alkhimov).ifPresent(c -> out.println("Основной договор: " + c.describe()));
        crm.bankAccounts().mainOf(alkhimov).ifPresent(a -> out.println("Основной банковский счет: " + a.describe()));
        out.println();

        Pipeline pipeline = crm.pipelines().all().stream().filter(p -> p.name().equals(PIPELINE)).findFirst().orElseThrow();
        Funnel funnel = crm.deals().funnel(FunnelQuery.of(pipeline.id()));
        out.println("Воронка продаж \"" + pipeline.name() + "\"");
        out.printf("  %-26s %6s %14s %14s %9s %9s%n", "Этап", "Сделок", "Сумма", "Взвешенная", "Дошли", "В успех");
        for (Funnel.StageLine line : funnel.stages()) {
            out.printf("  %-26s %6d %14s %14s %9s %9s%n", line.stage().name(), line.deals(), rub(line.amounts()), rub(line.weighted()),
                    line.stage().kind() == StageKind.OPEN ? String.valueOf(line.reached()) : "",
                    line.toWon().map(r -> r.movePointRight(2).stripTrailingZeros().toPlainString() + "%").orElse(""));
        }
        out.println();

        IncomeExpenses report = crm.ledger().incomeAndExpenses(FROM, UNTIL);
        out.println("Доходы и расходы с " + FROM + " по " + UNTIL);
        out.printf("  %-28s %14s %14s %14s%n", "Клиент / заказ", "Доход", "Расход", "Прибыль");
        for (IncomeExpenses.Section section : report.currencies()) {
            for (IncomeExpenses.ClientLine client : section.clients()) {
                row(out, client.client().map(names::get).orElse("(без клиента)"), client.figures());
                if (client.client().isPresent()) {
                    for (IncomeExpenses.OrderLine order : client.orders()) {
                        row(out, "  " + order.order().orElse("(без заказа)"), order.figures());
                    }
                }
            }
            row(out, "Итого, " + section.currency(), section.total());
        }
        out.println();

        ClientClasses classes = crm.ledger().classes(FROM, UNTIL, "RUB", AbcRules.DEFAULT);
        out.println("ABC по прибыли (80/15/5) и RFM за тот же период");
        for (ClientClasses.Abc abc : classes.abc()) {
            out.printf("  %-14s %s %12s %9s%%  RFM %s%n", names.get(abc.client()), abc.grade(), abc.value().amount().toPlainString(),
                    abc.share().stripTrailingZeros().toPlainString(), classes.rfmOf(abc.client()).map(ClientClasses.Rfm::code).orElse("—"));
        }
        out.println();
    }

    private static void row(PrintStream out, String label, IncomeExpenses.Figures figures) {
        out.printf("  %-28s %14s %14s %14s%n", label, figures.income().amount().toPlainString(),
                figures.expense().amount().toPlainString(), figures.profit().amount().toPlainString());
    }

    private static String rub(Map<java.util.Currency, Money> amounts) {
        return amounts.values().stream().map(m -> m.amount().toPlainString()).findFirst().orElse("0");
    }
}
