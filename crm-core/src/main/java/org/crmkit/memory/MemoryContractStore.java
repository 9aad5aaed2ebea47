package org.crmkit.memory;

import org.crmkit.contract.Contract;
import org.crmkit.contract.ContractId;
import org.crmkit.contract.ContractStore;

/** Contracts in a tenant's map; a number is unique per client. */
final class MemoryContractStore extends MemoryClientRecordStore<ContractId, Contract> implements ContractStore {
    MemoryContractStore(MemoryUnit unit) {
        super(unit, unit.data.contracts, "contract", Contract.ORDER, "number", Contract::number, Contract::number);
    }
}
