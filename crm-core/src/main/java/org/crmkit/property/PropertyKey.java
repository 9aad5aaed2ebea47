package org.crmkit.property;

import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * The stable key of a property, e.g. {@code employees-count}. Labels can change; the key never
 * does, so stored values, segment rules and imports keep pointing at the same property.
 */
public record PropertyKey(String value) implements Comparable<PropertyKey> {
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    public PropertyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("property.key", value,
                    "is not a property key (a lower-case latin letter, then up to 62 of a-z 0-9 _ -)");
        }
    }

    public static PropertyKey of(String value) {
        return new PropertyKey(value);
    }

    @Override
    public int compareTo(PropertyKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
