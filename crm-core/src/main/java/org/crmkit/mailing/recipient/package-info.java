/**
 * Who a mailing reaches: its {@link org.crmkit.mailing.recipient.Audience} resolved, page by page,
 * into {@link org.crmkit.mailing.recipient.Recipient}s (client or contact person, channel,
 * normalised address) and {@link org.crmkit.mailing.recipient.Exclusion}s with their reason (no
 * address, invalid address, no consent, suppressed, quiet hours, not a mobile, duplicate address).
 * Streaming: never more than one page of clients is held.
 */
package org.crmkit.mailing.recipient;
