/**
 * The durable outbox of mailings: one {@link org.crmkit.mailing.outbox.OutboxEntry} per mailing, recipient
 * and channel (a unique key, so enqueueing twice never doubles a message), claimed by senders with a lease,
 * with its states, retries, rate limits and statistics. Content is asked of a
 * {@link org.crmkit.mailing.outbox.MessageComposer} at send time.
 */
package org.crmkit.mailing.outbox;
