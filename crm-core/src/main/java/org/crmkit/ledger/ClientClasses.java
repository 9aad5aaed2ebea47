package org.crmkit.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * ABC classes and RFM scores of clients, computed on demand from one currency's facts of a period
 * (facts without a client take no part). Every ranking breaks ties by client id, so any store's
 * totals give the same classes and scores.
 */
public record ClientClasses(LocalDate from, LocalDate until, Currency currency, AbcRules rules, List<Abc> abc, List<Rfm> rfm) {
    public ClientClasses {
        ValidationException.required(from, "from");
        ValidationException.required(until, "until");
        ValidationException.required(currency, "currency");
        ValidationException.required(rules, "rules");
        abc = ValidationException.requiredElements(abc, "abc");
        rfm = ValidationException.requiredElements(rfm, "rfm");
    }

    /** An ABC class. */
    public enum Grade {
        A, B, C
    }

    /** A client's class: its value (profit or revenue), its share of the positive total in percent (4 decimals), and its class. */
    public record Abc(ClientId client, Money value, BigDecimal share, Grade grade) {
        public Abc {
            ValidationException.required(client, "client");
            ValidationException.required(value, "value");
            ValidationException.required(share, "share");
            ValidationException.required(grade, "grade");
        }
    }

    /**
     * A client's RFM scores, each 1 (worst) to 5 (best) by quintile of the clients scored: recency
     * of the last positive income (days before the period's end; fewer is better), frequency (income
     * documents), monetary value (income, returns deducted). Only clients with a positive income in
     * the period are scored.
     */
    public record Rfm(ClientId client, int recency, int frequency, int monetary, long daysSinceLastIncome, long incomeDocuments, Money income) {
        public Rfm {
            ValidationException.required(client, "client");
            ValidationException.required(income, "income");
        }

        /** The three scores as one code, such as {@code "515"}. */
        public String code() {
            return "" + recency + frequency + monetary;
        }
    }

    public Optional<Abc> abcOf(ClientId client) {
        ValidationException.required(client, "client");
        return abc.stream().filter(e -> e.client().equals(client)).findFirst();
    }

    public Optional<Rfm> rfmOf(ClientId client) {
        ValidationException.required(client, "client");
        return rfm.stream().filter(e -> e.client().equals(client)).findFirst();
    }

    private static final Comparator<ClientTotals> BY_ID = Comparator.comparing(t -> t.client().value(), SortOrder.UUIDS);

    static ClientClasses of(LocalDate from, LocalDate until, Currency currency, AbcRules rules, List<ClientTotals> totals) {
        return new ClientClasses(from, until, currency, rules, abc(rules, totals), rfm(until, totals));
    }

    private static List<Abc> abc(AbcRules rules, List<ClientTotals> totals) {
        Function<ClientTotals, Money> measure = rules.measure() == AbcRules.Measure.PROFIT ? ClientTotals::profit : ClientTotals::income;
        List<ClientTotals> ranked = new ArrayList<>(totals);
        ranked.sort(Comparator.comparing((ClientTotals t) -> measure.apply(t).amount()).reversed().thenComparing(BY_ID));
        BigDecimal positive = ranked.stream().map(t -> measure.apply(t).amount()).filter(v -> v.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hundred = new BigDecimal(100);
        BigDecimal before = BigDecimal.ZERO;
        List<Abc> classes = new ArrayList<>();
        for (ClientTotals t : ranked) {
            Money value = measure.apply(t);
            Grade grade;
            BigDecimal share = BigDecimal.ZERO.setScale(4);
            if (value.amount().signum() <= 0) {
                grade = Grade.C;
            } else {
                BigDecimal beforePercent = before.multiply(hundred);
                grade = beforePercent.compareTo(rules.a().multiply(positive)) < 0 ? Grade.A
                        : beforePercent.compareTo(rules.a().add(rules.b()).multiply(positive)) < 0 ? Grade.B : Grade.C;
                share = value.amount().multiply(hundred).divide(positive, 4, RoundingMode.HALF_EVEN);
                before = before.add(value.amount());
            }
            classes.add(new Abc(t.client(), value, share, grade));
        }
        return classes;
    }

    private static List<Rfm> rfm(LocalDate until, List<ClientTotals> totals) {
        List<ClientTotals> scored = totals.stream().filter(t -> t.lastIncome().isPresent()).sorted(BY_ID).toList();
        ToLongFunction<ClientTotals> days = t -> ChronoUnit.DAYS.between(t.lastIncome().orElseThrow(), until);
        int[] recency = quintiles(scored, Comparator.comparingLong(days).reversed());
        int[] frequency = quintiles(scored, Comparator.comparingLong(ClientTotals::incomeDocuments));
        int[] monetary = quintiles(scored, Comparator.comparing(t -> t.income().amount()));
        List<Rfm> scores = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            ClientTotals t = scored.get(i);
            scores.add(new Rfm(t.client(), recency[i], frequency[i], monetary[i], days.applyAsLong(t), t.incomeDocuments(), t.income()));
        }
        return scores;
    }

    /**
     * Scores 1 to 5 for the clients (given by id), ranked worst first by {@code worstFirst} and then
     * by id: the client at rank r of n gets 1 + 5r / n.
     */
    private static int[] quintiles(List<ClientTotals> byId, Comparator<ClientTotals> worstFirst) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < byId.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> byId.get(i), worstFirst.thenComparing(BY_ID)));
        int[] scores = new int[byId.size()];
        for (int rank = 0; rank < order.size(); rank++) {
            scores[order.get(rank)] = 1 + (int) (5L * rank / order.size());
        }
        return scores;
    }
}
