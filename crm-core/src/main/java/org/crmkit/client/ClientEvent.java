package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.time.Instant;
import java.util.Set;

import org.crmkit.common.ClientId;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.TenantId;

/** What happened to a client; published after the change is stored. */
public sealed interface ClientEvent extends DomainEvent {
    ClientId client();

    /** A client was registered. */
    record ClientRegistered(TenantId tenant, ClientId client, Instant at, String actor) implements ClientEvent {
        public ClientRegistered {
            ValidationException.required(client, "client");
        }
    }

    /** The client's card changed; {@code fields} as in the audit journal. */
    record ClientChanged(TenantId tenant, ClientId client, Set<String> fields, Instant at, String actor) implements ClientEvent {
        public ClientChanged {
            fields = Set.copyOf(fields);
        }
    }

    /** A client was archived: it left default searches, history intact. */
    record ClientArchived(TenantId tenant, ClientId client, Instant at, String actor) implements ClientEvent {
    }

    /** An archived client was restored. */
    record ClientRestored(TenantId tenant, ClientId client, Instant at, String actor) implements ClientEvent {
    }
}
