package org.crmkit.memory;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.common.Money;
import org.crmkit.ledger.ClientClass;
import org.crmkit.ledger.ClientTotals;
import org.crmkit.ledger.Fact;
import org.crmkit.ledger.FactKey;
import org.crmkit.ledger.FactStore;
import org.crmkit.ledger.FactSum;

/** Income and expense facts in a tenant's map; sums are added up at each call. */
final class MemoryFactStore implements FactStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryFactStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public void upsert(List<Fact> facts) {
        unit.writing();
        facts.forEach(f -> unit.put(data.facts, f.key(), f));
    }

    @Override
    public Optional<Fact> get(FactKey key) {
        unit.checkOpen();
        return Optional.ofNullable(data.facts.get(key));
    }

    @Override
    public int revoke(String source, String document) {
        unit.writing();
        List<FactKey> lines = new ArrayList<>();
        data.facts.keySet().stream().filter(k -> k.source().equals(source) && k.document().equals(document)).forEach(lines::add);
        lines.forEach(this::remove);
        return lines.size();
    }

    @Override
    public boolean revoke(FactKey key) {
        unit.writing();
        return remove(key);
    }

    private boolean remove(FactKey key) {
        Fact removed = data.facts.remove(key);
        if (removed != null) {
            unit.onRollback(() -> data.facts.put(key, removed));
        }
        return removed != null;
    }

    /** Grouping key of a sum. */
    private record Group(String currency, Optional<?> client, Optional<String> order) {
    }

    @Override
    public List<FactSum> sums(LocalDate from, LocalDate until) {
        unit.checkOpen();
        Map<Group, FactSum> sums = new LinkedHashMap<>();
        for (Fact fact : data.facts.values()) {
            if (fact.date().isBefore(from) || fact.date().isAfter(until)) {
                continue;
            }
            sums.merge(new Group(fact.currency().getCurrencyCode(), fact.client(), fact.order()),
                    new FactSum(fact.client(), fact.order(), fact.amount(), fact.cost()),
                    (a, b) -> new FactSum(a.client(), a.order(), add(a.income(), b.income()), add(a.expense(), b.expense())));
        }
        return new ArrayList<>(sums.values());
    }

    private static Money add(Money a, Money b) {
        return new Money(a.amount().add(b.amount()), a.currency());
    }

    @Override
    public List<ClientTotals> perClient(LocalDate from, LocalDate until, Currency currency) {
        unit.checkOpen();
        Map<ClientId, ClientTotals> totals = new LinkedHashMap<>();
        Map<ClientId, Set<List<String>>> documents = new LinkedHashMap<>();
        for (Fact fact : data.facts.values()) {
            if (fact.client().isEmpty() || !fact.currency().equals(currency) || fact.date().isBefore(from) || fact.date().isAfter(until)) {
                continue;
            }
            ClientId client = fact.client().get();
            boolean income = fact.amount().amount().signum() > 0;
            if (income) {
                documents.computeIfAbsent(client, c -> new HashSet<>()).add(List.of(fact.key().source(), fact.key().document()));
            }
            ClientTotals one = new ClientTotals(client, fact.amount(), fact.cost(), income ? Optional.of(fact.date()) : Optional.empty(), 0);
            totals.merge(client, one, (a, b) -> new ClientTotals(client, add(a.income(), b.income()), add(a.expense(), b.expense()),
                    later(a.lastIncome(), b.lastIncome()), 0));
        }
        List<ClientTotals> answer = new ArrayList<>();
        totals.forEach((client, t) -> answer.add(new ClientTotals(client, t.income(), t.expense(), t.lastIncome(),
                documents.getOrDefault(client, Set.of()).size())));
        return answer;
    }

    @Override
    public int replaceClasses(List<ClientClass> classes) {
        unit.writing();
        Map<ClientId, ClientClass> before = new LinkedHashMap<>(data.clientClasses);
        unit.onRollback(() -> {
            data.clientClasses.clear();
            data.clientClasses.putAll(before);
        });
        data.clientClasses.clear();
        classes.forEach(c -> data.clientClasses.put(c.client(), c));
        return before.size();
    }

    @Override
    public Optional<ClientClass> storedClasses(ClientId client) {
        unit.checkOpen();
        return Optional.ofNullable(data.clientClasses.get(client));
    }

    private static Optional<LocalDate> later(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }
}
