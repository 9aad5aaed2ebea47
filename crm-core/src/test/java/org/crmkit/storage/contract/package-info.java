/**
 * The store contract kit, shipped in crm-core's test-jar: every {@link org.crmkit.storage.Storage}
 * implementation extends {@link org.crmkit.storage.contract.StorageContract} in its own test suite
 * (the in-memory storage here, the JPA storage on H2 and PostgreSQL).
 */
package org.crmkit.storage.contract;
