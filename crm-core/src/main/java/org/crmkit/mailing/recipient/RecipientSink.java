package org.crmkit.mailing.recipient;

/**
 * Takes the resolved recipients and exclusions as they come, page by page, outside any unit of
 * work of the resolver (so it may write them to an outbox in units of work of its own). Within a
 * page, and from page to page, they come in the resolver's order (see {@link Recipients#resolve}).
 */
public interface RecipientSink {
    void recipient(Recipient recipient);

    void excluded(Exclusion exclusion);
}
