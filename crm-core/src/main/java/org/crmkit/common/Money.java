package org.crmkit.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in a currency, at the currency's scale (kopecks for RUB). Never a double; amounts in
 * different currencies are never added.
 */
public record Money(BigDecimal amount, Currency currency) {
    /** The largest amounts stores must hold: 18 digits before the point (NUMERIC(24, 6) in SQL). */
    public static final int MAX_INTEGER_DIGITS = 18;

    public Money {
        ValidationException.required(amount, "amount");
        ValidationException.required(currency, "currency");
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ValidationException("amount", amount.toPlainString(),
                    "has more than " + scale + " decimal places for " + currency.getCurrencyCode());
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new ValidationException("amount", amount.toPlainString(), "has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
    }

    public static Money of(String amount, String currencyCode) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException("amount", amount, "is not a number");
        }
        return new Money(value, currency(currencyCode));
    }

    public static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("currency", code, "is not an ISO 4217 currency code");
        }
    }

    public Money plus(Money other) {
        ValidationException.required(other, "other");
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", other.currency, "differs from " + currency + "; amounts not added");
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** Nothing, in the currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, ValidationException.required(currency, "currency"));
    }

    /** This less {@code other}; amounts in different currencies are refused like in {@link #plus}. */
    public Money minus(Money other) {
        return plus(ValidationException.required(other, "other").negate());
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /**
     * The share of this amount given in percent (a deal's probability, 0–100), rounded to the
     * currency's scale half to even (banker's rounding, so rounding errors do not pile up one way).
     */
    public Money percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new ValidationException("percent", percent, "must be between 0 and 100");
        }
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_EVEN), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
