package org.crmkit.storage;

import org.crmkit.common.ValidationException;
import java.util.Set;

import org.crmkit.common.CleanText;

/**
 * A feature of crmkit as a storage sees it: a name for messages and the store interfaces it
 * needs. Each feature package declares one ({@code Clients.FEATURE}); a storage keeps the feature
 * when it provides every one of those stores.
 */
public record Feature(String name, Set<Class<?>> stores) {
    public Feature {
        name = CleanText.require("name", name, 100);
        stores = Set.copyOf(ValidationException.required(stores, "stores"));
    }

    public static Feature of(String name, Class<?>... stores) {
        return new Feature(name, Set.of(stores));
    }
}
