package org.crmkit.memory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.DuplicateException;

/** Client groups in a tenant's map. */
final class MemoryGroupStore implements ClientGroupStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryGroupStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Optional<ClientGroup> get(ClientGroupId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.groups.get(id));
    }

    @Override
    public List<ClientGroup> all() {
        unit.checkOpen();
        return data.groups.values().stream().sorted(ClientGroup.BY_NAME).collect(Collectors.toList());
    }

    @Override
    public ClientGroup insert(ClientGroup group) {
        unit.writing();
        if (data.groups.containsKey(group.id())) {
            throw new DuplicateException("id", group.id());
        }
        ClientGroup stored = group.withVersion(1);
        unit.put(data.groups, group.id(), stored);
        return stored;
    }

    @Override
    public ClientGroup update(ClientGroup group) {
        unit.writing();
        ClientGroup current = data.groups.get(group.id());
        MemoryUnit.checkVersion("group", group.id(), current == null ? -1 : current.version(), group.version());
        ClientGroup stored = group.withVersion(group.version() + 1);
        unit.put(data.groups, group.id(), stored);
        return stored;
    }
}
