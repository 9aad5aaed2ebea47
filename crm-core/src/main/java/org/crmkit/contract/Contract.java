package org.crmkit.contract;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crmkit.common.CleanText;
import org.crmkit.common.ClientId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * A contract with a client ("Основной договор: № 28 от 02.12.2009 (руб.)"): its number (unique
 * among the client's contracts), date, currency of settlement, kind and state, and whether it is
 * the client's main contract. Belongs to one client for life; changes through verbs that return a
 * new record.
 */
public record Contract(ContractId id, ClientId client, String number, LocalDate date, Currency currency, ContractKind kind,
                       ContractState state, boolean main, long version) implements ClientRecord<ContractId, Contract> {
    /** The order of a client's contracts: by date, number, id. */
    public static final Comparator<Contract> ORDER = Comparator.comparing(Contract::date)
            .thenComparing(Contract::number, SortOrder.TEXT).thenComparing(c -> c.id().value(), SortOrder.UUIDS);

    /** Longest contract number, in code points. */
    public static final int MAX_NUMBER = 50;

    public Contract {
        ValidationException.required(id, "id");
        ValidationException.required(client, "client");
        number = CleanText.require("number", number, MAX_NUMBER);
        ValidationException.required(date, "date");
        ValidationException.required(currency, "currency");
        ValidationException.required(kind, "kind");
        ValidationException.required(state, "state");
    }

    /** A new contract in force, with a buyer, not (yet) the main one. */
    public static Contract create(ContractId id, ClientId client, String number, LocalDate date, Currency currency) {
        return new Contract(id, client, number, date, currency, ContractKind.WITH_BUYER, ContractState.ACTIVE, false, 0);
    }

    public Contract renumber(String newNumber) {
        return new Contract(id, client, newNumber, date, currency, kind, state, main, version);
    }

    public Contract dated(LocalDate newDate) {
        return new Contract(id, client, number, newDate, currency, kind, state, main, version);
    }

    public Contract settledIn(Currency newCurrency) {
        return new Contract(id, client, number, date, newCurrency, kind, state, main, version);
    }

    public Contract ofKind(ContractKind newKind) {
        return new Contract(id, client, number, date, currency, newKind, state, main, version);
    }

    public Contract moveTo(ContractState newState) {
        return new Contract(id, client, number, date, currency, kind, newState, main, version);
    }

    @Override
    public Contract withMain(boolean isMain) {
        return new Contract(id, client, number, date, currency, kind, state, isMain, version);
    }

    @Override
    public Contract withVersion(long storedVersion) {
        return new Contract(id, client, number, date, currency, kind, state, main, storedVersion);
    }

    @Override
    public Map<String, String> auditView() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("number", number);
        view.put("date", date.toString());
        view.put("currency", currency.getCurrencyCode());
        view.put("kind", kind.name());
        view.put("state", state.name());
        view.put("main", main ? "yes" : "no");
        return view;
    }

    @Override
    public String describe() {
        return "№ " + number + " of " + date + " (" + currency.getCurrencyCode() + ")";
    }
}
