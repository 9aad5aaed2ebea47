package org.crmkit.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import java.util.function.UnaryOperator;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Stores;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The tenant's list of relationship types: the defaults (VIP, regular, one-off buyer, prospect,
 * partner, competitor) merged with the tenant's own entries and changes.
 */
public final class RelationshipTypes {
    /** The record kind of relationship types in the change feed, and their administration area. */
    static final String KIND = "relationship-type";

    private final CrmContext context;

    public RelationshipTypes(CrmContext context) {
        this.context = context;
    }

    /** All types, retired included, defaults first in their order, then the tenant's own by key. */
    public List<RelationshipType> all() {
        return context.read(work -> merged(work.stores()));
    }

    public RelationshipType add(String key, String name) {
        ValidationException.required(key, "relationship");
        ValidationException.required(name, "name");
        RelationshipTypeId id = RelationshipTypeId.of(key);
        return context.write(work -> {
            ClientAccess.requireAdministration(work, KIND);
            if (find(work.stores(), id).isPresent()) {
                throw new ValidationException("relationship", key, "is already a relationship type");
            }
            RelationshipType added = work.stores().get(RelationshipTypeStore.class).insert(new RelationshipType(id, name, false, 0));
            work.administered(KIND, id, "added", Map.of(), view(added));
            return added;
        });
    }

    public RelationshipType rename(RelationshipTypeId id, String name) {
        ValidationException.required(id, "id");
        return change(id, "renamed", type -> type.rename(name));
    }

    /** Retires a type: clients keep it, new assignments are refused. */
    public RelationshipType retire(RelationshipTypeId id) {
        ValidationException.required(id, "id");
        return change(id, "retired", RelationshipType::retire);
    }

    private RelationshipType change(RelationshipTypeId id, String change, UnaryOperator<RelationshipType> verb) {
        return context.write(work -> {
            ClientAccess.requireAdministration(work, KIND);
            RelationshipType before = find(work.stores(), id).orElseThrow(() -> unknown(id));
            RelationshipType after = store(work.stores(), verb.apply(before));
            work.administered(KIND, id, change, view(before), view(after));
            return after;
        });
    }

    /** The type as the journal shows it. */
    private static Map<String, String> view(RelationshipType type) {
        return Map.of("name", type.name(), "retired", String.valueOf(type.retired()));
    }

    /** The change journal of a type, oldest first (empty for a default type never changed). */
    public List<AuditEntry> history(RelationshipTypeId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            find(work.stores(), id).orElseThrow(() -> unknown(id));
            return work.stores().get(AuditStore.class).ofSubject(AuditEntry.subject(KIND, id));
        });
    }

    private static RelationshipType store(Stores stores, RelationshipType changed) {
        boolean storedBefore = stores.get(RelationshipTypeStore.class).stored().stream().anyMatch(t -> t.id().equals(changed.id()));
        return storedBefore ? stores.get(RelationshipTypeStore.class).update(changed) : stores.get(RelationshipTypeStore.class).insert(changed);
    }

    static List<RelationshipType> merged(Stores stores) {
        Map<RelationshipTypeId, RelationshipType> own = new TreeMap<>(Comparator.comparing(RelationshipTypeId::value));
        stores.get(RelationshipTypeStore.class).stored().forEach(t -> own.put(t.id(), t));
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
