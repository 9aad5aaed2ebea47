package org.crmkit.ledger;

import java.util.Currency;
import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * What a store answers for the report: the income and expense of the facts of one currency, client
 * (or none) and order (or none) in a period, summed where the facts are kept.
 */
public record FactSum(Optional<ClientId> client, Optional<String> order, Money income, Money expense) {
    public FactSum {
        ValidationException.required(client, "client");
        ValidationException.required(order, "order");
        ValidationException.required(income, "income");
        ValidationException.required(expense, "expense");
        if (!income.currency().equals(expense.currency())) {
            throw new ValidationException("expense", expense, "is in another currency than the income " + income);
        }
    }

    public Currency currency() {
        return income.currency();
    }
}
