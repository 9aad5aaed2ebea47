package org.crmkit.segment.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.deal.DealCriterion;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.ledger.ClientClassCriterion;
import org.crmkit.survey.SurveyCriterion;

/**
 * The one place where the leaf families of a rule are registered: the client's own leaves, and,
 * for each relation a {@code having} leaf may name, the family of the related records' leaves.
 * A new leaf is one codec line in its family's class; a new relation is one line below.
 */
public final class LeafCodecs {
    /** A relation of clients and the codecs of its leaves. */
    public record Related<M extends Criterion.Leaf<M>>(Relation<M> relation, LeafFamily<M> family) {
        public Related {
            ValidationException.required(relation, "relation");
            ValidationException.required(family, "family");
            if (relation.leaves() != family.leaves()) {
                throw new CrmException("the relation " + relation.name() + " has leaves " + relation.leaves().getName()
                        + ", the family " + family.leaves().getName());
            }
        }
    }

    private LeafCodecs() {
    }

    /** Built on first use, so that the families may refer to each other (a having inside an of-client). */
    private static final class Registry {
        static final LeafFamily<ClientCriterion> CLIENT = ClientLeafCodecs.family();
        static final Map<String, Related<?>> RELATED = relations(
                new Related<>(ContactPersonCriterion.OF_CLIENT, ContactPersonLeafCodecs.family()),
                new Related<>(InteractionCriterion.OF_CLIENT, InteractionLeafCodecs.family()),
                new Related<>(DealCriterion.OF_CLIENT, DealLeafCodecs.family()),
                new Related<>(ConsentCriterion.IN_EFFECT, ConsentLeafCodecs.consents()),
                new Related<>(SuppressionCriterion.OF_CLIENT, ConsentLeafCodecs.suppressions()),
                new Related<>(SurveyCriterion.LAST_SCORES, SurveyLeafCodecs.family()),
                new Related<>(ClientClassCriterion.OF_CLIENT, LedgerLeafCodecs.family()),
                new Related<>(org.crmkit.segment.SegmentCriterion.LISTS, SegmentLeafCodecs.family()));

        private static Map<String, Related<?>> relations(Related<?>... related) {
            Map<String, Related<?>> byName = new LinkedHashMap<>();
            for (Related<?> r : related) {
                if (byName.put(r.relation().name(), r) != null) {
                    throw new CrmException("two families for the relation " + r.relation().name());
                }
            }
            return byName;
        }
    }

    /** The codecs of the client's own leaves: a rule's root family. */
    public static LeafFamily<ClientCriterion> client() {
        return Registry.CLIENT;
    }

    /** The family registered for a relation's name. */
    public static Optional<Related<?>> related(String relation) {
        ValidationException.required(relation, "relation");
        return Optional.ofNullable(Registry.RELATED.get(relation));
    }

    /** The family registered for this relation, or a {@link ValidationException} naming it. */
    @SuppressWarnings("unchecked")
    public static <M extends Criterion.Leaf<M>> Related<M> related(Relation<M> relation) {
        ValidationException.required(relation, "relation");
        Related<?> related = Registry.RELATED.get(relation.name());
        if (related == null || !related.relation().equals(relation)) {
            throw new ValidationException("relation", relation.name(), "has no JSON codecs (register its family in LeafCodecs)");
        }
        return (Related<M>) related;
    }

    /** The names of the registered relations. */
    public static List<String> relationNames() {
        return List.copyOf(Registry.RELATED.keySet());
    }
}
