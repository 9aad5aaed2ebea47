package org.crmkit.access;

import org.crmkit.common.Actor;
import org.crmkit.criteria.Criterion;

/**
 * The host's rule of who sees and changes what (SPI), per {@link RecordKind kind of record}.
 * Every read path of the facade, search included, restricts itself by {@link #visible}, pushed as
 * a condition into the store's one query; every change first asks {@link #changeable} of the
 * record before and after the change; changes of the tenant's schema (properties, groups,
 * relationship types) ask {@link #mayAdminister}. Implementations must be thread-safe and cheap:
 * they run on every call. Build one with {@link AccessPolicies#builder()}.
 */
public interface AccessPolicy {
    /** The records of the kind the actor may see, as a condition pushed into the store's query. */
    <L extends Criterion.Leaf<L>> Criterion<L> visible(Actor actor, RecordKind<L> kind);

    /** The records of the kind the actor may change; by default, those they may see. */
    default <L extends Criterion.Leaf<L>> Criterion<L> changeable(Actor actor, RecordKind<L> kind) {
        return visible(actor, kind);
    }

    /**
     * Whether the actor may change the tenant's schema of {@code area}: {@code property},
     * {@code client-group}, {@code relationship-type} (the feed's record kinds); or, for the area
     * {@code journal}, read the change journal across clients ({@code Crm.journal()}). By default every
     * actor may, as before this method existed.
     */
    default boolean mayAdminister(Actor actor, String area) {
        return true;
    }
}
