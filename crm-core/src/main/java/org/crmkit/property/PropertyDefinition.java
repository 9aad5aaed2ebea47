package org.crmkit.property;


import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * One additional property of the schema (aggregate). Its key never changes; its label, limits,
 * applicability and value list evolve through verbs that never invalidate values already stored:
 * the type can only be replaced by a compatible one of the same kind, value-list entries are only
 * added, renamed or retired.
 *
 * @param version 0 until stored; the store increments it on every save
 */
public record PropertyDefinition(PropertyKey key, String label, PropertyType type, AppliesTo appliesTo,
                                 boolean required, boolean archived, long version) {
    public PropertyDefinition {
        ValidationException.required(key, "key");
        ValidationException.required(type, "type");
        ValidationException.required(appliesTo, "appliesTo");
        label = CleanText.require("property.label", label, 200);
    }

    /** A new, optional property that applies to every client. */
    public static PropertyDefinition define(String key, String label, PropertyType type) {
        return new PropertyDefinition(PropertyKey.of(key), label, type, AppliesTo.ALL, false, false, 0);
    }

    public PropertyDefinition relabel(String newLabel) {
        return new PropertyDefinition(key, newLabel, type, appliesTo, required, archived, version);
    }

    public PropertyDefinition requiredFlag(boolean isRequired) {
        return new PropertyDefinition(key, label, type, appliesTo, isRequired, archived, version);
    }

    public PropertyDefinition applyTo(AppliesTo newAppliesTo) {
        return new PropertyDefinition(key, label, type, newAppliesTo, required, archived, version);
    }

    /** Changes limits (length, range, scale, value list); a different kind of type is refused. */
    public PropertyDefinition changeType(PropertyType newType) {
        ValidationException.required(newType, "type");
        checkTypeChange(newType);
        return new PropertyDefinition(key, label, newType, appliesTo, required, archived, version);
    }

    /** Refuses a type that would make stored values of this definition unreadable (another kind, entries removed). */
    public void checkTypeChange(PropertyType newType) {
        if (!type.compatibleWith(newType)) {
            throw new ValidationException("property." + key + ".type", newType.kind(),
                    "cannot replace " + type.kind() + ": stored values would break (another kind, or value-list entries"
                            + " removed; retire entries instead); define a new property instead");
        }
    }

    public PropertyDefinition archive() {
        return new PropertyDefinition(key, label, type, appliesTo, required, true, version);
    }

    /** The version a store gives the definition when it saves it. */
    public PropertyDefinition withVersion(long newVersion) {
        return new PropertyDefinition(key, label, type, appliesTo, required, archived, newVersion);
    }

    /** The value list of a choice or multi-choice property; an error for other types. */
    public ValueList valueList() {
        if (type instanceof PropertyType.ChoiceType) {
            return ((PropertyType.ChoiceType) type).values();
        }
        if (type instanceof PropertyType.MultiChoiceType) {
            return ((PropertyType.MultiChoiceType) type).values();
        }
        throw new ValidationException("property." + key, type.kind(), "has no value list");
    }

    /** The same definition with its value list replaced (entries added, renamed or retired). */
    public PropertyDefinition withValueList(ValueList values) {
        valueList();
        return changeType(type instanceof PropertyType.ChoiceType
                ? new PropertyType.ChoiceType(values) : new PropertyType.MultiChoiceType(values));
    }

    /**
     * Validates a value for assignment: the property must be active and the value fit the type.
     * Returns the canonical value; errors name {@code properties.<key>} and the value.
     */
    public PropertyValue check(PropertyValue value) {
        String field = "properties." + key;
        ValidationException.required(value, field);
        if (archived) {
            throw new ValidationException(field, value.display(), "cannot be set: the property \"" + label + "\" is archived");
        }
        return type.check(field, value);
    }

    /** The value as people read it: choice ids resolved to their labels. */
    public String display(PropertyValue value) {
        if (value instanceof PropertyValue.ChoiceValue) {
            ChoiceId id = ((PropertyValue.ChoiceValue) value).value();
            return valueList().find(id).map(Choice::label).orElse(id.toString());
        }
        if (value instanceof PropertyValue.MultiChoiceValue) {
            ValueList list = valueList();
            return String.join(", ", ((PropertyValue.MultiChoiceValue) value).values().stream()
                    .map(id -> list.find(id).map(Choice::label).orElse(id.toString())).toList());
        }
        return value.display();
    }
}
