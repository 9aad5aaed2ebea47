package org.crmkit.contract;

/**
 * The contracts of one tenant ({@link ClientRecordStore}); a contract number is unique per client
 * ({@link org.crmkit.common.DuplicateException} naming {@code number}).
 */
public interface ContractStore extends ClientRecordStore<ContractId, Contract> {
}
