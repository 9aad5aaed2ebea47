/**
 * Who may see and change which records, per {@link org.crmkit.access.RecordKind kind}, and who
 * administers the schema. A policy answers with a {@link org.crmkit.criteria.Criterion}, so a
 * database store enforces it inside the same SQL statement as the search, never by filtering
 * results afterwards. Kinds are declared by their features; this package knows none of them.
 */
package org.crmkit.access;
