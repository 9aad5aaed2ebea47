package org.crmkit.contract;

/** Where a contract stands: being agreed, in force, or ended. */
public enum ContractState {
    DRAFT, ACTIVE, CLOSED
}
