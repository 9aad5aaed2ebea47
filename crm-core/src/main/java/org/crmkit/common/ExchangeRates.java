package org.crmkit.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host's exchange rates: how many units of {@code to} one unit of {@code from} is worth.
 * crmkit keeps no rates and never converts on its own; a report whose amounts are per currency
 * (the sales funnel) can be turned into one currency with the rates the host supplies. A currency
 * is worth 1 of itself without asking.
 */
@FunctionalInterface
public interface ExchangeRates {
    /** The rate from one currency to another, or empty when the host has none. */
    Optional<BigDecimal> rate(Currency from, Currency to);

    /**
     * A fixed table of rates into {@code target}, keyed by ISO 4217 code: {@code "USD" -> "92.50"}
     * means one dollar is 92.50 of the target. Refuses a code that is not a currency and a rate that
     * is not a positive number, naming it.
     */
    static ExchangeRates into(String target, Map<String, String> perUnit) {
        Currency into = Money.currency(target);
        Map<Currency, BigDecimal> table = new HashMap<>();
        ValidationException.required(perUnit, "rates").forEach((code, value) -> {
            BigDecimal rate;
            try {
                rate = new BigDecimal(ValidationException.required(value, "rates." + code).strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("rates." + code, value, "is not a number");
            }
            if (rate.signum() <= 0) {
                throw new ValidationException("rates." + code, value, "must be positive");
            }
            table.put(Money.currency(code), rate);
        });
        return (from, to) -> to.equals(into) ? Optional.ofNullable(table.get(from)) : Optional.empty();
    }

    /**
     * {@code amount} in {@code target}: times the rate, rounded to the target's scale half to even.
     * Refuses, naming the pair, when the host has no rate for it.
     */
    default Money convert(Money amount, Currency target) {
        ValidationException.required(amount, "amount");
        ValidationException.required(target, "target");
        if (amount.currency().equals(target)) {
            return amount;
        }
        BigDecimal rate = rate(amount.currency(), target).orElseThrow(() -> new ValidationException("rates",
                amount.currency().getCurrencyCode() + "→" + target.getCurrencyCode(), "has no rate: the host's exchange rates do not give one"));
        int scale = Math.max(target.getDefaultFractionDigits(), 0);
        return new Money(amount.amount().multiply(rate).setScale(scale, RoundingMode.HALF_EVEN), target);
    }
}
