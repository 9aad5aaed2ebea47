package org.crmkit.memory;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.crmkit.client.Client;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.CrmException;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.ledger.ClientClassCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealCriterion;
import org.crmkit.criteria.Relation;
import org.crmkit.survey.SurveyCriterion;

/**
 * Answers the leaves on related records straight from a tenant's maps: one entry per relation a
 * feature declares ({@code ContactPersonCriterion.OF_CLIENT}: the persons of a client).
 */
final class MemoryRelations implements ContactPersonCriterion.Related, DealCriterion.Related, InteractionCriterion.Related {
    private final MemoryTenant data;
    private final Map<String, BiPredicate<ClientId, Criterion<?>>> relations;

    @SuppressWarnings("unchecked")
    MemoryRelations(MemoryTenant data) {
        this.data = data;
        this.relations = Map.of(
                ContactPersonCriterion.OF_CLIENT.name(), (client, criterion) -> data.persons.values().stream()
                        .anyMatch(p -> p.client().equals(client)
                                && ContactPersonCriterion.matches((Criterion<ContactPersonCriterion>) criterion, p, this)),
                DealCriterion.OF_CLIENT.name(), (client, criterion) -> data.deals.values().stream()
                        .anyMatch(d -> d.client().equals(client) && DealCriterion.matches((Criterion<DealCriterion>) criterion, d, this)),
                InteractionCriterion.OF_CLIENT.name(), (client, criterion) -> data.interactions.values().stream()
                        .anyMatch(i -> i.clients().contains(client)
                                && InteractionCriterion.matches((Criterion<InteractionCriterion>) criterion, i, this)),
                SurveyCriterion.LAST_SCORES.name(), (client, criterion) -> MemorySurveyStore.lastScores(data, client).stream()
                        .anyMatch(s -> SurveyCriterion.matches((Criterion<SurveyCriterion>) criterion, s)),
                ClientClassCriterion.OF_CLIENT.name(), (client, criterion) -> Optional.ofNullable(data.clientClasses.get(client))
                        .filter(k -> ClientClassCriterion.matches((Criterion<ClientClassCriterion>) criterion, k)).isPresent(),
                ConsentCriterion.IN_EFFECT.name(), (client, criterion) -> MemoryConsentStore.inEffect(data, client).stream()
                        .anyMatch(e -> ConsentCriterion.matches((Criterion<ConsentCriterion>) criterion, e)),
                SuppressionCriterion.OF_CLIENT.name(), (client, criterion) -> MemoryConsentStore.suppressedOf(data, client).stream()
                        .anyMatch(s -> SuppressionCriterion.matches((Criterion<SuppressionCriterion>) criterion, s)),
                org.crmkit.segment.SegmentCriterion.LISTS.name(), (client, criterion) -> data.listMembers.entrySet().stream()
                        .anyMatch(e -> e.getValue().containsKey(client)
                                && org.crmkit.segment.SegmentCriterion.matches((Criterion<org.crmkit.segment.SegmentCriterion>) criterion, e.getKey())));
    }

    @Override
    public Optional<Client> client(ClientId id) {
        return Optional.ofNullable(data.clients.get(id));
    }

    @Override
    public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
        BiPredicate<ClientId, Criterion<?>> answer = relations.get(relation.name());
        if (answer == null) {
            throw new CrmException("the in-memory storage knows no relation " + relation.name());
        }
        return answer.test(client, criterion);
    }
}
