package org.crmkit.storage.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.NameWords;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.SortOrder;
import org.crmkit.common.TenantId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyKey;
import org.crmkit.storage.Storage;
import org.crmkit.storage.Stores;

/**
 * Keeps every tenant's records in maps. A unit of work takes the tenant's write lock (reads take
 * the read lock), so units of work of one tenant are serialised and those of different tenants run
 * in parallel. Records are immutable, so the maps can hand them out as they are.
 */
public final class InMemoryStorage implements Storage {
    private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    @Override
    public <T> T inTransaction(TenantId tenant, Function<Stores, T> work) {
        Tenant data = tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new Tenant());
        data.lock.writeLock().lock();
        Unit unit = new Unit(data, false);
        try {
            T result = work.apply(unit);
            unit.undo.clear();
            return result;
        } catch (RuntimeException | Error e) {
            unit.rollback();
            throw e;
        } finally {
            unit.closed = true;
            data.lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T read(TenantId tenant, Function<Stores, T> work) {
        Tenant data = tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new Tenant());
        data.lock.readLock().lock();
        Unit unit = new Unit(data, true);
        try {
            return work.apply(unit);
        } finally {
            unit.closed = true;
            data.lock.readLock().unlock();
        }
    }

    /** One tenant's records. */
    private static final class Tenant {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final Map<ClientId, Client> clients = new LinkedHashMap<>();
        final Map<String, ClientId> codes = new HashMap<>();
        final Map<ContactPersonId, ContactPerson> persons = new LinkedHashMap<>();
        final Map<ClientGroupId, ClientGroup> groups = new LinkedHashMap<>();
        final Map<RelationshipTypeId, RelationshipType> relationshipTypes = new TreeMap<>(Comparator.comparing(RelationshipTypeId::value));
        final Map<PropertyKey, PropertyDefinition> properties = new TreeMap<>();
        final List<AuditEntry> audit = new ArrayList<>();
        long lastCode;
    }

    /** One unit of work: the stores, and the undo log that rolls its writes back. */
    private static final class Unit implements Stores {
        private final Tenant data;
        private final boolean readOnly;
        private final List<Runnable> undo = new ArrayList<>();
        private boolean closed;

        Unit(Tenant data, boolean readOnly) {
            this.data = data;
            this.readOnly = readOnly;
        }

        private void writing() {
            checkOpen();
            if (readOnly) {
                throw new CrmException("a read-only unit of work cannot write");
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new CrmException("the unit of work has ended; stores are valid only inside it");
            }
        }

        void rollback() {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            undo.clear();
        }

        /** Puts a value and records how to restore the previous one. */
        private <K, V> void put(Map<K, V> map, K key, V value) {
            boolean existed = map.containsKey(key);
            V previous = map.put(key, value);
            undo.add(existed ? () -> map.put(key, previous) : () -> map.remove(key));
        }

        private static void checkVersion(String type, Object id, long stored, long given) {
            if (stored != given) {
                throw new ConcurrentChangeException(type, id, given);
            }
        }

        @Override
        public ClientStore clients() {
            checkOpen();
            return new ClientStore() {
                @Override
                public Optional<Client> get(ClientId id) {
                    checkOpen();
                    return Optional.ofNullable(data.clients.get(id));
                }

                @Override
                public List<Client> find(ClientQuery query) {
                    checkOpen();
                    Comparator<Client> byName = Comparator.comparing((Client c) -> CleanText.fold(c.shortName()), SortOrder.TEXT);
                    Comparator<Client> order = query.order() == ClientQuery.Order.CODE
                            ? Comparator.comparing((Client c) -> c.code().value(), SortOrder.TEXT)
                            : byName;
                    if (query.order() == ClientQuery.Order.WORD && query.leadingWords().isPresent()) {
                        String prefix = query.leadingWords().get().prefix();
                        order = Comparator.comparing((Client c) -> NameWords.smallestStartingWith(c.shortName(), prefix).orElse(""),
                                SortOrder.TEXT).thenComparing(byName);
                    }
                    return data.clients.values().stream().filter(query.where()::test)
                            .sorted(order.thenComparing(c -> c.id().value(), SortOrder.UUIDS))
                            .skip(query.offset()).limit(query.limit()).collect(Collectors.toList());
                }

                @Override
                public long count(ClientCriterion criterion) {
                    checkOpen();
                    return data.clients.values().stream().filter(criterion::test).count();
                }

                @Override
                public Client insert(Client client) {
                    writing();
                    if (client.version() != 0) {
                        throw new CrmException("client " + client.id() + " has version " + client.version() + "; insert only new clients");
                    }
                    if (data.clients.containsKey(client.id())) {
                        throw new DuplicateException("id", client.id());
                    }
                    if (data.codes.containsKey(client.code().value())) {
                        throw new DuplicateException("code", client.code().value());
                    }
                    Client stored = client.withVersion(1);
                    put(data.clients, client.id(), stored);
                    put(data.codes, client.code().value(), client.id());
                    return stored;
                }

                @Override
                public Client update(Client client) {
                    writing();
                    Client current = data.clients.get(client.id());
                    if (current == null) {
                        throw new ConcurrentChangeException("client", client.id(), client.version());
                    }
                    checkVersion("client", client.id(), current.version(), client.version());
                    if (!current.code().equals(client.code())) {
                        ClientId holder = data.codes.get(client.code().value());
                        if (holder != null) {
                            throw new DuplicateException("code", client.code().value());
                        }
                        Map<String, ClientId> codes = data.codes;
                        String oldCode = current.code().value();
                        codes.remove(oldCode);
                        undo.add(() -> codes.put(oldCode, client.id()));
                        put(codes, client.code().value(), client.id());
                    }
                    Client stored = client.withVersion(current.version() + 1);
                    put(data.clients, client.id(), stored);
                    return stored;
                }

                @Override
                public long reserveCodeNumbers(int count) {
                    writing();
                    if (count < 1) {
                        throw new IllegalArgumentException("count must be positive: " + count);
                    }
                    long first = data.lastCode + 1;
                    data.lastCode += count;
                    return first;
                }
            };
        }

