/**
 * The machinery every feature's use cases share: {@link org.crmkit.usecase.CrmContext} (what the
 * builder wired: storage, clock, ids, access policy, employee directory, listeners) and the
 * {@link org.crmkit.usecase.UnitOfWork} a use case runs in (its actor, asked once; its stores; the
 * journal, feed and events it writes). Internal to crmkit's feature packages: hosts use
 * {@link org.crmkit.Crm}.
 */
package org.crmkit.usecase;
