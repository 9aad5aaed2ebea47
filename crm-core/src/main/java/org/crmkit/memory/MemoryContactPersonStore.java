package org.crmkit.memory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.common.ClientId;
import org.crmkit.common.DuplicateException;

/** Contact persons in a tenant's map. */
final class MemoryContactPersonStore implements ContactPersonStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryContactPersonStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Optional<ContactPerson> get(ContactPersonId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.persons.get(id));
    }

    @Override
    public List<ContactPerson> ofClient(ClientId client) {
        unit.checkOpen();
        return data.persons.values().stream().filter(p -> p.client().equals(client))
                .sorted(ContactPerson.BY_NAME).collect(Collectors.toList());
    }

    @Override
    public ContactPerson insert(ContactPerson person) {
        unit.writing();
        if (data.persons.containsKey(person.id())) {
            throw new DuplicateException("id", person.id());
        }
        ContactPerson stored = person.withVersion(1);
        unit.put(data.persons, person.id(), stored);
        return stored;
    }

    @Override
    public ContactPerson update(ContactPerson person) {
        unit.writing();
        ContactPerson current = data.persons.get(person.id());
        MemoryUnit.checkVersion("contact person", person.id(), current == null ? -1 : current.version(), person.version());
        ContactPerson stored = person.withVersion(person.version() + 1);
        unit.put(data.persons, person.id(), stored);
        return stored;
    }
}
