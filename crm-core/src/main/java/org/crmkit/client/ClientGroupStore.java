package org.crmkit.client;

import java.util.List;
import java.util.Optional;

import org.crmkit.common.ClientGroupId;

/** Stores the client group tree of one tenant; versions work as in {@link ClientStore}. */
public interface ClientGroupStore {
    Optional<ClientGroup> get(ClientGroupId id);

    /** All groups, ordered by name, id. */
    List<ClientGroup> all();

    ClientGroup insert(ClientGroup group);

    ClientGroup update(ClientGroup group);
}
