package org.crmkit.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Comparator;

import org.crmkit.common.ClientId;
import org.crmkit.common.DuplicateException;
import org.crmkit.contract.ClientRecord;
import org.crmkit.contract.ClientRecordStore;

/** Records of a client's card (contracts, bank accounts) in a tenant's map, with the keys a database would keep unique. */
abstract class MemoryClientRecordStore<I, R extends ClientRecord<I, R>> implements ClientRecordStore<I, R> {
    private final MemoryUnit unit;
    private final Map<I, R> records;
    private final String kind;
    private final Comparator<R> order;
    private final String uniqueField;
    private final Function<R, Object> uniqueKey;
    private final Function<R, String> uniqueShown;

    MemoryClientRecordStore(MemoryUnit unit, Map<I, R> records, String kind, Comparator<R> order, String uniqueField,
                            Function<R, Object> uniqueKey, Function<R, String> uniqueShown) {
        this.unit = unit;
        this.records = records;
        this.kind = kind;
        this.order = order;
        this.uniqueField = uniqueField;
        this.uniqueKey = uniqueKey;
        this.uniqueShown = uniqueShown;
    }

    @Override
    public Optional<R> get(I id) {
        unit.checkOpen();
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public List<R> ofClient(ClientId client) {
        unit.checkOpen();
        return records.values().stream().filter(r -> r.client().equals(client)).sorted(order).collect(Collectors.toList());
    }

    @Override
    public R insert(R record) {
        unit.writing();
        if (records.containsKey(record.id())) {
            throw new DuplicateException("id", record.id());
        }
        checkUnique(record);
        R stored = record.withVersion(1);
        unit.put(records, record.id(), stored);
        return stored;
    }

    @Override
    public R update(R record) {
        unit.writing();
        R current = records.get(record.id());
        MemoryUnit.checkVersion(kind, record.id(), current == null ? -1 : current.version(), record.version());
        checkUnique(record);
        R stored = record.withVersion(record.version() + 1);
        unit.put(records, record.id(), stored);
        return stored;
    }

    private void checkUnique(R record) {
        for (R other : records.values()) {
            if (other.client().equals(record.client()) && !other.id().equals(record.id())) {
                if (uniqueKey.apply(other).equals(uniqueKey.apply(record))) {
                    throw new DuplicateException(uniqueField, uniqueShown.apply(record));
                }
                if (other.main() && record.main()) {
                    throw new DuplicateException("main", record.client());
                }
            }
        }
    }
}
