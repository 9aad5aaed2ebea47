package org.crmkit.ledger;

import java.time.LocalDate;
import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * What a store answers for ABC and RFM: one client's facts of one currency in a period, summed —
 * income, expense, the date of the last fact with a positive income, and how many documents
 * (source and document) have a line with a positive income.
 */
public record ClientTotals(ClientId client, Money income, Money expense, Optional<LocalDate> lastIncome, long incomeDocuments) {
    public ClientTotals {
        ValidationException.required(client, "client");
        ValidationException.required(income, "income");
        ValidationException.required(expense, "expense");
        ValidationException.required(lastIncome, "lastIncome");
    }

    public Money profit() {
        return new Money(income.amount().subtract(expense.amount()), income.currency());
    }
}
