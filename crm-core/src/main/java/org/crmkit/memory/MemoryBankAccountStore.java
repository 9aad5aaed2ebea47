package org.crmkit.memory;

import java.util.List;

import org.crmkit.contract.BankAccount;
import org.crmkit.contract.BankAccountId;
import org.crmkit.contract.BankAccountStore;

/** Bank accounts in a tenant's map; an account at a bank is kept once per client. */
final class MemoryBankAccountStore extends MemoryClientRecordStore<BankAccountId, BankAccount> implements BankAccountStore {
    MemoryBankAccountStore(MemoryUnit unit) {
        super(unit, unit.data.bankAccounts, "bank account", BankAccount.ORDER, "account",
                a -> List.of(a.bic().value(), a.account()), BankAccount::account);
    }
}
