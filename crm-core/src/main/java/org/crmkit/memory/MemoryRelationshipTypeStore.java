package org.crmkit.memory;

import java.util.List;

import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.common.DuplicateException;

/** The tenant's own relationship types in a map. */
final class MemoryRelationshipTypeStore implements RelationshipTypeStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryRelationshipTypeStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public List<RelationshipType> stored() {
        unit.checkOpen();
        return List.copyOf(data.relationshipTypes.values());
    }

    @Override
    public RelationshipType insert(RelationshipType type) {
        unit.writing();
        if (data.relationshipTypes.containsKey(type.id())) {
            throw new DuplicateException("relationship", type.id().value());
        }
        RelationshipType stored = type.withVersion(1);
        unit.put(data.relationshipTypes, type.id(), stored);
        return stored;
    }

    @Override
    public RelationshipType update(RelationshipType type) {
        unit.writing();
        RelationshipType current = data.relationshipTypes.get(type.id());
        MemoryUnit.checkVersion("relationship type", type.id(), current == null ? -1 : current.version(), type.version());
        RelationshipType stored = type.withVersion(type.version() + 1);
        unit.put(data.relationshipTypes, type.id(), stored);
        return stored;
    }
}
