package org.crmkit.segment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.common.ClientGroupId;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealCriterion;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.PipelineStore;
import org.crmkit.deal.Stage;
import org.crmkit.deal.StageId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.storage.Stores;

/**
 * Finds what a rule names that the tenant no longer has ({@link SegmentRuleProblem}): properties,
 * groups, relationship types, pipelines and stages (in deal leaves, also inside a deal's
 * "client matching" leaf) and snapshot lists. Each kind of schema is read whole once per instance
 * (one instance may check many rules), lazily, only for the kinds of leaves the rules have. Stores the storage lacks (no deal feature) are not asked.
 */
final class RuleProblems {
    private final Stores stores;
    private List<Pipeline> pipelines;
    private List<RelationshipType> relationships;
    private java.util.Map<org.crmkit.property.PropertyKey, PropertyDefinition> properties;
    private Set<ClientGroupId> groups;
    private java.util.Map<SegmentId, Segment> segments;

    RuleProblems(Stores stores) {
        this.stores = stores;
    }

    List<SegmentRuleProblem> problems(Criterion<ClientCriterion> rule) {
        Set<SegmentRuleProblem> found = new LinkedHashSet<>();
        check(rule, found);
        return List.copyOf(found);
    }

    private void check(Criterion<ClientCriterion> rule, Set<SegmentRuleProblem> found) {
        for (ClientCriterion leaf : rule.leaves()) {
            if (leaf instanceof ClientCriterion.PropertyEquals) {
                String key = ((ClientCriterion.PropertyEquals) leaf).key().value();
                if (properties == null) {
                    properties = new java.util.HashMap<>();
                    stores.get(PropertyDefinitionStore.class).all().forEach(d -> properties.put(d.key(), d));
                }
                Optional<PropertyDefinition> definition = Optional.ofNullable(properties.get(((ClientCriterion.PropertyEquals) leaf).key()));
                if (definition.isEmpty()) {
                    found.add(new SegmentRuleProblem("property", key, "is unknown"));
                } else if (definition.get().archived()) {
                    found.add(new SegmentRuleProblem("property", key, "is archived"));
                }
            } else if (leaf instanceof ClientCriterion.InGroups) {
                if (groups == null) {
                    groups = new java.util.HashSet<>();
                    stores.get(ClientGroupStore.class).all().forEach(g -> groups.add(g.id()));
                }
                for (ClientGroupId group : ((ClientCriterion.InGroups) leaf).groups()) {
                    if (!groups.contains(group)) {
                        found.add(new SegmentRuleProblem("group", group.value().toString(), "is unknown"));
                    }
                }
            } else if (leaf instanceof ClientCriterion.RelationshipIs) {
                checkRelationship((ClientCriterion.RelationshipIs) leaf, found);
            } else if (leaf instanceof ClientCriterion.Having) {
                checkHaving((ClientCriterion.Having<?>) leaf, found);
            }
        }
    }

    private void checkRelationship(ClientCriterion.RelationshipIs leaf, Set<SegmentRuleProblem> found) {
        if (relationships == null) {
            relationships = new ArrayList<>(stores.get(RelationshipTypeStore.class).stored());
            RelationshipType.DEFAULTS.stream().filter(d -> relationships.stream().noneMatch(s -> s.id().equals(d.id())))
                    .forEach(relationships::add);
        }
        Optional<RelationshipType> type = relationships.stream().filter(t -> t.id().equals(leaf.relationship())).findFirst();
        if (type.isEmpty()) {
            found.add(new SegmentRuleProblem("relationship", leaf.relationship().toString(), "is unknown"));
        } else if (type.get().retired()) {
            found.add(new SegmentRuleProblem("relationship", leaf.relationship().toString(), "is retired"));
        }
    }

    @SuppressWarnings("unchecked")
    private void checkHaving(ClientCriterion.Having<?> having, Set<SegmentRuleProblem> found) {
        if (having.relation().equals(SegmentCriterion.LISTS)) {
            for (SegmentCriterion leaf : ((Criterion<SegmentCriterion>) having.criterion()).leaves()) {
                SegmentId list = ((SegmentCriterion.InList) leaf).list();
                if (segments == null) {
                    segments = new java.util.HashMap<>();
                    stores.get(SegmentStore.class).all().forEach(g -> segments.put(g.id(), g));
                }
                Optional<Segment> segment = Optional.ofNullable(segments.get(list));
                if (segment.isEmpty()) {
                    found.add(new SegmentRuleProblem("segment", list.toString(), "is deleted or unknown"));
                } else if (segment.get().kind() != SegmentKind.LIST) {
                    found.add(new SegmentRuleProblem("segment", list.toString(), "is not a snapshot list"));
                }
            }
        } else if (having.relation().equals(DealCriterion.OF_CLIENT)) {
            for (DealCriterion leaf : ((Criterion<DealCriterion>) having.criterion()).leaves()) {
                checkDeal(leaf, found);
            }
        }
    }

    private void checkDeal(DealCriterion leaf, Set<SegmentRuleProblem> found) {
        if (leaf instanceof DealCriterion.InPipeline) {
            if (pipelines().stream().noneMatch(p -> p.id().equals(((DealCriterion.InPipeline) leaf).pipeline()))) {
                found.add(new SegmentRuleProblem("pipeline", ((DealCriterion.InPipeline) leaf).pipeline().value().toString(), "is unknown"));
            }
        } else if (leaf instanceof DealCriterion.AtStage) {
            for (StageId id : ((DealCriterion.AtStage) leaf).stages()) {
                Optional<Stage> stage = pipelines().stream().flatMap(p -> p.stage(id).stream()).findFirst();
                if (stage.isEmpty()) {
                    found.add(new SegmentRuleProblem("stage", id.value().toString(), "is unknown"));
                } else if (stage.get().retired()) {
                    found.add(new SegmentRuleProblem("stage", id.value().toString() + " (" + stage.get().name() + ")", "is retired"));
                }
            }
        } else if (leaf instanceof DealCriterion.OfClient) {
            check(((DealCriterion.OfClient) leaf).client(), found);
        }
    }

    private List<Pipeline> pipelines() {
        if (pipelines == null) {
            pipelines = stores.get(PipelineStore.class).all();
        }
        return pipelines;
    }
}
