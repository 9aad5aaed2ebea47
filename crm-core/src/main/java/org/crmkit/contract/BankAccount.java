package org.crmkit.contract;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ClientId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * A client's account at a Russian bank ("Основной банковский счет"): the bank's {@link Bic}, the
 * 20-digit account number, which must pass the Bank of Russia control key against the BIC (with
 * the bank's conditional number, or {@code 0} and BIC digits 5–6 for an account held at a cash
 * settlement centre), the bank's correspondent account, when given, keyed against {@code 0} and BIC
 * digits 5–6, and the bank's name. So an account whose digits or BIC were mistyped cannot exist.
 */
public record BankAccount(BankAccountId id, ClientId client, Bic bic, String account, Optional<String> correspondentAccount,
                          Optional<String> bankName, boolean main, long version) implements ClientRecord<BankAccountId, BankAccount> {
    /** The order of a client's accounts: by BIC, account number, id. */
    public static final Comparator<BankAccount> ORDER = Comparator.comparing((BankAccount a) -> a.bic().value())
            .thenComparing(BankAccount::account).thenComparing(a -> a.id().value(), SortOrder.UUIDS);

    public BankAccount {
        ValidationException.required(id, "id");
        ValidationException.required(client, "client");
        ValidationException.required(bic, "bic");
        account = ControlKey.check("account", account, bic.accountPrefix(), "BIC " + bic);
        correspondentAccount = ValidationException.required(correspondentAccount, "correspondentAccount")
                .map(c -> ControlKey.check("correspondentAccount", c, bic.divisionPrefix(), "BIC " + bic));
        bankName = ValidationException.required(bankName, "bankName").flatMap(n -> CleanText.optional("bankName", n, 200));
    }

    /** A new account, not (yet) the main one; the BIC and numbers as typed (spaces at either end are dropped). */
    public static BankAccount create(BankAccountId id, ClientId client, String bic, String account) {
        return new BankAccount(id, client, Bic.of(bic), account, Optional.empty(), Optional.empty(), false, 0);
    }

    /** The bank's correspondent account; {@code null} means none. */
    public BankAccount withCorrespondentAccount(String newAccount) {
        return new BankAccount(id, client, bic, account, Optional.ofNullable(newAccount), bankName, main, version);
    }

    /** The bank's name; {@code null} means none. */
    public BankAccount atBank(String name) {
        return new BankAccount(id, client, bic, account, correspondentAccount, Optional.ofNullable(name), main, version);
    }

    /**
     * The account moved to another number or bank: both are checked together; the former bank's
     * correspondent account and name are dropped.
     */
    public BankAccount moveTo(String newBic, String newAccount) {
        return new BankAccount(id, client, Bic.of(newBic), newAccount, Optional.empty(), Optional.empty(), main, version);
    }

    @Override
    public BankAccount withMain(boolean isMain) {
        return new BankAccount(id, client, bic, account, correspondentAccount, bankName, isMain, version);
    }

    @Override
    public BankAccount withVersion(long storedVersion) {
        return new BankAccount(id, client, bic, account, correspondentAccount, bankName, main, storedVersion);
    }

    @Override
    public Map<String, String> auditView() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("bic", bic.value());
        view.put("account", account);
        view.put("correspondentAccount", correspondentAccount.orElse(null));
        view.put("bankName", bankName.orElse(null));
        view.put("main", main ? "yes" : "no");
        return view;
    }

    @Override
    public String describe() {
        return account + " at BIC " + bic + bankName.map(n -> " (" + n + ")").orElse("");
    }
}
