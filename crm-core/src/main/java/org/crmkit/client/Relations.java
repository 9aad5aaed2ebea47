package org.crmkit.client;

import java.util.Optional;
import java.util.Set;

import org.crmkit.common.ClientId;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.storage.Stores;

/**
 * Answers the leaves on related records of a client or person from the stores of a unit of work:
 * used where a single record is tested in memory (may the actor change this client?), never to
 * filter a list.
 */
final class Relations implements ContactPersonCriterion.Related {
    private final Stores stores;

    private Relations(Stores stores) {
        this.stores = stores;
    }

    static Relations of(Stores stores) {
        return new Relations(stores);
    }

    @Override
    public Optional<Client> client(ClientId id) {
        return stores.get(ClientStore.class).get(id);
    }

    /** Asks the store: the related records are as stored, whatever the client being tested changes. */
    @Override
    public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
        return stores.get(ClientStore.class).count(Criterion.and(new ClientCriterion.IdIn(Set.of(client)),
                new ClientCriterion.Having<>(relation, criterion))) > 0;
    }
}
