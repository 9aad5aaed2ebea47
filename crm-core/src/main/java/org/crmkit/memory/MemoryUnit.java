package org.crmkit.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.storage.StoreCatalogue;
import org.crmkit.storage.Stores;

/** One unit of work: the tenant's records, the stores made for it, and the undo log that rolls its writes back. */
final class MemoryUnit implements Stores {
    final MemoryTenant data;
    private final boolean readOnly;
    private final StoreCatalogue<MemoryUnit> catalogue;
    private final Map<Class<?>, Object> made = new HashMap<>();
    private final List<Runnable> undo = new ArrayList<>();
    private boolean closed;

    MemoryUnit(MemoryTenant data, boolean readOnly, StoreCatalogue<MemoryUnit> catalogue) {
        this.data = data;
        this.readOnly = readOnly;
        this.catalogue = catalogue;
    }

    @Override
    public <S> S get(Class<S> type) {
        checkOpen();
        return type.cast(made.computeIfAbsent(type, t -> catalogue.make(type, this)));
    }

    void writing() {
        checkOpen();
        if (readOnly) {
            throw new CrmException("a read-only unit of work cannot write");
        }
    }

    void checkOpen() {
        if (closed) {
            throw new CrmException("the unit of work has ended; stores are valid only inside it");
        }
    }

    void commit() {
        undo.clear();
        closed = true;
    }

    void rollback() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
        closed = true;
    }

    void close() {
        closed = true;
    }

    /** Records how to undo a write. */
    void onRollback(Runnable step) {
        undo.add(step);
    }

    /** Puts a value and records how to restore the previous one. */
    <K, V> void put(Map<K, V> map, K key, V value) {
        boolean existed = map.containsKey(key);
        V previous = map.put(key, value);
        undo.add(existed ? () -> map.put(key, previous) : () -> map.remove(key));
    }

    /** Removes a key and records how to put it back. */
    <K, V> void remove(Map<K, V> map, K key) {
        if (map.containsKey(key)) {
            V previous = map.remove(key);
            undo.add(() -> map.put(key, previous));
        }
    }

    /** Appends to a list and records how to take the additions back. */
    <V> void append(List<V> list, List<V> values) {
        int before = list.size();
        list.addAll(values);
        undo.add(() -> list.subList(before, list.size()).clear());
    }

    /** Stores a record new to the map, as given (at version 1); a key already stored is a duplicate of {@code field}. */
    <K, V> V insertNew(Map<K, V> map, K key, V stored, String field, Object shown) {
        writing();
        if (map.containsKey(key)) {
            throw new DuplicateException(field, shown);
        }
        put(map, key, stored);
        return stored;
    }

    /**
     * Stores {@code next} in place of the record read at version {@code given}: a record absent or
     * stored at another version is a {@link ConcurrentChangeException} naming {@code type}.
     */
    <K, V> V replaceVersioned(Map<K, V> map, K key, long given, java.util.function.ToLongFunction<V> version, V next, String type) {
        writing();
        V current = map.get(key);
        checkVersion(type, key, current == null ? -1 : version.applyAsLong(current), given);
        put(map, key, next);
        return next;
    }

    static void checkVersion(String type, Object id, long stored, long given) {
        if (stored != given) {
            throw new ConcurrentChangeException(type, id, given);
        }
    }
}
