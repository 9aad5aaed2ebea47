package org.crmkit.contract;

/** Who the client is in a contract: a buyer, a supplier, a commission agent or principal, or something else. */
public enum ContractKind {
    WITH_BUYER, WITH_SUPPLIER, WITH_COMMISSION_AGENT, WITH_PRINCIPAL, OTHER
}
