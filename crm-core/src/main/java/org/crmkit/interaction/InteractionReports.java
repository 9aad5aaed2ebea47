package org.crmkit.interaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The two reports over interactions, each one read unit of work; a host calls them through
 * {@link Interactions}, which keeps the feature's one entry point.
 *
 * <p>An interaction counts when it is not cancelled and starts in the period. For a series that is
 * each of its occurrences: one whose own start (after a move) is in the period and whose own state
 * is not cancelled counts as an interaction of its own, under its own responsible employee (the
 * one it kept at a hand-over, else the series'); a cancelled series counts nothing. So a report
 * reads twice for a database store: the single interactions, grouped by one statement
 * ({@link InteractionStore#analysis}, {@link InteractionStore#analysisCounts},
 * {@link InteractionStore#withoutInteractions}, which leave series out), and the series that may
 * reach into the period with their overrides ({@link InteractionStore#series}, one statement),
 * expanded here by the same code as the calendar ({@link Occurrences#occurrences}) and merged into
 * the rows. The analysis and its summary read a third time when an occurrence counts, for the
 * short names of the series' clients (one statement per ten thousand clients).
 */
final class InteractionReports {
    private final CrmContext context;

    InteractionReports(CrmContext context) {
        this.context = context;
    }

    InteractionAnalysis analysis(CalendarPeriod period) {
        ValidationException.required(period, "period");
        return context.read(work -> {
            List<AnalysisRow> rows = new ArrayList<>(work.store(InteractionStore.class).analysis(counting(period).and(Interactions.visible(work)),
                    visibleClients(work)));
            rows.addAll(occurrenceRows(work, Interactions.visible(work), visibleClients(work), period));
            return InteractionAnalysis.of(period, Optional.empty(), rows);
        });
    }

    AnalysisSummary analysisSummary(CalendarPeriod period) {
        ValidationException.required(period, "period");
        return context.read(work -> {
            List<AnalysisCount> counts = new ArrayList<>(work.store(InteractionStore.class)
                    .analysisCounts(counting(period).and(Interactions.visible(work)), visibleClients(work)));
            counts.addAll(counted(occurrenceRows(work, Interactions.visible(work), visibleClients(work), period)));
            return AnalysisSummary.of(period, counts);
        });
    }

    /**
     * The interaction analysis of one client: its interactions in the period, listed under it only.
     * A client that does not exist, or that the actor may not see, is refused naming {@code client}.
     */
    InteractionAnalysis analysis(ClientId client, CalendarPeriod period) {
        ValidationException.required(client, "client");
        ValidationException.required(period, "period");
        return context.read(work -> {
            if (Interactions.visibleClients(work, Set.of(client)).isEmpty()) {
                throw new ValidationException("client", client, "is not a client (or not one you may see)");
            }
            Criterion<ClientCriterion> only = new ClientCriterion.IdIn(Set.of(client));
            Criterion<InteractionCriterion> ofClient = Interactions.visible(work).and(new InteractionCriterion.OfClient(only));
            List<AnalysisRow> rows = new ArrayList<>(work.store(InteractionStore.class)
                    .analysis(counting(period).and(ofClient), visibleClients(work).and(only)));
            rows.addAll(occurrenceRows(work, ofClient, visibleClients(work).and(only), period));
            return InteractionAnalysis.of(period, Optional.of(client), rows);
        });
    }

    /**
     * The clients without interactions in a period ({@link ClientsWithoutInteractions}): one
     * statement for the single interactions and one for the series of the clients asked for; a
     * client with an occurrence that counts in the period has interactions. {@code relationships} and {@code managers} narrow it to
     * clients of one of those types or main managers; an empty set does not narrow. A client
     * registered after the period's last day is not listed: it was not a client then
     * ({@link ClientCriterion.RegisteredOnOrBefore}, part of the statement).
     */
    ClientsWithoutInteractions withoutInteractions(CalendarPeriod period, Set<RelationshipTypeId> relationships,
                                                          Set<EmployeeId> managers) {
        ValidationException.required(period, "period");
        ValidationException.requiredElements(relationships, "relationships");
        ValidationException.requiredElements(managers, "managers");
        List<Criterion<ClientCriterion>> types = relationships.stream().sorted(Comparator.comparing(RelationshipTypeId::value))
                .<Criterion<ClientCriterion>>map(ClientCriterion.RelationshipIs::new).collect(Collectors.toList());
        Criterion<ClientCriterion> wanted = Criterion.and(new ClientCriterion.Archived(false),
                new ClientCriterion.RegisteredOnOrBefore(period.lastDay()));
        if (!types.isEmpty()) {
            wanted = wanted.and(new Criterion.Or<>(types));
        }
        if (!managers.isEmpty()) {
            wanted = wanted.and(new ClientCriterion.ManagedBy(managers));
        }
        Criterion<ClientCriterion> clients = wanted;
        return context.read(work -> {
            Criterion<ClientCriterion> asked = visibleClients(work).and(clients);
            Set<ClientId> active = new HashSet<>();
            countedOccurrences(work, new InteractionCriterion.OfClient(asked), period).forEach(o -> active.addAll(o.interaction().clients()));
            List<QuietClient> quiet = work.store(InteractionStore.class).withoutInteractions(asked, counting(period)).stream()
                    .filter(c -> !active.contains(c.client())).collect(Collectors.toList());
            return ClientsWithoutInteractions.of(period, quiet);
        });
    }

    /**
     * The occurrences of the series matching {@code where} that count in the period: their own
     * start in it, their own state not cancelled; a cancelled series counts nothing. One read of
     * the series with their overrides, expanded in each series' zone by {@link Occurrences#occurrences}.
     */
    private static List<Occurrence> countedOccurrences(UnitOfWork work, Criterion<InteractionCriterion> where, CalendarPeriod period) {
        // an all-day occurrence's start is midnight UTC of its day: two days either side take in every day of the period in any zone
        Instant from = period.from().minus(2, ChronoUnit.DAYS);
        Instant until = period.until().plus(2, ChronoUnit.DAYS);
        Criterion<InteractionCriterion> notCancelled = Criterion.not(new InteractionCriterion.StateIn(Set.of(InteractionState.CANCELLED)));
        List<Occurrence> counted = new ArrayList<>();
        for (Series series : work.store(InteractionStore.class).series(where.and(notCancelled), from, until)) {
            counted.addAll(Occurrences.occurrences(series, Occurrences.zoneOf(work, series.interaction()), from, until,
                    o -> o.state() != InteractionState.CANCELLED && o.timing().startsIn(period)));
        }
        return counted;
    }

    /**
     * The analysis rows of the occurrences that count: each under every client of its series that
     * matches {@code clients} (short names read in one statement), or under none.
     */
    private static List<AnalysisRow> occurrenceRows(UnitOfWork work, Criterion<InteractionCriterion> where, Criterion<ClientCriterion> clients,
                                                    CalendarPeriod period) {
        List<Occurrence> counted = countedOccurrences(work, where, period);
        List<ClientId> named = counted.stream().flatMap(o -> o.interaction().clients().stream()).distinct().collect(Collectors.toList());
        Map<ClientId, ClientSummary> listed = new HashMap<>();
        for (int first = 0; first < named.size(); first += ClientQuery.MAX_LIMIT) {
            List<ClientId> chunk = named.subList(first, Math.min(named.size(), first + ClientQuery.MAX_LIMIT));
            work.store(ClientStore.class).summaries(new ClientQuery(clients.and(new ClientCriterion.IdIn(Set.copyOf(chunk))), ClientQuery.Order.CODE,
                    0, chunk.size())).forEach(c -> listed.put(c.id(), c));
        }
        List<AnalysisRow> rows = new ArrayList<>();
        for (Occurrence o : counted) {
            List<ClientSummary> under = new LinkedHashSet<>(o.interaction().clients()).stream().map(listed::get).filter(Objects::nonNull)
                    .collect(Collectors.toList());
            if (under.isEmpty()) {
                rows.add(AnalysisRow.of(o, Optional.empty(), Optional.empty()));
            }
            under.forEach(c -> rows.add(AnalysisRow.of(o, Optional.of(c.id()), Optional.of(c.shortName()))));
        }
        return rows;
    }

    /** Rows counted as {@link InteractionStore#analysisCounts} counts them: per employee, client and kind, and each employee's distinct ones. */
    private static List<AnalysisCount> counted(List<AnalysisRow> rows) {
        record Line(EmployeeId responsible, Optional<ClientId> client, Optional<String> name, InteractionKind kind) {
        }
        Map<Line, Long> counts = new LinkedHashMap<>();
        Map<EmployeeId, Set<List<Object>>> distinct = new LinkedHashMap<>();
        for (AnalysisRow row : rows) {
            counts.merge(new Line(row.responsible(), row.client(), row.clientName(), row.kind()), 1L, Long::sum);
            distinct.computeIfAbsent(row.responsible(), e -> new HashSet<>()).add(Arrays.asList(row.interaction(), row.originalStart().orElse(null)));
        }
        List<AnalysisCount> answer = new ArrayList<>();
        counts.forEach((line, count) -> answer.add(AnalysisCount.of(line.responsible(), line.client(), line.name(), line.kind(), count)));
        distinct.forEach((employee, ids) -> answer.add(AnalysisCount.total(employee, ids.size())));
        return answer;
    }

    /** What the reports count among single interactions (the store leaves series out): not cancelled, starting in the period. */
    private static Criterion<InteractionCriterion> counting(CalendarPeriod period) {
        return Criterion.and(Criterion.not(new InteractionCriterion.StateIn(Set.of(InteractionState.CANCELLED))),
                new InteractionCriterion.StartsIn(period));
    }

    private static Criterion<ClientCriterion> visibleClients(UnitOfWork work) {
        return work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
    }
}
