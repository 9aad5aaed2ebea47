package org.crmkit.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.ClientId;

/**
 * Stores contact persons of one tenant, inside the unit of work that handed it out: insert stores
 * at version 1 (an id already stored fails with a {@code DuplicateException}); update only from
 * the stored version, else {@link org.crmkit.common.ConcurrentChangeException} and nothing written.
 */
public interface ContactPersonStore {
    Optional<ContactPerson> get(ContactPersonId id);

    /** The client's contact persons, ordered by surname, first name, id. */
    List<ContactPerson> ofClient(ClientId client);

    /**
     * The contact persons of each of {@code clients} that has any, each client's in
     * {@link #ofClient} order. This default asks {@link #ofClient} per client; a database asks once.
     */
    default Map<ClientId, List<ContactPerson>> ofClients(Collection<ClientId> clients) {
        Map<ClientId, List<ContactPerson>> found = new HashMap<>();
        for (ClientId client : clients) {
            List<ContactPerson> persons = ofClient(client);
            if (!persons.isEmpty()) {
                found.put(client, persons);
            }
        }
        return found;
    }

    ContactPerson insert(ContactPerson person);

    /** Stores new persons in one batch; each comes back at version 1. */
    default List<ContactPerson> insertAll(List<ContactPerson> persons) {
        List<ContactPerson> stored = new ArrayList<>(persons.size());
        persons.forEach(p -> stored.add(insert(p)));
        return stored;
    }

    ContactPerson update(ContactPerson person);
}