        @Override
        public ContactPersonStore contactPersons() {
            checkOpen();
            return new ContactPersonStore() {
                @Override
                public Optional<ContactPerson> get(ContactPersonId id) {
                    checkOpen();
                    return Optional.ofNullable(data.persons.get(id));
                }

                @Override
                public List<ContactPerson> ofClient(ClientId client) {
                    checkOpen();
                    return data.persons.values().stream().filter(p -> p.client().equals(client))
                            .sorted(ContactPerson.BY_NAME).collect(Collectors.toList());
                }

                @Override
                public ContactPerson insert(ContactPerson person) {
                    writing();
                    if (data.persons.containsKey(person.id())) {
                        throw new DuplicateException("id", person.id());
                    }
                    ContactPerson stored = person.withVersion(1);
                    put(data.persons, person.id(), stored);
                    return stored;
                }

                @Override
                public ContactPerson update(ContactPerson person) {
                    writing();
                    ContactPerson current = data.persons.get(person.id());
                    checkVersion("contact person", person.id(), current == null ? -1 : current.version(), person.version());
                    ContactPerson stored = person.withVersion(person.version() + 1);
                    put(data.persons, person.id(), stored);
                    return stored;
                }
            };
        }

        @Override
        public ClientGroupStore groups() {
            checkOpen();
            return new ClientGroupStore() {
                @Override
                public Optional<ClientGroup> get(ClientGroupId id) {
                    checkOpen();
                    return Optional.ofNullable(data.groups.get(id));
                }

                @Override
                public List<ClientGroup> all() {
                    checkOpen();
                    return data.groups.values().stream().sorted(ClientGroup.BY_NAME).collect(Collectors.toList());
                }

                @Override
                public ClientGroup insert(ClientGroup group) {
                    writing();
                    if (data.groups.containsKey(group.id())) {
                        throw new DuplicateException("id", group.id());
                    }
                    ClientGroup stored = group.withVersion(1);
                    put(data.groups, group.id(), stored);
                    return stored;
                }

                @Override
                public ClientGroup update(ClientGroup group) {
                    writing();
                    ClientGroup current = data.groups.get(group.id());
                    checkVersion("group", group.id(), current == null ? -1 : current.version(), group.version());
                    ClientGroup stored = group.withVersion(group.version() + 1);
                    put(data.groups, group.id(), stored);
                    return stored;
                }
            };
        }

        @Override
        public RelationshipTypeStore relationshipTypes() {
            checkOpen();
            return new RelationshipTypeStore() {
                @Override
                public List<RelationshipType> stored() {
                    checkOpen();
                    return List.copyOf(data.relationshipTypes.values());
                }

                @Override
                public RelationshipType insert(RelationshipType type) {
                    writing();
                    if (data.relationshipTypes.containsKey(type.id())) {
                        throw new DuplicateException("relationship", type.id().value());
                    }
                    RelationshipType stored = type.withVersion(1);
                    put(data.relationshipTypes, type.id(), stored);
                    return stored;
                }

                @Override
                public RelationshipType update(RelationshipType type) {
                    writing();
                    RelationshipType current = data.relationshipTypes.get(type.id());
                    checkVersion("relationship type", type.id(), current == null ? -1 : current.version(), type.version());
                    RelationshipType stored = type.withVersion(type.version() + 1);
                    put(data.relationshipTypes, type.id(), stored);
                    return stored;
                }
            };
        }

        @Override
        public PropertyDefinitionStore properties() {
            checkOpen();
            return new PropertyDefinitionStore() {
                @Override
                public Optional<PropertyDefinition> get(PropertyKey key) {
                    checkOpen();
                    return Optional.ofNullable(data.properties.get(key));
                }

                @Override
                public List<PropertyDefinition> all() {
                    checkOpen();
                    return List.copyOf(data.properties.values());
                }

                @Override
                public PropertyDefinition insert(PropertyDefinition definition) {
                    writing();
                    if (data.properties.containsKey(definition.key())) {
                        throw new DuplicateException("property.key", definition.key().value());
                    }
                    PropertyDefinition stored = definition.withVersion(1);
                    put(data.properties, definition.key(), stored);
                    return stored;
                }

                @Override
                public PropertyDefinition update(PropertyDefinition definition) {
                    writing();
                    PropertyDefinition current = data.properties.get(definition.key());
                    checkVersion("property", definition.key(), current == null ? -1 : current.version(), definition.version());
                    PropertyDefinition stored = definition.withVersion(definition.version() + 1);
                    put(data.properties, definition.key(), stored);
                    return stored;
                }
            };
        }

        @Override
        public AuditStore audit() {
            checkOpen();
            return new AuditStore() {
                @Override
                public void append(List<AuditEntry> entries) {
                    writing();
                    List<AuditEntry> journal = data.audit;
                    int before = journal.size();
                    journal.addAll(entries);
                    undo.add(() -> journal.subList(before, journal.size()).clear());
                }

                @Override
                public List<AuditEntry> ofClient(ClientId client) {
                    checkOpen();
                    return data.audit.stream().filter(e -> e.client().equals(client))
                            .sorted(AuditEntry.CHRONOLOGICAL)
                            .collect(Collectors.toList());
                }
            };
        }
    }
}
