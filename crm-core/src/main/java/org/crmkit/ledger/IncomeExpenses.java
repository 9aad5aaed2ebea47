package org.crmkit.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * The report "income and expenses by client and order" for a period (both days included): per
 * currency a total, per client (facts without a client form a line of their own, listed first) a
 * subtotal, and per order of the client (facts without an order first) its figures. Every figure is
 * summed from the facts when the report is asked for; profit is income minus expense. Clients are
 * listed by id, orders by their reference (code point order), currencies by code.
 */
public record IncomeExpenses(LocalDate from, LocalDate until, List<Section> currencies) {
    public IncomeExpenses {
        ValidationException.required(from, "from");
        ValidationException.required(until, "until");
        currencies = ValidationException.requiredElements(currencies, "currencies");
    }

    /** Income and expense of a line; profit (a loss when negative) is their difference. */
    public record Figures(Money income, Money expense) {
        public Figures {
            ValidationException.required(income, "income");
            ValidationException.required(expense, "expense");
        }

        public Money profit() {
            return new Money(income.amount().subtract(expense.amount()), income.currency());
        }

        static Figures zero(Currency currency) {
            return new Figures(new Money(BigDecimal.ZERO, currency), new Money(BigDecimal.ZERO, currency));
        }

        Figures plus(Money moreIncome, Money moreExpense) {
            return new Figures(income.plus(moreIncome), expense.plus(moreExpense));
        }
    }

    /** One order (or the facts of the client without one). */
    public record OrderLine(Optional<String> order, Figures figures) {
        public OrderLine {
            ValidationException.required(order, "order");
            ValidationException.required(figures, "figures");
        }
    }

    /** One client (or the facts without a client): the subtotal and its orders. */
    public record ClientLine(Optional<ClientId> client, Figures figures, List<OrderLine> orders) {
        public ClientLine {
            ValidationException.required(client, "client");
            ValidationException.required(figures, "figures");
            orders = ValidationException.requiredElements(orders, "orders");
        }

        /** The line of an order; empty when the client has no facts of it in the period. */
        public Optional<OrderLine> order(String reference) {
            ValidationException.required(reference, "reference");
            return orders.stream().filter(o -> o.order().filter(reference::equals).isPresent()).findFirst();
        }
    }

    /** The report's part in one currency. */
    public record Section(Currency currency, Figures total, List<ClientLine> clients) {
        public Section {
            ValidationException.required(currency, "currency");
            ValidationException.required(total, "total");
            clients = ValidationException.requiredElements(clients, "clients");
        }

        /** The client's line; empty when the client has no facts in the period. */
        public Optional<ClientLine> client(ClientId id) {
            ValidationException.required(id, "id");
            return clients.stream().filter(c -> c.client().filter(id::equals).isPresent()).findFirst();
        }

        /** The line of the facts without a client, if there are any. */
        public Optional<ClientLine> withoutClient() {
            return clients.stream().filter(c -> c.client().isEmpty()).findFirst();
        }
    }

    /** The section of a currency; empty when no fact of the period is in it. */
    public Optional<Section> in(String currencyCode) {
        Currency currency = Money.currency(currencyCode);
        return currencies.stream().filter(s -> s.currency().equals(currency)).findFirst();
    }

    private static final Comparator<Optional<ClientId>> CLIENTS =
            Comparator.comparing((Optional<ClientId> c) -> c.isPresent()).thenComparing(c -> c.map(ClientId::value).orElse(null),
                    Comparator.nullsFirst(SortOrder.UUIDS));
    private static final Comparator<Optional<String>> ORDERS =
            Comparator.comparing((Optional<String> o) -> o.isPresent()).thenComparing(o -> o.orElse(null), Comparator.nullsFirst(SortOrder.TEXT));

    /** The report from a store's sums: subtotals and totals added up here, lines sorted as the class says. */
    static IncomeExpenses of(LocalDate from, LocalDate until, List<FactSum> sums) {
        Map<Currency, Map<Optional<ClientId>, List<FactSum>>> grouped = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (FactSum sum : sums) {
            grouped.computeIfAbsent(sum.currency(), c -> new TreeMap<>(CLIENTS)).computeIfAbsent(sum.client(), c -> new ArrayList<>()).add(sum);
        }
        List<Section> sections = new ArrayList<>();
        grouped.forEach((currency, byClient) -> {
            Figures total = Figures.zero(currency);
            List<ClientLine> clients = new ArrayList<>();
            for (Map.Entry<Optional<ClientId>, List<FactSum>> client : byClient.entrySet()) {
                Map<Optional<String>, Figures> orders = new TreeMap<>(ORDERS);
                Figures subtotal = Figures.zero(currency);
                for (FactSum sum : client.getValue()) {
                    orders.merge(sum.order(), new Figures(sum.income(), sum.expense()), (a, b) -> a.plus(b.income(), b.expense()));
                    subtotal = subtotal.plus(sum.income(), sum.expense());
                }
                List<OrderLine> lines = new ArrayList<>();
                orders.forEach((order, figures) -> lines.add(new OrderLine(order, figures)));
                clients.add(new ClientLine(client.getKey(), subtotal, lines));
                total = total.plus(subtotal.income(), subtotal.expense());
            }
            sections.add(new Section(currency, total, clients));
        });
        return new IncomeExpenses(from, until, sections);
    }
}
