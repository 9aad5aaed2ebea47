package org.crmkit.segment.json;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.common.ValidationException;
import org.crmkit.segment.RuleLimits;

/**
 * The fields of one JSON object of a rule, read with the path they sit at: every missing or bad
 * field is a {@link ValidationException} whose field is that path ({@code rule.parts[1].kind}), so
 * the author of a broken document is told where to look. Values built from the fields (ids, keys,
 * e-mail addresses) report their own problems under the same path.
 */
public final class Fields {
    private final ObjectNode node;
    private final String path;

    Fields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Where this object sits in the document. */
    public String path() {
        return path;
    }

    /** The path of a field of this object. */
    public String at(String field) {
        return path + "." + field;
    }

    /** A field that must be there. */
    public JsonNode node(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ValidationException(at(field), null, "is required");
        }
        return value;
    }

    /** A text field (at most {@value RuleLimits#MAX_STRING} characters). */
    public String text(String field) {
        return textOf(node(field), at(field));
    }

    /** A whole number. */
    public int integer(String field) {
        JsonNode value = node(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ValidationException(at(field), value.toString(), "is not a whole number");
        }
        return value.intValue();
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String field) {
        JsonNode value = node(field);
        if (!value.isBoolean()) {
            throw new ValidationException(at(field), value.toString(), "is not true or false");
        }
        return value.booleanValue();
    }

    /** A decimal written as text ({@code "12.50"}), so that no digit is lost to binary floating point. */
    public BigDecimal decimal(String field) {
        String text = text(field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ValidationException(at(field), text, "is not a decimal number such as 12.50");
        }
    }

    /** A UUID, then made into an id by {@code make}. */
    public <T> T uuid(String field, Function<UUID, T> make) {
        return value(field, uuidOf(text(field), at(field)), make);
    }

    /** An ISO-8601 date ({@code 2024-03-31}). */
    public LocalDate date(String field) {
        String text = text(field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new ValidationException(at(field), text, "is not a date such as 2024-03-31");
        }
    }

    /** An ISO-8601 instant in UTC ({@code 2024-03-31T09:00:00Z}). */
    public Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new ValidationException(at(field), text, "is not an instant such as 2024-03-31T09:00:00Z");
        }
    }

    /** A constant of {@code type} by its name. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return enumOf(text(field), at(field), type);
    }

    /** A text made into a value by {@code make}; its {@link ValidationException} is reported under the path. */
    public <T> T value(String field, Function<String, T> make) {
        return value(at(field), text(field), make);
    }

    /**
     * A value built from several fields by {@code make}; a {@link ValidationException} it throws is
     * reported under this object's path and {@code field} (the field the problem is named after).
     */
    public <T> T under(String field, Supplier<T> make) {
        try {
            return make.get();
        } catch (ValidationException e) {
            throw e.field().startsWith(path) ? e : new ValidationException(at(e.field()), e.rejectedValue(), e.problem());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ValidationException(at(field), null, "is not valid here (" + e.getMessage() + ")");
        }
    }

    /** An array of texts, each made into a value by {@code make}. */
    public <T> Set<T> set(String field, Function<String, T> make) {
        JsonNode value = node(field);
        if (!value.isArray()) {
            throw new ValidationException(at(field), value.toString(), "is not an array");
        }
        if (value.size() > RuleLimits.MAX_VALUES) {
            throw new ValidationException(at(field), value.size() + " values", "holds more than " + RuleLimits.MAX_VALUES + " values");
        }
        Set<T> values = new LinkedHashSet<>();
        int i = 0;
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); i++) {
            String where = at(field) + "[" + i + "]";
            values.add(value(where, textOf(it.next(), where), make));
        }
        return values;
    }

    /** An array of UUIDs made into ids. */
    public <T> Set<T> uuids(String field, Function<UUID, T> make) {
        return set(field, text -> make.apply(uuidOf(text, at(field))));
    }

    /** An array of constant names. */
    public <E extends Enum<E>> Set<E> enums(String field, Class<E> type) {
        return set(field, text -> enumOf(text, at(field), type));
    }

    /** A nested object. */
    public Fields object(String field) {
        JsonNode value = node(field);
        if (!value.isObject()) {
            throw new ValidationException(at(field), value.toString(), "is not an object");
        }
        return new Fields((ObjectNode) value, at(field));
    }

    ObjectNode json() {
        return node;
    }

    private static <T, V> T value(String where, V raw, Function<V, T> make) {
        try {
            return make.apply(raw);
        } catch (ValidationException e) {
            throw e.field().startsWith(where) ? e : new ValidationException(where, raw, e.problem() == null ? e.getMessage() : e.problem());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ValidationException(where, raw, "is not valid here (" + e.getMessage() + ")");
        }
    }

    static String textOf(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw new ValidationException(where, value.toString(), "is not a text");
        }
        return RuleLimits.checkString(where, value.textValue());
    }

    private static UUID uuidOf(String text, String where) {
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equals(text.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(where, text, "is not a UUID such as 3f1c2a9e-0d4b-4c55-9a51-6b2f7c0e1d23");
        }
    }

    private static <E extends Enum<E>> E enumOf(String text, String where, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new ValidationException(where, text, "is not one of " + String.join(", ", names));
    }
}
