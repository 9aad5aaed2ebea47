package org.crmkit.mailing.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.consent.Channel;
import org.crmkit.mailing.MailingId;

/**
 * Stores the outbox of one tenant, inside the unit of work that handed it out.
 *
 * <p>Contract (checked by the store kit on every storage): {@link #enqueue} stores only entries whose key
 * (mailing, client, person or none, channel) is not stored yet, so enqueueing twice never doubles a message;
 * {@link #update} only from the stored version, else {@link org.crmkit.common.ConcurrentChangeException} and
 * nothing written. {@link #claim} and {@link #expire} are the writes that need no version: each hands an
 * entry to one unit of work only, also when several units of work (several host nodes) call them at the same
 * time. Lists are in the order of the entries' ids ({@link org.crmkit.common.SortOrder#UUIDS}). {@code now} is
 * always the caller's instant, never the database's clock.
 */
public interface OutboxStore {
    /** Stores the new entries (version 0) whose key is not stored yet, at version 1; returns how many were new. */
    int enqueue(List<OutboxEntry> entries);

    Optional<OutboxEntry> get(OutboxEntryId id);

    /** Stores a changed entry read at {@code entry.version()}; returns it at the next version. */
    OutboxEntry update(OutboxEntry entry);

    /**
     * Claims up to {@code max} entries of a mailing on a channel for the holder of {@code lease} and returns
     * them claimed ({@link OutboxEntry#claim}) at their next version, lowest ids first: those pending, those
     * whose temporary failure's next attempt time has come at {@code now}, and, when {@code resubmitUnknown},
     * those unknown with fewer than {@code maxAttempts} attempts (for a provider that sends a key at most
     * once). Atomic against every other unit of work: an entry another caller holds or has just taken is
     * skipped, never returned twice.
     */
    List<OutboxEntry> claim(MailingId mailing, Channel channel, Instant now, OutboxLease lease, int max, boolean resubmitUnknown,
                            int maxAttempts);

    /**
     * Every entry of the mailing still {@code SENDING} whose lease ended at or before {@code now} becomes
     * {@code UNKNOWN} (code {@code lease-expired}), keeping its lease's token; returns how many.
     */
    int expire(MailingId mailing, Instant now);

    /** Every {@code PENDING} or {@code TEMPORARY_FAILURE} entry of the mailing becomes {@code CANCELLED} (code {@code cancelled}); returns how many. */
    int cancelOpen(MailingId mailing, Instant now);

    /** The entries the provider accepted under this message id (normally one). */
    List<OutboxEntry> byProviderMessageId(String providerMessageId);

    /** Up to {@code max} entries of the mailing in these states (all states when empty), lowest ids first, after {@code after} if given. */
    List<OutboxEntry> list(MailingId mailing, Set<OutboxState> states, Optional<OutboxEntryId> after, int max);

    /** How many entries of the mailing there are per state, reason code and delivery status. */
    List<OutboxCount> counts(MailingId mailing);
}
