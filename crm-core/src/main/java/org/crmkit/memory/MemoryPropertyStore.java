package org.crmkit.memory;

import java.util.List;
import java.util.Optional;

import org.crmkit.common.DuplicateException;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyKey;

/** Property definitions in a tenant's map. */
final class MemoryPropertyStore implements PropertyDefinitionStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryPropertyStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Optional<PropertyDefinition> get(PropertyKey key) {
        unit.checkOpen();
        return Optional.ofNullable(data.properties.get(key));
    }

    @Override
    public List<PropertyDefinition> all() {
        unit.checkOpen();
        return List.copyOf(data.properties.values());
    }

    @Override
    public PropertyDefinition insert(PropertyDefinition definition) {
        unit.writing();
        if (data.properties.containsKey(definition.key())) {
            throw new DuplicateException("property.key", definition.key().value());
        }
        PropertyDefinition stored = definition.withVersion(1);
        unit.put(data.properties, definition.key(), stored);
        return stored;
    }

    @Override
    public PropertyDefinition update(PropertyDefinition definition) {
        unit.writing();
        PropertyDefinition current = data.properties.get(definition.key());
        MemoryUnit.checkVersion("property", definition.key(), current == null ? -1 : current.version(), definition.version());
        PropertyDefinition stored = definition.withVersion(definition.version() + 1);
        unit.put(data.properties, definition.key(), stored);
        return stored;
    }
}
