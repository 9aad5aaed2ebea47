package org.crmkit.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one tenant's consent ledger, confirmation tokens, suppression list and purposes, inside
 * the unit of work that handed it out. The ledger is append-only: {@link #append} adds an entry
 * and, in the same unit of work, makes it the current one of its key (a database store keeps the
 * current entries in a table of their own, which the "has consent now" criterion reads by index).
 */
public interface ConsentStore {
    /**
     * Holds the subject's consents for the rest of the unit of work: another unit that locks the
     * same subject, or changes the subject's card, waits until this one ends. The use cases lock
     * before they read the latest entry or the card and append, so two grants or withdrawals of
     * one key run one after the other (the second sees the first: a second withdrawal says
     * "already withdrawn"). A store whose writing units already run one at a time per tenant (the
     * in-memory one) has nothing to do.
     */
    default void lock(ConsentSubject subject) {
        org.crmkit.common.ValidationException.required(subject, "subject");
    }

    /** Appends an entry; it becomes the latest of its key. */
    void append(ConsentEntry entry);

    /** The latest entry of a key. */
    Optional<ConsentEntry> latest(ConsentKey key);

    /**
     * The latest entry of each of {@code keys} that has one, by key: a mailing asks for a page of
     * recipients at once. This default asks {@link #latest(ConsentKey)} per key.
     */
    default Map<ConsentKey, ConsentEntry> latest(Collection<ConsentKey> keys) {
        Map<ConsentKey, ConsentEntry> found = new HashMap<>();
        for (ConsentKey key : keys) {
            latest(key).ifPresent(e -> found.put(key, e));
        }
        return found;
    }

    /**
     * The suppression of each of {@code addresses} that is on the list, by address. This default
     * asks {@link #suppression(ConsentAddress)} per address.
     */
    default Map<ConsentAddress, Suppression> suppressions(Collection<ConsentAddress> addresses) {
        Map<ConsentAddress, Suppression> found = new HashMap<>();
        for (ConsentAddress address : addresses) {
            suppression(address).ifPresent(s -> found.put(address, s));
        }
        return found;
    }

    /** The latest entry of every key of a subject, in no particular order. */
    List<ConsentEntry> current(ConsentSubject subject);

    /** The latest entries, of any subject, for this channel, purpose and address, in no particular order. */
    List<ConsentEntry> currentAt(Channel channel, Purpose purpose, ConsentAddress address);

    /** Every entry of a subject, oldest first (ties by id as the databases compare uuids). */
    List<ConsentEntry> ledger(ConsentSubject subject);

    Optional<ConsentEntry> entry(ConsentEntryId id);

    /** Stores a token's hash for a pending entry. */
    void addConfirmation(PendingConfirmation confirmation);

    Optional<PendingConfirmation> confirmation(String tokenHash);

    /** Marks a token used at {@code at}; false (nothing written) if it was used already. */
    boolean useConfirmation(String tokenHash, Instant at);

    /** Adds an address to the suppression list, or replaces its reason, note, time and actor. */
    void suppress(Suppression suppression);

    /** Takes an address off the list; false if it was not on it. */
    boolean unsuppress(ConsentAddress address);

    Optional<Suppression> suppression(ConsentAddress address);

    /** The tenant's suppression list, by address (code-point order). */
    List<Suppression> suppressions();

    /** Adds a purpose to the tenant's list (a purpose already there is left as it is). */
    void addPurpose(Purpose purpose);

    /** The tenant's own purposes, by key; the built-in ones are not stored. */
    List<Purpose> purposes();
}
