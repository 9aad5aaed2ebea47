package org.crmkit.storage;

import org.crmkit.common.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stores a storage hands out, each made from the storage's own unit of work {@code U}: the one
 * place where a storage learns of a feature ({@code .add(DealStore.class, DealRows::new)}). A
 * storage's {@link Stores#get} asks {@link #make}; a type it does not list fails with
 * {@link FeatureUnavailableException}.
 */
public final class StoreCatalogue<U> {
    private final String storage;
    private final Map<Class<?>, Function<U, ?>> factories;

    private StoreCatalogue(String storage, Map<Class<?>, Function<U, ?>> factories) {
        this.storage = storage;
        this.factories = Map.copyOf(factories);
    }

    public static <U> Builder<U> of(String storage) {
        return new Builder<>(storage);
    }

    /** The store interfaces listed. */
    public Set<Class<?>> types() {
        return factories.keySet();
    }

    /** The store of {@code type} for the unit of work; {@link FeatureUnavailableException} when not listed. */
    public <S> S make(Class<S> type, U unit) {
        Function<U, ?> factory = factories.get(ValidationException.required(type, "type"));
        if (factory == null) {
            throw new FeatureUnavailableException(type.getSimpleName(), storage, type.getName());
        }
        return type.cast(factory.apply(unit));
    }

    /** The feature's stores this catalogue lacks, by simple name; empty when it keeps the feature. */
    public static String missing(Set<Class<?>> provided, Feature feature) {
        return feature.stores().stream().filter(s -> !provided.contains(s)).map(Class::getSimpleName).sorted()
                .collect(Collectors.joining(", "));
    }

    /** Lists the stores of a storage. */
    public static final class Builder<U> {
        private final String storage;
        private final Map<Class<?>, Function<U, ?>> factories = new LinkedHashMap<>();

        private Builder(String storage) {
            this.storage = ValidationException.required(storage, "storage");
        }

        public <S> Builder<U> add(Class<S> type, Function<U, ? extends S> factory) {
            if (factories.putIfAbsent(ValidationException.required(type, "type"), ValidationException.required(factory, "factory")) != null) {
                throw new IllegalArgumentException(type.getName() + " is listed twice");
            }
            return this;
        }

        public StoreCatalogue<U> build() {
            return new StoreCatalogue<>(storage, factories);
        }
    }
}
