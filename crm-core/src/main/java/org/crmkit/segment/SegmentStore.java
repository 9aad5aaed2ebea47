package org.crmkit.segment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.criteria.Criterion;

/**
 * Keeps one tenant's saved segments, their list members and the current members of dynamic
 * segments, inside the unit of work that handed it out.
 *
 * <p>Contract (checked by the store kit): {@link #insert} stores at version 1 and refuses a name
 * whose {@link Segment#nameKey()} another segment of the tenant has ({@code DuplicateException} on
 * {@code name}); {@link #update} only from the stored version (else
 * {@link org.crmkit.common.ConcurrentChangeException}, nothing written); {@link #delete} removes the
 * segment with its member and membership rows. Members are rows {@code (segment, client, added by,
 * added at)}, never an id list in the segment's row; {@link #freeze} adds the clients matching a
 * criterion in one statement where the store can ({@code INSERT … SELECT}).
 */
public interface SegmentStore {
    Segment insert(Segment segment);

    Segment update(Segment segment);

    /** Removes the segment read at {@code version} with its rows (else {@code ConcurrentChangeException}). */
    void delete(SegmentId id, long version);

    Optional<Segment> get(SegmentId id);

    /** Every segment of the tenant, in no particular order (the use case sorts). */
    List<Segment> all();

    /**
     * Puts every client matching {@code where} on the list (the caller ANDs in what it must: the
     * access policy), recorded as added by {@code by} at {@code at}; answers how many rows it added.
     * Clients already on the list keep their row.
     */
    long freeze(SegmentId list, Criterion<ClientCriterion> where, String by, Instant at);

    /** Adds the row; false when the client is on the list already (its row is kept). */
    boolean addMember(SegmentId list, SegmentMember member);

    /** Removes the client's row; false when it had none. */
    boolean removeMember(SegmentId list, ClientId client);

    Optional<SegmentMember> member(SegmentId list, ClientId client);

    /** How many rows the list has, whatever the actor may see. */
    long memberCount(SegmentId list);

    /** The dynamic segments whose membership rows hold the client. */
    Set<SegmentId> membershipOf(ClientId client);

    /** Writes the client's membership change: rows added for {@code entered}, removed for {@code left}. */
    void changeMembership(ClientId client, Collection<SegmentId> entered, Collection<SegmentId> left);

    /**
     * Brings the membership rows of a dynamic segment up to date with {@code rule} over the whole
     * base (no access policy: membership is the tenant's), and answers who entered and who left.
     * A database works out both sets in SQL.
     */
    MembershipChange resync(SegmentId segment, Criterion<ClientCriterion> rule);

    /** The clients that entered and left a dynamic segment in one {@link #resync}. */
    record MembershipChange(Set<ClientId> entered, Set<ClientId> left) {
        public MembershipChange {
            entered = Set.copyOf(org.crmkit.common.ValidationException.requiredElements(entered, "entered"));
            left = Set.copyOf(org.crmkit.common.ValidationException.requiredElements(left, "left"));
        }
    }
}
