/**
 * The in-memory storage: thread-safe, transactional per tenant (a unit of work holds the tenant's
 * write lock and undoes its writes when it fails), evaluating criteria with
 * {@link org.crmkit.client.ClientCriterion#test}. For tests, examples and small hosts; its data
 * lives as long as the process.
 */
package org.crmkit.memory;
