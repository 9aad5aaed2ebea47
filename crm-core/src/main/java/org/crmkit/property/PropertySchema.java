package org.crmkit.property;

import java.util.List;
import java.util.Optional;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Feature;
import org.crmkit.storage.Stores;
import org.crmkit.usecase.CrmContext;

/**
 * The tenant's additional-property schema, edited at run time: define properties, change their
 * labels, limits and applicability, and grow, rename or retire value-list entries. Nothing here can
 * make a stored value unreadable.
 */
public final class PropertySchema {
    /** The additional-property schema of a tenant. */
    public static final Feature FEATURE = Feature.of("properties", PropertyDefinitionStore.class);
    /** The record kind of property definitions in the change feed, and their administration area. */
    static final String KIND = "property";

    private final CrmContext context;

    public PropertySchema(CrmContext context) {
        this.context = context;
    }

    public PropertyDefinition define(PropertyDefinition definition) {
        if (definition == null) {
            throw new ValidationException("definition", null, "is required");
        }
        return administer(definition.key(), "defined", stores -> stores.get(PropertyDefinitionStore.class).insert(definition));
    }

    /** Saves a changed definition read earlier; only compatible type changes are possible (see the verbs). */
    public PropertyDefinition change(PropertyDefinition changed) {
        if (changed == null) {
            throw new ValidationException("definition", null, "is required");
        }
        return administer(changed.key(), "changed", stores -> {
            PropertyDefinition current = require(stores, changed.key());
            if (current.version() != changed.version()) {
                throw new ConcurrentChangeException("property", changed.key(), changed.version());
            }
            current.checkTypeChange(changed.type());
            return stores.get(PropertyDefinitionStore.class).update(changed);
        });
    }

    public Optional<PropertyDefinition> get(String key) {
        PropertyKey propertyKey = PropertyKey.of(key);
        return context.read(work -> work.stores().get(PropertyDefinitionStore.class).get(propertyKey));
    }

    public List<PropertyDefinition> all() {
        return context.read(work -> work.stores().get(PropertyDefinitionStore.class).all());
    }

    /** Adds an entry to the value list of a choice property; returns its id. */
    public ChoiceId addChoice(String key, String label) {
        ChoiceId id = new ChoiceId(context.ids().next());
        changeList(key, "choice-added", list -> list.add(id, label));
        return id;
    }

    public PropertyDefinition renameChoice(String key, ChoiceId choice, String label) {
        return changeList(key, "choice-renamed", list -> list.rename(choice, label));
    }

    /** Retires an entry: stored values keep showing it, new assignments are refused. */
    public PropertyDefinition retireChoice(String key, ChoiceId choice) {
        return changeList(key, "choice-retired", list -> list.retire(choice));
    }

    private PropertyDefinition changeList(String key, String change, UnaryOperator<ValueList> edit) {
        PropertyKey propertyKey = PropertyKey.of(key);
        return administer(propertyKey, change, stores -> {
            PropertyDefinition definition = require(stores, propertyKey);
            return stores.get(PropertyDefinitionStore.class).update(definition.withValueList(edit.apply(definition.valueList())));
        });
    }

    /** A schema change: the actor must administer properties; the feed hears of it. */
    private PropertyDefinition administer(PropertyKey key, String change, Function<Stores, PropertyDefinition> edit) {
        return context.write(work -> {
            if (!work.context().access().mayAdminister(work.actor(), KIND)) {
                throw new AccessDeniedException(work.actor().toString(), "change the " + KIND + " schema");
            }
            work.changed(KIND, key, change, List.of());
            return edit.apply(work.stores());
        });
    }

    private static PropertyDefinition require(Stores stores, PropertyKey key) {
        return stores.get(PropertyDefinitionStore.class).get(key).orElseThrow(() -> new NotFoundException("property", key));
    }
}
