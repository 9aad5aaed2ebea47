/**
 * The unified client base: clients with their tax identifiers, contact channels and additional
 * property values; contact persons; client groups and relationship types; the query language that
 * stores answer in one statement; and the store interfaces of these aggregates.
 */
package org.crmkit.client;
