package org.crmkit.client;

import java.util.List;
import java.util.Optional;

import org.crmkit.common.ClientGroupId;

/**
 * Stores the client group tree of one tenant: insert at version 1, update only from the stored
 * version (else {@link org.crmkit.common.ConcurrentChangeException}), {@link #all()} ordered by
 * {@link ClientGroup#BY_NAME}. Parent links are checked by the use case, not the store.
 */
public interface ClientGroupStore {
    Optional<ClientGroup> get(ClientGroupId id);

    /** All groups, ordered by name, id. */
    List<ClientGroup> all();

    ClientGroup insert(ClientGroup group);

    ClientGroup update(ClientGroup group);
}
