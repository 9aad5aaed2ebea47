/**
 * The one door a host walks through: {@link org.crmkit.Crm}, built by {@link org.crmkit.Crm#builder()},
 * and its use cases (clients, contact persons, the property schema, groups, relationship types).
 * Each use case is one unit of work of the storage; its events reach listeners after it commits.
 */
package org.crmkit;
