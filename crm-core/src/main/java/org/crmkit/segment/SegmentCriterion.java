package org.crmkit.segment;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;

/**
 * Conditions on a client's rows in snapshot lists: through {@link #LISTS} in a
 * {@link ClientCriterion.Having}, "clients on list L" ({@link #inList}); a database store pushes it
 * as an {@code EXISTS} on the member rows, keyed {@code (tenant_id, client_id, segment_id)}. Two
 * valued: a client not on the list has no such row, so Having is false and its NOT true.
 */
public sealed interface SegmentCriterion extends Criterion.Leaf<SegmentCriterion> {

    /** A client's rows in the tenant's snapshot lists. */
    Relation<SegmentCriterion> LISTS = new Relation<>("segment-lists", SegmentCriterion.class);

    boolean test(SegmentId list);

    <R> R accept(Visitor<R> visitor);

    /** Whether a client's row in {@code list} satisfies the tree, in memory. */
    static boolean matches(Criterion<SegmentCriterion> criterion, SegmentId list) {
        return criterion.holds(leaf -> leaf.test(list));
    }

    /** Clients that are members of the snapshot list {@code list}. */
    static ClientCriterion inList(SegmentId list) {
        return new ClientCriterion.Having<>(LISTS, new InList(list));
    }

    /** One method per leaf: a translator that forgets one does not compile. */
    interface Visitor<R> {
        R inList(InList criterion);
    }

    /** The row is on the list {@code list}. */
    record InList(SegmentId list) implements SegmentCriterion {
        public InList {
            ValidationException.required(list, "list");
        }

        @Override
        public boolean test(SegmentId on) {
            return list.equals(on);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inList(this);
        }
    }
}
