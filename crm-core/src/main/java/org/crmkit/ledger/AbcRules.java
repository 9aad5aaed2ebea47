package org.crmkit.ledger;

import java.math.BigDecimal;

import org.crmkit.common.ValidationException;

/**
 * How clients are classed A, B and C: by their share of the period's profit or revenue, with the
 * class limits in percent (80, 15, 5 by default; they must be positive and add up to 100).
 * Ranked by value, largest first (ties by client id), a client is in A while the share of the
 * clients ranked before it is below {@code a}, in B while it is below {@code a + b}, else in C: the
 * client that crosses a limit is still in the class below it. Shares are of the sum of the positive
 * values; a client whose value is zero or negative (a loss-making client, when classed by profit) is
 * always in C and lowers nobody's share.
 */
public record AbcRules(Measure measure, BigDecimal a, BigDecimal b, BigDecimal c) {
    /** What a client's share is of. */
    public enum Measure {
        /** Income minus expense. */
        PROFIT,
        /** Income alone. */
        REVENUE
    }

    /** By profit, 80 / 15 / 5. */
    public static final AbcRules DEFAULT = new AbcRules(Measure.PROFIT, new BigDecimal("80"), new BigDecimal("15"), new BigDecimal("5"));

    public AbcRules {
        ValidationException.required(measure, "measure");
        for (BigDecimal limit : new BigDecimal[]{ValidationException.required(a, "a"), ValidationException.required(b, "b"),
                ValidationException.required(c, "c")}) {
            if (limit.signum() <= 0) {
                throw new ValidationException(limit == a ? "a" : limit == b ? "b" : "c", limit, "must be a positive percentage");
            }
        }
        if (a.add(b).add(c).compareTo(new BigDecimal(100)) != 0) {
            throw new ValidationException("c", c, "makes the limits add up to " + a.add(b).add(c).toPlainString() + " percent, not 100");
        }
    }

    /** Class limits {@code a / b / c} percent, by {@code measure}. */
    public static AbcRules of(Measure measure, String a, String b, String c) {
        return new AbcRules(measure, percent("a", a), percent("b", b), percent("c", c));
    }

    private static BigDecimal percent(String field, String value) {
        try {
            return new BigDecimal(ValidationException.required(value, field).strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, value, "is not a number");
        }
    }
}
