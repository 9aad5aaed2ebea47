package org.crmkit.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.criteria.Criterion;
import org.crmkit.interaction.AnalysisCount;
import org.crmkit.interaction.AnalysisRow;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionQuery;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.OccurrenceId;
import org.crmkit.interaction.OccurrenceOverride;
import org.crmkit.interaction.QuietClient;
import org.crmkit.interaction.Series;
import org.crmkit.common.NotFoundException;

/** Interactions in a tenant's map, criteria evaluated by {@link InteractionCriterion#matches}. */
final class MemoryInteractionStore implements InteractionStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryInteractionStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    private Predicate<Interaction> matching(Criterion<InteractionCriterion> where) {
        MemoryRelations related = new MemoryRelations(data);
        return i -> InteractionCriterion.matches(where, i, related);
    }

    @Override
    public Optional<Interaction> get(InteractionId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.interactions.get(id));
    }

    @Override
    public List<Interaction> find(InteractionQuery query) {
        unit.checkOpen();
        return data.interactions.values().stream().filter(matching(query.where())).sorted(query.order().comparator())
                .skip(query.offset()).limit(query.limit()).collect(Collectors.toList());
    }

    @Override
    public long count(Criterion<InteractionCriterion> where) {
        unit.checkOpen();
        return data.interactions.values().stream().filter(matching(where)).count();
    }

    @Override
    public List<Interaction> findAfter(Criterion<InteractionCriterion> where, Optional<InteractionId> after, int limit) {
        unit.checkOpen();
        return data.interactions.values().stream()
                .filter(i -> after.map(a -> SortOrder.UUIDS.compare(i.id().value(), a.value()) > 0).orElse(true))
                .filter(matching(where))
                .sorted(Comparator.comparing(i -> i.id().value(), SortOrder.UUIDS))
                .limit(limit).collect(Collectors.toList());
    }

    @Override
    public Interaction insert(Interaction interaction) {
        unit.writing();
        if (data.interactions.containsKey(interaction.id())) {
            throw new DuplicateException("id", interaction.id());
        }
        if (data.interactions.values().stream().anyMatch(i -> i.number() == interaction.number())) {
            throw new DuplicateException("number", interaction.number());
        }
        Interaction stored = interaction.withVersion(1);
        unit.put(data.interactions, interaction.id(), stored);
        return stored;
    }

    @Override
    public Interaction update(Interaction interaction) {
        unit.writing();
        Interaction current = data.interactions.get(interaction.id());
        MemoryUnit.checkVersion("interaction", interaction.id(), current == null ? -1 : current.version(), interaction.version());
        if (current.number() != interaction.number()
                && data.interactions.values().stream().anyMatch(i -> i.number() == interaction.number())) {
            throw new DuplicateException("number", interaction.number());
        }
        Interaction stored = interaction.withVersion(interaction.version() + 1);
        unit.put(data.interactions, interaction.id(), stored);
        return stored;
    }

    @Override
    public long reserveNumbers(int count) {
        unit.writing();
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long first = data.lastInteractionNumber + 1;
        data.lastInteractionNumber += count;
        return first;
    }

    @Override
    public List<AnalysisRow> analysis(Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients) {
        unit.checkOpen();
        MemoryRelations related = new MemoryRelations(data);
        List<AnalysisRow> rows = new ArrayList<>();
        data.interactions.values().stream().filter(i -> !i.recurs()).filter(matching(interactions)).forEach(i -> {
            List<Client> listed = new ArrayList<>();
            for (ClientId id : new LinkedHashSet<>(i.clients())) {
                Optional.ofNullable(data.clients.get(id)).filter(c -> ClientCriterion.matches(clients, c, related)).ifPresent(listed::add);
            }
            if (listed.isEmpty()) {
                rows.add(AnalysisRow.of(i, Optional.empty()));
            }
            listed.forEach(c -> rows.add(AnalysisRow.of(i, Optional.of(c))));
        });
        return rows;
    }

    @Override
    public List<AnalysisCount> analysisCounts(Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients) {
        record Line(EmployeeId responsible, Optional<ClientId> client, Optional<String> name, InteractionKind kind) {
        }
        Map<Line, Long> counts = new LinkedHashMap<>();
        Map<EmployeeId, Set<InteractionId>> distinct = new LinkedHashMap<>();
        for (AnalysisRow row : analysis(interactions, clients)) {
            counts.merge(new Line(row.responsible(), row.client(), row.clientName(), row.kind()), 1L, Long::sum);
            distinct.computeIfAbsent(row.responsible(), e -> new HashSet<>()).add(row.interaction());
        }
        List<AnalysisCount> answer = new ArrayList<>();
        counts.forEach((line, count) -> answer.add(AnalysisCount.of(line.responsible(), line.client(), line.name(), line.kind(), count)));
        distinct.forEach((employee, ids) -> answer.add(AnalysisCount.total(employee, ids.size())));
        return answer;
    }

    @Override
    public List<QuietClient> withoutInteractions(Criterion<ClientCriterion> clients, Criterion<InteractionCriterion> counting) {
        unit.checkOpen();
        MemoryRelations related = new MemoryRelations(data);
        Set<ClientId> active = data.interactions.values().stream().filter(i -> !i.recurs()).filter(matching(counting))
                .flatMap(i -> i.clients().stream()).collect(Collectors.toSet());
        return data.clients.values().stream().filter(c -> ClientCriterion.matches(clients, c, related)).filter(c -> !active.contains(c.id()))
                .map(QuietClient::of)
                .collect(Collectors.toList());
    }

    @Override
    public List<Series> series(Criterion<InteractionCriterion> where, Instant from, Instant until) {
        unit.checkOpen();
        Predicate<Interaction> matching = matching(where);
        return data.interactions.values().stream().filter(Interaction::recurs)
                .filter(i -> reaches(i, from, until) || overrides(i.id()).stream()
                        .anyMatch(o -> o.timing().startKey().isBefore(until) && !o.timing().endKey().isBefore(from)))
                .filter(matching)
                .sorted(Comparator.comparing(i -> i.id().value(), SortOrder.UUIDS))
                .map(i -> new Series(i, overrides(i.id()))).collect(Collectors.toList());
    }

    private static boolean reaches(Interaction series, Instant from, Instant until) {
        return series.timing().startKey().isBefore(until) && series.seriesEndBound().map(end -> !end.isBefore(from)).orElse(true);
    }

    @Override
    public List<OccurrenceOverride> overrides(InteractionId series) {
        unit.checkOpen();
        return data.occurrenceOverrides.values().stream().filter(o -> o.id().series().equals(series))
                .sorted(Comparator.comparing(o -> o.id().originalStart())).collect(Collectors.toList());
    }

    @Override
    public OccurrenceOverride saveOverride(OccurrenceOverride override) {
        unit.writing();
        if (!data.interactions.containsKey(override.id().series())) {
            throw new NotFoundException("interaction", override.id().series());
        }
        OccurrenceOverride current = data.occurrenceOverrides.get(override.id());
        MemoryUnit.checkVersion("occurrence", override.id(), current == null ? 0 : current.version(), override.version());
        OccurrenceOverride stored = override.withVersion(override.version() + 1);
        unit.put(data.occurrenceOverrides, override.id(), stored);
        return stored;
    }

    @Override
    public void deleteOverrides(InteractionId series, Collection<Instant> originalStarts) {
        unit.writing();
        originalStarts.forEach(start -> unit.remove(data.occurrenceOverrides, new OccurrenceId(series, start)));
    }
}
