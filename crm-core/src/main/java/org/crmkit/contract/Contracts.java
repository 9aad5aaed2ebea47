package org.crmkit.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;

/**
 * The contracts of clients (the card's "Основной договор"). A contract is visible and changeable
 * exactly when its client is; changes go to the client's journal under {@code contract:<id>} and
 * to the change feed; a number already used by another contract of the client is refused
 * ({@link org.crmkit.common.DuplicateException} naming {@code number}); a stale copy is refused
 * ({@link org.crmkit.common.ConcurrentChangeException}); making a contract the main one clears
 * the former main one.
 */
public final class Contracts {
    /** The record kind of contracts in the feed and in journal subjects. */
    public static final String KIND = "contract";
    public static final Feature FEATURE = Feature.of("contracts", ContractStore.class);

    private final CrmContext context;
    private final ClientRecords<ContractId, Contract> records;

    public Contracts(CrmContext context) {
        this.context = context;
        this.records = new ClientRecords<>(context, KIND, ContractStore.class);
    }

    /**
     * Adds a contract to a client: its number, date and the ISO code of its currency; {@code details}
     * fills in the rest with the contract's verbs ({@code c -> c.ofKind(ContractKind.WITH_SUPPLIER).withMain(true)}).
     */
    public Contract add(ClientId client, String number, LocalDate date, String currency, UnaryOperator<Contract> details) {
        ValidationException.required(client, "client");
        ValidationException.required(date, "date");
        ValidationException.required(details, "details");
        Contract draft = Contract.create(new ContractId(context.ids().next()), client, number, date, Money.currency(currency));
        Contract contract = details.apply(draft);
        if (contract == null || !contract.id().equals(draft.id()) || !contract.client().equals(client)) {
            throw new ValidationException("details", contract, "may not replace the new contract's id or client");
        }
        return records.add(contract);
    }

    public Optional<Contract> find(ContractId id) {
        return records.find(id);
    }

    /** The client's contracts by date, number, id; {@link org.crmkit.common.NotFoundException} when the client is not visible. */
    public List<Contract> ofClient(ClientId client) {
        return records.ofClient(client);
    }

    /** The client's main contract, if it has one. */
    public Optional<Contract> mainOf(ClientId client) {
        return records.mainOf(client);
    }

    /** Saves a changed copy read earlier; a stale copy fails and nothing is written. */
    public Contract save(Contract changed) {
        return records.save(changed);
    }

    /** Reads, changes and saves the contract in one unit of work. */
    public Contract update(ContractId id, UnaryOperator<Contract> change) {
        return records.update(id, change);
    }

    /** Makes the contract its client's main one (the former main one stops being it). */
    public Contract makeMain(ContractId id) {
        return records.update(id, c -> c.withMain(true));
    }
}
