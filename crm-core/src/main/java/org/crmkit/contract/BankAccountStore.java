package org.crmkit.contract;

/**
 * The bank accounts of one tenant ({@link ClientRecordStore}); one account number at one bank is
 * kept once per client ({@link org.crmkit.common.DuplicateException} naming {@code account}).
 */
public interface BankAccountStore extends ClientRecordStore<BankAccountId, BankAccount> {
}
