/**
 * Which clients an actor may see and change. A policy answers with a
 * {@link org.crmkit.client.ClientCriterion}, so a database store enforces it inside the same SQL
 * statement as the search, never by filtering results afterwards.
 */
package org.crmkit.access;
