package org.crmkit.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/** Values by folded name, and their display names. */
final class NameIndex<T> {
    private final Map<String, T> byName = new LinkedHashMap<>();
    private final Map<T, String> names = new LinkedHashMap<>();

    void put(T value, String name) {
        ValidationException.required(name, "name");
        byName.putIfAbsent(CleanText.fold(name), value);
        names.putIfAbsent(value, name);
    }

    Optional<T> byName(String name) {
        ValidationException.required(name, "name");
        return Optional.ofNullable(byName.get(CleanText.fold(name)));
    }

    Optional<String> name(T value) {
        return Optional.ofNullable(names.get(value));
    }

    Optional<T> find(Predicate<T> test) {
        return names.keySet().stream().filter(test).findFirst();
    }

    NameIndex<T> copy() {
        NameIndex<T> copy = new NameIndex<>();
        copy.byName.putAll(byName);
        copy.names.putAll(names);
        return copy;
    }
}
