package org.crmkit.property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
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
            Optional<PropertyDefinition> before = work.stores().get(PropertyDefinitionStore.class).get(key);
            PropertyDefinition after = edit.apply(work.stores());
            work.administered(KIND, key, change, before.map(PropertySchema::view).orElse(Map.of()), view(after));
            return after;
        });
    }

    /** The definition as the journal shows it: one field per setting and per value-list entry. */
    private static Map<String, String> view(PropertyDefinition definition) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("label", definition.label());
        view.put("type", definition.type().describe());
        AppliesTo appliesTo = definition.appliesTo();
        view.put("appliesTo.kinds", appliesTo.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        view.put("appliesTo.groups", appliesTo.groups().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        view.put("required", String.valueOf(definition.required()));
        view.put("archived", String.valueOf(definition.archived()));
        for (Choice choice : listed(definition.type()) ? definition.valueList().choices() : List.<Choice>of()) {
            view.put("choices." + choice.id(), choice.label() + (choice.retired() ? " (retired)" : ""));
        }
        return view;
    }

    private static boolean listed(PropertyType type) {
        return type instanceof PropertyType.ChoiceType || type instanceof PropertyType.MultiChoiceType;
    }

    /** The change journal of a property definition, oldest first. */
    public List<AuditEntry> history(String key) {
        PropertyKey propertyKey = PropertyKey.of(key);
        return context.read(work -> {
            require(work.stores(), propertyKey);
            return work.stores().get(AuditStore.class).ofSubject(AuditEntry.subject(KIND, propertyKey));
        });
    }

    private static PropertyDefinition require(Stores stores, PropertyKey key) {
        return stores.get(PropertyDefinitionStore.class).get(key).orElseThrow(() -> new NotFoundException("property", key));
    }
}
