package org.crmkit.client;

import java.util.List;

/**
 * Stores a tenant's own relationship types and its changes to the defaults; versions work as in
 * {@link ClientStore} (a stored entry overriding a default starts at version 0 like a new one).
 */
public interface RelationshipTypeStore {
    /** The stored entries only, ordered by key; the use case merges them over the defaults. */
    List<RelationshipType> stored();

    RelationshipType insert(RelationshipType type);

    RelationshipType update(RelationshipType type);
}
