package org.crmkit.contract;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;

/**
 * The bank accounts of clients (the card's "Основной банковский счет"). An account is visible and
 * changeable exactly when its client is; changes go to the client's journal under
 * {@code bank-account:<id>} and to the change feed; an account number failing the control key
 * against its BIC never gets this far ({@link BankAccount}); the same account at the same bank twice
 * for one client is refused ({@link org.crmkit.common.DuplicateException} naming {@code account});
 * making an account the main one clears the former main one.
 */
public final class BankAccounts {
    /** The record kind of bank accounts in the feed and in journal subjects. */
    public static final String KIND = "bank-account";
    public static final Feature FEATURE = Feature.of("bank-accounts", BankAccountStore.class);

    private final CrmContext context;
    private final ClientRecords<BankAccountId, BankAccount> records;

    public BankAccounts(CrmContext context) {
        this.context = context;
        this.records = new ClientRecords<>(context, KIND, BankAccountStore.class);
    }

    /**
     * Adds an account to a client: the bank's BIC and the account number, checked together;
     * {@code details} fills in the rest ({@code a -> a.withCorrespondentAccount("30101810400000000225").atBank("ПАО Сбербанк")}).
     */
    public BankAccount add(ClientId client, String bic, String account, UnaryOperator<BankAccount> details) {
        ValidationException.required(client, "client");
        ValidationException.required(details, "details");
        BankAccount draft = BankAccount.create(new BankAccountId(context.ids().next()), client, bic, account);
        BankAccount added = details.apply(draft);
        if (added == null || !added.id().equals(draft.id()) || !added.client().equals(client)) {
            throw new ValidationException("details", added, "may not replace the new account's id or client");
        }
        return records.add(added);
    }

    public Optional<BankAccount> find(BankAccountId id) {
        return records.find(id);
    }

    /** The client's accounts by BIC, number, id; {@link org.crmkit.common.NotFoundException} when the client is not visible. */
    public List<BankAccount> ofClient(ClientId client) {
        return records.ofClient(client);
    }

    /** The client's main account, if it has one. */
    public Optional<BankAccount> mainOf(ClientId client) {
        return records.mainOf(client);
    }

    /** Saves a changed copy read earlier; a stale copy fails and nothing is written. */
    public BankAccount save(BankAccount changed) {
        return records.save(changed);
    }

    /** Reads, changes and saves the account in one unit of work. */
    public BankAccount update(BankAccountId id, UnaryOperator<BankAccount> change) {
        return records.update(id, change);
    }

    /** Makes the account its client's main one (the former main one stops being it). */
    public BankAccount makeMain(BankAccountId id) {
        return records.update(id, a -> a.withMain(true));
    }
}
