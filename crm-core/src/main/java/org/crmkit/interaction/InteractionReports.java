package org.crmkit.interaction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The two reports over interactions, each one read unit of work with one grouping statement for a
 * database store ({@link InteractionStore#analysis}, {@link InteractionStore#withoutInteractions});
 * a host calls them through {@link Interactions}, which keeps the feature's one entry point.
 */
final class InteractionReports {
    private final CrmContext context;

    InteractionReports(CrmContext context) {
        this.context = context;
    }

    InteractionAnalysis analysis(CalendarPeriod period) {
        ValidationException.required(period, "period");
        return context.read(work -> InteractionAnalysis.of(period, Optional.empty(),
                work.store(InteractionStore.class).analysis(counting(period).and(Interactions.visible(work)), visibleClients(work))));
    }

    AnalysisSummary analysisSummary(CalendarPeriod period) {
        ValidationException.required(period, "period");
        return context.read(work -> AnalysisSummary.of(period,
                work.store(InteractionStore.class).analysisCounts(counting(period).and(Interactions.visible(work)), visibleClients(work))));
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
            return InteractionAnalysis.of(period, Optional.of(client), work.store(InteractionStore.class)
                    .analysis(Criterion.and(counting(period), Interactions.visible(work), new InteractionCriterion.OfClient(only)), visibleClients(work).and(only)));
        });
    }

    /**
     * The clients without interactions in a period ({@link ClientsWithoutInteractions}): one
     * statement for a database store. {@code relationships} and {@code managers} narrow it to
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
        return context.read(work -> ClientsWithoutInteractions.of(period,
                work.store(InteractionStore.class).withoutInteractions(visibleClients(work).and(clients), counting(period))));
    }

    /** What the reports count: not cancelled, starting in the period. */
    private static Criterion<InteractionCriterion> counting(CalendarPeriod period) {
        return Criterion.and(Criterion.not(new InteractionCriterion.StateIn(Set.of(InteractionState.CANCELLED))),
                new InteractionCriterion.StartsIn(period));
    }

    private static Criterion<ClientCriterion> visibleClients(UnitOfWork work) {
        return work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
    }
}
