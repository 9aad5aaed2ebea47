package org.crmkit.consent;

import java.util.List;
import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * What a consent is for: {@link #MARKETING} and {@link #SERVICE} are built in, and a tenant adds its
 * own purposes to its list. A key is a lower-case word of at most 40 characters.
 */
public record Purpose(String key) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** Advertising and offers: what 38-ФЗ art. 18 requires prior consent for. */
    public static final Purpose MARKETING = new Purpose("marketing");
    /** Messages about what the client already bought or asked for. */
    public static final Purpose SERVICE = new Purpose("service");

    public static final List<Purpose> BUILT_IN = List.of(MARKETING, SERVICE);

    public Purpose {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("purpose", key, "is not a purpose key (a lower-case word such as marketing, 1-40 letters, digits, -)");
        }
    }

    public boolean builtIn() {
        return BUILT_IN.contains(this);
    }

    @Override
    public String toString() {
        return key;
    }
}
