/**
 * The change journal: who changed which field of a client, a contact person or a property value,
 * when, from what to what. Entries are appended in the same unit of work as the change and are
 * never updated.
 */
package org.crmkit.audit;
