package org.crmkit.common;

import java.util.UUID;

/** Parsing of textual ids with an error that names the field. */
final class Ids {
    private Ids() {
    }

    static UUID parse(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException(field, text, "is not a UUID");
        }
    }
}
