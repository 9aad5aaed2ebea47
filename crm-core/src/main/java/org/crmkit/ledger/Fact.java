package org.crmkit.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * One line of a host's document as profitability sees it: on a date, for a client (or none) and an
 * order or deal (a free reference, or none), an income {@code amount} and an expense {@code cost}
 * in one currency, each at most as many fraction digits as the currency has; negative for returns.
 *
 * <p>{@code null} given to {@link #forClient} or {@link #forOrder} means "none".
 */
public record Fact(FactKey key, LocalDate date, Optional<ClientId> client, Optional<String> order, Money amount, Money cost) {
    public static final int MAX_ORDER = 200;

    public Fact {
        ValidationException.required(key, "key");
        ValidationException.required(date, "date");
        ValidationException.required(client, "client");
        order = ValidationException.required(order, "order").flatMap(o -> CleanText.optional("order", o, MAX_ORDER));
        ValidationException.required(amount, "amount");
        ValidationException.required(cost, "cost");
        if (!amount.currency().equals(cost.currency())) {
            throw new ValidationException("cost", cost, "is in another currency than the amount " + amount
                    + "; a fact has one currency, and sums never mix currencies");
        }
    }

    /**
     * A fact from texts as a document holds them: {@code amount} the income, {@code cost} the
     * expense (either may be negative), {@code currency} an ISO 4217 code; a number with more
     * fraction digits than the currency has is refused naming {@code amount} or {@code cost}.
     */
    public static Fact of(FactKey key, LocalDate date, String amount, String cost, String currency) {
        return new Fact(key, date, Optional.empty(), Optional.empty(), money("amount", amount, currency), money("cost", cost, currency));
    }

    private static Money money(String field, String value, String currency) {
        BigDecimal number;
        try {
            number = new BigDecimal(ValidationException.required(value, field).strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, value, "is not a number");
        }
        try {
            return new Money(number, Money.currency(currency));
        } catch (ValidationException e) {
            throw e.field().equals("amount") ? new ValidationException(field, e.rejectedValue(), e.problem()) : e;
        }
    }

    /** The fact for a client; {@code null} means none. */
    public Fact forClient(ClientId newClient) {
        return new Fact(key, date, Optional.ofNullable(newClient), order, amount, cost);
    }

    /** The fact for an order or deal, by the host's reference; {@code null} means none. */
    public Fact forOrder(String reference) {
        return new Fact(key, date, client, Optional.ofNullable(reference), amount, cost);
    }

    public java.util.Currency currency() {
        return amount.currency();
    }
}
