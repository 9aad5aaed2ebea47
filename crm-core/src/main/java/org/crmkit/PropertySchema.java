package org.crmkit;

import java.util.List;
import java.util.Optional;

import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.NotFoundException;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.storage.Stores;

/**
 * The tenant's additional-property schema, edited at run time: define properties, change their
 * labels, limits and applicability, and grow, rename or retire value-list entries. Nothing here can
 * make a stored value unreadable.
 */
public final class PropertySchema {
    private final Wiring rt;
    private final ActorSource actors;

    PropertySchema(Wiring rt, ActorSource actors) {
        this.rt = rt;
        this.actors = actors;
    }

    /** The actor of this call, asked anew each time: a use-case object may be kept and shared. */
    private Actor actor() {
        return actors.current();
    }

    public PropertyDefinition define(PropertyDefinition definition) {
        return rt.write(actor(), (stores, events) -> stores.properties().insert(definition));
    }

    /** Saves a changed definition read earlier; only compatible type changes are possible (see the verbs). */
    public PropertyDefinition change(PropertyDefinition changed) {
        return rt.write(actor(), (stores, events) -> {
            PropertyDefinition current = require(stores, changed.key());
            if (current.version() != changed.version()) {
                throw new ConcurrentChangeException("property", changed.key(), changed.version());
            }
            current.changeType(changed.type());
            return stores.properties().update(changed);
        });
    }

    public Optional<PropertyDefinition> get(String key) {
        PropertyKey propertyKey = PropertyKey.of(key);
        return rt.read(actor(), stores -> stores.properties().get(propertyKey));
    }

    public List<PropertyDefinition> all() {
        return rt.read(actor(), stores -> stores.properties().all());
    }

    /** Adds an entry to the value list of a choice property; returns its id. */
    public ChoiceId addChoice(String key, String label) {
        ChoiceId id = new ChoiceId(rt.ids.next());
        rt.write(actor(), (stores, events) -> {
            PropertyDefinition definition = require(stores, PropertyKey.of(key));
            return stores.properties().update(definition.withValueList(definition.valueList().add(id, label)));
        });
        return id;
    }

    public PropertyDefinition renameChoice(String key, ChoiceId choice, String label) {
        return rt.write(actor(), (stores, events) -> {
            PropertyDefinition definition = require(stores, PropertyKey.of(key));
            return stores.properties().update(definition.withValueList(definition.valueList().rename(choice, label)));
        });
    }

    /** Retires an entry: stored values keep showing it, new assignments are refused. */
    public PropertyDefinition retireChoice(String key, ChoiceId choice) {
        return rt.write(actor(), (stores, events) -> {
            PropertyDefinition definition = require(stores, PropertyKey.of(key));
            return stores.properties().update(definition.withValueList(definition.valueList().retire(choice)));
        });
    }

    private static PropertyDefinition require(Stores stores, PropertyKey key) {
        return stores.properties().get(key).orElseThrow(() -> new NotFoundException("property", key));
    }
}
