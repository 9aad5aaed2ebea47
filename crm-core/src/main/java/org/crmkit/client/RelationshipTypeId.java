package org.crmkit.client;

import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/** The stable key of a relationship type: {@code vip}, {@code one-off-buyer}, or a user's own. */
public record RelationshipTypeId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public RelationshipTypeId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("relationship", value,
                    "is not a relationship type key (a lower-case latin letter, then up to 39 of a-z 0-9 _ -)");
        }
    }

    public static RelationshipTypeId of(String value) {
        return new RelationshipTypeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
