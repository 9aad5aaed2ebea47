package org.crmkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Stores;

/**
 * The tenant's list of relationship types: the defaults (VIP, regular, one-off buyer, prospect,
 * partner, competitor) merged with the tenant's own entries and changes.
 */
public final class RelationshipTypes {
    private final Wiring rt;
    private final ActorSource actors;

    RelationshipTypes(Wiring rt, ActorSource actors) {
        this.rt = rt;
        this.actors = actors;
    }

    /** The actor of this call, asked anew each time: a use-case object may be kept and shared. */
    private Actor actor() {
        return actors.current();
    }

    /** All types, retired included, defaults first in their order, then the tenant's own by key. */
    public List<RelationshipType> all() {
        return rt.read(actor(), RelationshipTypes::merged);
    }

    public RelationshipType add(String key, String name) {
        RelationshipTypeId id = RelationshipTypeId.of(key);
        return rt.write(actor(), (stores, events) -> {
            if (find(stores, id).isPresent()) {
                throw new ValidationException("relationship", key, "is already a relationship type");
            }
            return stores.relationshipTypes().insert(new RelationshipType(id, name, false, 0));
        });
    }

    public RelationshipType rename(RelationshipTypeId id, String name) {
        return rt.write(actor(), (stores, events) -> store(stores, find(stores, id)
                .orElseThrow(() -> unknown(id)).rename(name)));
    }

    /** Retires a type: clients keep it, new assignments are refused. */
    public RelationshipType retire(RelationshipTypeId id) {
        return rt.write(actor(), (stores, events) -> store(stores, find(stores, id)
                .orElseThrow(() -> unknown(id)).retire()));
    }

    private static RelationshipType store(Stores stores, RelationshipType changed) {
        boolean storedBefore = stores.relationshipTypes().stored().stream().anyMatch(t -> t.id().equals(changed.id()));
        return storedBefore ? stores.relationshipTypes().update(changed) : stores.relationshipTypes().insert(changed);
    }

    static List<RelationshipType> merged(Stores stores) {
        Map<RelationshipTypeId, RelationshipType> own = new TreeMap<>(Comparator.comparing(RelationshipTypeId::value));
        stores.relationshipTypes().stored().forEach(t -> own.put(t.id(), t));
        List<RelationshipType> result = new ArrayList<>();
        for (RelationshipType d : RelationshipType.DEFAULTS) {
            result.add(Optional.ofNullable(own.remove(d.id())).orElse(d));
        }
        result.addAll(own.values());
        return result;
    }

    private static Optional<RelationshipType> find(Stores stores, RelationshipTypeId id) {
        return merged(stores).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static ValidationException unknown(RelationshipTypeId id) {
        return new ValidationException("relationship", id.value(), "is not a relationship type");
    }
}
