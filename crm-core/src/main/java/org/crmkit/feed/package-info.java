/**
 * The durable change feed: every change of every record kind, written in the same unit of work as
 * the change and numbered in commit order, so a host that keeps a cursor (the last position it
 * handled) catches up after downtime and misses nothing. Entries hold ids, kinds and field names,
 * never personal values.
 */
package org.crmkit.feed;
