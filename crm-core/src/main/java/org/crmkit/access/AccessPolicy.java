package org.crmkit.access;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.Actor;

/**
 * The host's rule of who sees which clients (SPI). Every read path of the facade, search included,
 * restricts itself by {@link #visibleClients}; every change first asks {@link #mayChange}.
 * Implementations must be thread-safe and cheap: they run on every call.
 */
public interface AccessPolicy {
    /** The clients the actor may see, as a condition pushed into the store's query. */
    ClientCriterion visibleClients(Actor actor);

    /** Whether the actor may change the client; by default, whether they may see it. */
    default boolean mayChange(Actor actor, Client client) {
        return visibleClients(actor).test(client);
    }
}
