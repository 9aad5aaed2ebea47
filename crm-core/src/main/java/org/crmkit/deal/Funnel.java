package org.crmkit.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.crmkit.common.EmployeeId;
import org.crmkit.common.ExchangeRates;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * The funnel of one pipeline as of an instant, per stage and per manager, and the won and lost
 * deals by reason. Stages are listed in the pipeline's current order (active ones, then retired).
 *
 * <p>Definitions, the same for every store (the store kit compares them):
 * <ul>
 * <li>{@code deals}, {@code amounts}: the deals standing in the stage now, and the sum of their
 *     amounts per currency (never converted by the store; {@link #convertedTo} turns them into one
 *     currency with the host's rates); {@code weighted}: each sum times the stage's probability,
 *     rounded half to even to the currency's scale.</li>
 * <li>{@code reached} (open stages only): the deals whose furthest open stage, by the current
 *     order, is this one or a later one, plus the deals won now (a won deal passed every open
 *     stage). {@code toNext}: reached of the next open stage (for the last open stage: the won
 *     deals) ÷ reached here; {@code toWon}: won deals ÷ reached here; both with 4 decimals, empty
 *     when nothing reached the stage. Reordering stages changes them, as it should.</li>
 * <li>{@code medianStay}: the median time the deals spent in the stage, over all their stays in it
 *     (a deal that came back counts each stay); a stay not yet left counts up to {@code asOf}. The
 *     median is the lower middle value for an even count (SQL's {@code PERCENTILE_DISC(0.5)}), to
 *     the microsecond.</li>
 * </ul>
 */
public record Funnel(PipelineId pipeline, Instant asOf, List<StageLine> stages, Map<EmployeeId, List<StageLine>> byManager,
                     List<Outcome> outcomes) {
    public Funnel {
        ValidationException.required(pipeline, "pipeline");
        ValidationException.required(asOf, "asOf");
        stages = ValidationException.requiredElements(stages, "stages");
        outcomes = ValidationException.requiredElements(outcomes, "outcomes");
        Map<EmployeeId, List<StageLine>> managers = new TreeMap<>(Comparator.comparing(EmployeeId::value));
        ValidationException.required(byManager, "byManager").forEach((m, lines) -> managers.put(m, List.copyOf(lines)));
        byManager = Collections.unmodifiableMap(managers);
    }

    /** One stage's line of the funnel. */
    public record StageLine(Stage stage, long deals, Map<Currency, Money> amounts, Map<Currency, Money> weighted, long reached,
                            Optional<BigDecimal> toNext, Optional<BigDecimal> toWon, long stays, Optional<Duration> medianStay) {
        public StageLine {
            ValidationException.required(stage, "stage");
            ValidationException.required(toNext, "toNext");
            ValidationException.required(toWon, "toWon");
            ValidationException.required(medianStay, "medianStay");
            amounts = byCode(amounts);
            weighted = byCode(weighted);
        }
    }

    /** Won deals, or lost deals for one reason: how many and their amounts per currency. */
    public record Outcome(StageKind outcome, Optional<LostReasonId> reason, long deals, Map<Currency, Money> amounts) {
        public Outcome {
            ValidationException.required(outcome, "outcome");
            ValidationException.required(reason, "reason");
            amounts = byCode(amounts);
        }
    }

    /** The active open stages in the current order: the positions {@link Facts#furthest} counts by. */
    public static List<StageId> openOrder(Pipeline pipeline) {
        return ValidationException.required(pipeline, "pipeline").activeStages().stream().filter(s -> s.kind() == StageKind.OPEN).map(Stage::id).collect(Collectors.toList());
    }

    /** The funnel of these deals (already filtered by the query), computed in memory. */
    public static Funnel compute(Pipeline pipeline, List<Deal> deals, Instant asOf) {
        ValidationException.required(pipeline, "pipeline");
        ValidationException.requiredElements(deals, "deals");
        Instant now = ValidationException.required(asOf, "asOf").truncatedTo(ChronoUnit.MICROS);
        List<StageId> order = openOrder(pipeline);
        Facts facts = new Facts();
        Map<List<Object>, List<Long>> stays = new HashMap<>();
        for (Deal deal : deals) {
            Optional<EmployeeId> manager = Optional.of(deal.responsible());
            for (Optional<EmployeeId> m : List.of(Optional.<EmployeeId>empty(), manager)) {
                facts.stage(m, deal.stage(), deal.amount().currency(), 1, deal.amount().amount());
                int furthest = deal.status() == StageKind.WON ? order.size()
                        : deal.history().stream().mapToInt(v -> order.indexOf(v.stage())).max().orElse(-1);
                facts.furthest(m, furthest, 1);
                for (StageVisit visit : deal.history()) {
                    stays.computeIfAbsent(List.of(m, visit.stage()), k -> new ArrayList<>())
                            .add(ChronoUnit.MICROS.between(visit.entered(), visit.left().orElse(now)));
                }
            }
            if (deal.status() != StageKind.OPEN) {
                facts.outcome(deal.status(), deal.lostReason(), deal.amount().currency(), 1, deal.amount().amount());
            }
        }
        stays.forEach((key, micros) -> {
            @SuppressWarnings("unchecked")
            Optional<EmployeeId> m = (Optional<EmployeeId>) key.get(0);
            Collections.sort(micros);
            int middle = (micros.size() + 1) / 2 - 1; // PERCENTILE_DISC(0.5): the first value whose cumulative share reaches one half
            facts.stays(m, (StageId) key.get(1), micros.size(), micros.get(middle));
        });
        return facts.build(pipeline, now);
    }

    /**
     * The aggregated facts a store counts (in SQL or in memory), per manager or for all
     * ({@code Optional.empty()}); {@link #build} turns them into the report, the same way for every
     * store. Facts of one key add up.
     */
    public static final class Facts {
        private final Map<Optional<EmployeeId>, Map<StageId, Map<Currency, Money>>> amounts = new HashMap<>();
        private final Map<Optional<EmployeeId>, Map<StageId, Long>> counts = new HashMap<>();
        private final Map<Optional<EmployeeId>, Map<Integer, Long>> furthest = new HashMap<>();
        private final Map<Optional<EmployeeId>, Map<StageId, long[]>> stays = new HashMap<>();
        private final Map<List<Object>, long[]> outcomeCounts = new HashMap<>();
        private final Map<List<Object>, Map<Currency, Money>> outcomeAmounts = new HashMap<>();

        /** {@code deals} deals stand in the stage now, their amounts in the currency summing to {@code amount}. */
        public void stage(Optional<EmployeeId> manager, StageId stage, Currency currency, long deals, BigDecimal amount) {
            ValidationException.required(manager, "manager");
            ValidationException.required(stage, "stage");
            Money sum = new Money(amount, currency);
            counts.computeIfAbsent(manager, k -> new HashMap<>()).merge(stage, deals, Long::sum);
            amounts.computeIfAbsent(manager, k -> new HashMap<>()).computeIfAbsent(stage, k -> new TreeMap<>(BY_CODE))
                    .merge(currency, sum, Money::plus);
        }

        /** {@code deals} deals got furthest to the open stage at {@code position} of {@link #openOrder} (its size: won; -1: none). */
        public void furthest(Optional<EmployeeId> manager, int position, long deals) {
            ValidationException.required(manager, "manager");
            furthest.computeIfAbsent(manager, k -> new HashMap<>()).merge(position, deals, Long::sum);
        }

        /** The stage had {@code count} stays with the median length {@code medianMicros} (given once per key). */
        public void stays(Optional<EmployeeId> manager, StageId stage, long count, long medianMicros) {
            ValidationException.required(manager, "manager");
            ValidationException.required(stage, "stage");
            stays.computeIfAbsent(manager, k -> new HashMap<>()).put(stage, new long[] {count, medianMicros});
        }

        /** {@code deals} deals are won (or lost for the reason), their amounts in the currency summing to {@code amount}. */
        public void outcome(StageKind outcome, Optional<LostReasonId> reason, Currency currency, long deals, BigDecimal amount) {
            List<Object> key = List.of(ValidationException.required(outcome, "outcome"), ValidationException.required(reason, "reason"));
            Money sum = new Money(amount, currency);
            outcomeCounts.computeIfAbsent(key, k -> new long[1])[0] += deals;
            outcomeAmounts.computeIfAbsent(key, k -> new TreeMap<>(BY_CODE)).merge(currency, sum, Money::plus);
        }

        public Funnel build(Pipeline pipeline, Instant asOf) {
            ValidationException.required(pipeline, "pipeline");
            ValidationException.required(asOf, "asOf");
            List<StageLine> all = lines(pipeline, Optional.empty());
            Map<EmployeeId, List<StageLine>> managers = new TreeMap<>(Comparator.comparing(EmployeeId::value));
            counts.keySet().stream().flatMap(Optional::stream).forEach(m -> managers.put(m, lines(pipeline, Optional.of(m))));
            List<Outcome> outcomes = outcomeCounts.entrySet().stream().map(e -> {
                @SuppressWarnings("unchecked")
                Optional<LostReasonId> reason = (Optional<LostReasonId>) e.getKey().get(1);
                return new Outcome((StageKind) e.getKey().get(0), reason, e.getValue()[0], outcomeAmounts.get(e.getKey()));
            }).sorted(Comparator.comparing(Outcome::outcome).thenComparing(o -> o.reason().map(LostReasonId::value).orElse("")))
                    .collect(Collectors.toList());
            return new Funnel(pipeline.id(), asOf, all, managers, outcomes);
        }

        private List<StageLine> lines(Pipeline pipeline, Optional<EmployeeId> manager) {
            List<StageId> order = openOrder(pipeline);
            Map<Integer, Long> far = furthest.getOrDefault(manager, Map.of());
            long[] reached = new long[order.size() + 1];
            for (int i = order.size(); i >= 0; i--) {
                reached[i] = far.getOrDefault(i, 0L) + (i < order.size() ? reached[i + 1] : 0);
            }
            List<Stage> listed = new ArrayList<>(pipeline.activeStages());
            pipeline.stages().stream().filter(Stage::retired).forEach(listed::add);
            List<StageLine> lines = new ArrayList<>();
            for (Stage stage : listed) {
                Map<Currency, Money> sums = amounts.getOrDefault(manager, Map.of()).getOrDefault(stage.id(), Map.of());
                Map<Currency, Money> weighted = new TreeMap<>(BY_CODE);
                sums.forEach((c, m) -> weighted.put(c, m.percent(stage.probability())));
                int position = order.indexOf(stage.id());
                long here = position < 0 ? 0 : reached[position];
                long[] stay = stays.getOrDefault(manager, Map.of()).get(stage.id());
                lines.add(new StageLine(stage, counts.getOrDefault(manager, Map.of()).getOrDefault(stage.id(), 0L), sums, weighted, here,
                        position < 0 ? Optional.empty() : ratio(reached[position + 1], here),
                        position < 0 ? Optional.empty() : ratio(reached[order.size()], here),
                        stay == null ? 0 : stay[0], stay == null ? Optional.empty() : Optional.of(Duration.of(stay[1], ChronoUnit.MICROS))));
            }
            return lines;
        }

        private static Optional<BigDecimal> ratio(long part, long whole) {
            return whole == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN));
        }
    }

    private static final Comparator<Currency> BY_CODE = Comparator.comparing(Currency::getCurrencyCode);

    /**
     * The same funnel with every amount in {@code target}: each currency's sum is converted with
     * the host's {@code rates} and rounded half to even to the target's scale, then the sums are
     * added (so a figure is the sum of its converted per-currency figures, and conversion never
     * depends on how many deals there are). Counts, conversions and stays are unchanged. Refuses,
     * naming the pair, a currency the rates cannot convert.
     */
    public Funnel convertedTo(String target, ExchangeRates rates) {
        Currency into = Money.currency(target);
        ValidationException.required(rates, "rates");
        Map<EmployeeId, List<StageLine>> managers = new HashMap<>();
        byManager.forEach((manager, lines) -> managers.put(manager, converted(lines, into, rates)));
        List<Outcome> outcomesIn = outcomes.stream()
                .map(o -> new Outcome(o.outcome(), o.reason(), o.deals(), converted(o.amounts(), into, rates))).toList();
        return new Funnel(pipeline, asOf, converted(stages, into, rates), managers, outcomesIn);
    }

    private static List<StageLine> converted(List<StageLine> lines, Currency into, ExchangeRates rates) {
        return lines.stream().map(l -> new StageLine(l.stage(), l.deals(), converted(l.amounts(), into, rates), converted(l.weighted(), into, rates),
                l.reached(), l.toNext(), l.toWon(), l.stays(), l.medianStay())).toList();
    }

    private static Map<Currency, Money> converted(Map<Currency, Money> sums, Currency into, ExchangeRates rates) {
        if (sums.isEmpty()) {
            return sums;
        }
        Money total = Money.zero(into);
        for (Money sum : sums.values()) {
            total = total.plus(rates.convert(sum, into));
        }
        return Map.of(into, total);
    }

    private static Map<Currency, Money> byCode(Map<Currency, Money> sums) {
        Map<Currency, Money> sorted = new TreeMap<>(BY_CODE);
        sorted.putAll(ValidationException.required(sums, "amounts"));
        return Collections.unmodifiableMap(sorted);
    }
}
