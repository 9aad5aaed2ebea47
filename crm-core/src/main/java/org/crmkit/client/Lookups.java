package org.crmkit.client;

import org.crmkit.property.PropertyDefinitionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ValidationException;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.storage.Stores;

/**
 * What a unit of work needs to check a client's references (property schema, groups, relationship
 * types), read from the stores once, on first use. A batch of a thousand registrations asks the
 * database three times, not thousands.
 */
final class Lookups {
    private final Stores stores;
    private Map<PropertyKey, PropertyDefinition> definitions;
    private Map<ClientGroupId, ClientGroup> groups;
    private Map<RelationshipTypeId, RelationshipType> relationshipTypes;

    Lookups(Stores stores) {
        this.stores = stores;
    }

    /** Reads everything now, so that the lookups can afterwards be shared by threads (they only read). */
    void preload() {
        definitions();
        groups();
        relationshipTypes();
    }

    List<PropertyDefinition> definitions() {
        if (definitions == null) {
            definitions = stores.get(PropertyDefinitionStore.class).all().stream()
                    .collect(Collectors.toMap(PropertyDefinition::key, Function.identity()));
        }
        return List.copyOf(definitions.values());
    }

    Optional<PropertyDefinition> find(PropertyKey key) {
        definitions();
        return Optional.ofNullable(definitions.get(key));
    }

    PropertyDefinition definition(String key) {
        PropertyKey propertyKey = PropertyKey.of(key);
        definitions();
        return Optional.ofNullable(definitions.get(propertyKey))
                .orElseThrow(() -> new ValidationException("properties." + key, key, "is not a defined property"));
    }

    void requireGroup(ClientGroupId id) {
        if (!groups().containsKey(id)) {
            throw new ValidationException("group", id, "is not a client group");
        }
    }

    /** The group and its ancestors, nearest first; empty for no group. */
    List<ClientGroupId> groupPath(Optional<ClientGroupId> group) {
        List<ClientGroupId> path = new ArrayList<>();
        Optional<ClientGroupId> next = group;
        while (next.isPresent() && !path.contains(next.get())) {
            path.add(next.get());
            next = Optional.ofNullable(groups().get(next.get())).flatMap(ClientGroup::parent);
        }
        return path;
    }

    private Map<RelationshipTypeId, RelationshipType> relationshipTypes() {
        if (relationshipTypes == null) {
            relationshipTypes = RelationshipTypes.merged(stores).stream()
                    .collect(Collectors.toMap(RelationshipType::id, Function.identity()));
        }
        return relationshipTypes;
    }

    private Map<ClientGroupId, ClientGroup> groups() {
        if (groups == null) {
            groups = stores.get(ClientGroupStore.class).all().stream().collect(Collectors.toMap(ClientGroup::id, Function.identity()));
        }
        return groups;
    }

    /** The type, which must exist and be active, for a new assignment. */
    RelationshipType activeRelationship(RelationshipTypeId id) {
        RelationshipType type = relationshipTypes().get(id);
        if (type == null) {
            throw new ValidationException("relationship", id.value(), "is not a relationship type");
        }
        if (type.retired()) {
            throw new ValidationException("relationship", id.value(), "is retired (\"" + type.name() + "\") and cannot be assigned any more");
        }
        return type;
    }
}
