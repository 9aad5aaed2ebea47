package org.crmkit.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.NameSearch;
import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.SortOrder;
import org.crmkit.criteria.Criterion;

/** Clients in a tenant's maps: criteria are evaluated in memory, in the orders {@link ClientQuery.Order} defines. */
final class MemoryClientStore implements ClientStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryClientStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    private Predicate<Client> matching(Criterion<ClientCriterion> criterion) {
        MemoryRelations related = new MemoryRelations(data);
        return client -> ClientCriterion.matches(criterion, client, related);
    }

    @Override
    public Optional<Client> get(ClientId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.clients.get(id));
    }

    @Override
    public List<Client> find(ClientQuery query) {
        unit.checkOpen();
        Comparator<Client> byName = Comparator.comparing((Client c) -> CleanText.fold(c.shortName()), SortOrder.TEXT);
        Comparator<Client> order = query.order() == ClientQuery.Order.CODE
                ? Comparator.comparing((Client c) -> c.code().value(), SortOrder.TEXT)
                : byName;
        return data.clients.values().stream().filter(matching(query.where()))
                .sorted(order.thenComparing(c -> c.id().value(), SortOrder.UUIDS))
                .skip(query.offset()).limit(query.limit()).collect(Collectors.toList());
    }

    /** The names that match, ranked over the tenant's clients directly (the contract of {@link NameSearch} in code). */
    @Override
    public List<ClientSummary> searchNames(NameSearch search, Criterion<ClientCriterion> within, int limit) {
        unit.checkOpen();
        List<Client> candidates = data.clients.values().stream().filter(matching(within)).collect(Collectors.toList());
        return search.rank(candidates, limit).stream().map(ClientSummary::of).collect(Collectors.toList());
    }

    @Override
    public List<Client> findAfter(Criterion<ClientCriterion> where, Optional<ClientId> after, int limit) {
        unit.checkOpen();
        return data.clients.values().stream()
                .filter(c -> after.map(a -> SortOrder.UUIDS.compare(c.id().value(), a.value()) > 0).orElse(true))
                .filter(matching(where))
                .sorted(Comparator.comparing(c -> c.id().value(), SortOrder.UUIDS))
                .limit(limit).collect(Collectors.toList());
    }

    @Override
    public long count(Criterion<ClientCriterion> criterion) {
        unit.checkOpen();
        return data.clients.values().stream().filter(matching(criterion)).count();
    }

    @Override
    public Client insert(Client client) {
        unit.writing();
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
        unit.put(data.clients, client.id(), stored);
        unit.put(data.codes, client.code().value(), client.id());
        return stored;
    }

    @Override
    public Client update(Client client) {
        unit.writing();
        Client current = data.clients.get(client.id());
        if (current == null) {
            throw new ConcurrentChangeException("client", client.id(), client.version());
        }
        MemoryUnit.checkVersion("client", client.id(), current.version(), client.version());
        if (!current.code().equals(client.code())) {
            if (data.codes.containsKey(client.code().value())) {
                throw new DuplicateException("code", client.code().value());
            }
            Map<String, ClientId> codes = data.codes;
            String oldCode = current.code().value();
            codes.remove(oldCode);
            unit.onRollback(() -> codes.put(oldCode, client.id()));
            unit.put(codes, client.code().value(), client.id());
        }
        Client stored = client.withVersion(current.version() + 1);
        unit.put(data.clients, client.id(), stored);
        return stored;
    }

    @Override
    public long reserveCodeNumbers(int count) {
        unit.writing();
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long first = data.lastCode + 1;
        data.lastCode += count;
        return first;
    }
}
