package org.crmkit.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.SortOrder;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.Deal;
import org.crmkit.deal.DealCriterion;
import org.crmkit.deal.DealId;
import org.crmkit.deal.DealStore;

/** Deals in a tenant's map: criteria evaluated in memory, pages by id as SQL orders uuids. */
final class MemoryDealStore implements DealStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryDealStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    private Predicate<Deal> matching(Criterion<DealCriterion> criterion) {
        MemoryRelations related = new MemoryRelations(data);
        return deal -> DealCriterion.matches(criterion, deal, related);
    }

    @Override
    public Optional<Deal> get(DealId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.deals.get(id));
    }

    @Override
    public List<Deal> findAfter(Criterion<DealCriterion> where, Optional<DealId> after, int limit) {
        unit.checkOpen();
        return data.deals.values().stream()
                .filter(d -> after.map(a -> SortOrder.UUIDS.compare(d.id().value(), a.value()) > 0).orElse(true))
                .filter(matching(where))
                .sorted(Comparator.comparing(d -> d.id().value(), SortOrder.UUIDS))
                .limit(limit).collect(Collectors.toList());
    }

    @Override
    public long count(Criterion<DealCriterion> where) {
        unit.checkOpen();
        return data.deals.values().stream().filter(matching(where)).count();
    }

    @Override
    public Deal insert(Deal deal) {
        unit.writing();
        if (deal.version() != 0) {
            throw new CrmException("deal " + deal.id() + " has version " + deal.version() + "; insert only new deals");
        }
        if (data.deals.values().stream().anyMatch(d -> d.number() == deal.number())) {
            throw new DuplicateException("number", deal.number());
        }
        return unit.insertNew(data.deals, deal.id(), deal.withVersion(1), "id", deal.id());
    }

    @Override
    public Deal update(Deal deal) {
        Deal current = data.deals.get(deal.id());
        if (current != null && current.number() != deal.number() && data.deals.values().stream().anyMatch(d -> d.number() == deal.number())) {
            throw new DuplicateException("number", deal.number());
        }
        return unit.replaceVersioned(data.deals, deal.id(), deal.version(), Deal::version, deal.withVersion(deal.version() + 1), "deal");
    }

    @Override
    public long reserveNumbers(int count) {
        unit.writing();
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long first = data.lastDealNumber + 1;
        data.lastDealNumber += count;
        return first;
    }
}
