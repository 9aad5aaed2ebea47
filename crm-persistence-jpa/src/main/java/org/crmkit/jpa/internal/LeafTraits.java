package org.crmkit.jpa.internal;

import org.crmkit.client.ClientCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.property.PropertyCondition;

/**
 * What the page planner needs to know of a criterion leaf, decided for every leaf in one exhaustive
 * visitor: a leaf added to {@link ClientCriterion} does not compile until its traits are written here.
 *
 * @param selective picks out a handful of clients by a key (code, INN, phone, e-mail, ids): see
 *                  {@link ClientPages#selective}
 * @param selectsIds becomes {@code c.id IN (…)} on H2: see {@link ClientPages#selectsIds}
 * @param onWordRows tests only columns a word row holds of its client: see {@link ClientPages#onWordRows}
 * @param fragment searches a name fragment ({@code LIKE '%…%'}): see {@link ClientPages#searchesFragments}
 * @param namesKeys becomes, on H2, a list of whole (tenant_id, column) keys that must match
 */
record LeafTraits(boolean selective, boolean selectsIds, boolean onWordRows, boolean fragment, boolean namesKeys) {
    private static final LeafTraits NONE = new LeafTraits(false, false, false, false, false);
    private static final LeafTraits ON_WORD_ROWS = new LeafTraits(false, false, true, false, false);

    /** The traits of a leaf; a combinator ({@code And}, {@code Or}, …) has none of them itself. */
    static LeafTraits of(Criterion<ClientCriterion> part) {
        return part instanceof ClientCriterion ? ((ClientCriterion) part).accept(VISITOR) : NONE;
    }

    private static final ClientCriterion.Visitor<LeafTraits> VISITOR = new ClientCriterion.Visitor<>() {
        @Override
        public LeafTraits idIn(ClientCriterion.IdIn criterion) {
            return new LeafTraits(true, !criterion.ids().isEmpty(), false, false, false);
        }

        @Override
        public LeafTraits managedBy(ClientCriterion.ManagedBy criterion) {
            return new LeafTraits(false, false, true, false, !criterion.managers().isEmpty());
        }

        @Override
        public LeafTraits nameContains(ClientCriterion.NameContains criterion) {
            return new LeafTraits(false, false, false, true, false);
        }

        @Override
        public LeafTraits nameStartsWith(ClientCriterion.NameStartsWith criterion) {
            return ON_WORD_ROWS;
        }

        @Override
        public LeafTraits nameWordStartsWith(ClientCriterion.NameWordStartsWith criterion) {
            return new LeafTraits(false, true, false, false, false);
        }

        @Override
        public LeafTraits codeIs(ClientCriterion.CodeIs criterion) {
            return new LeafTraits(true, false, true, false, false);
        }

        @Override
        public LeafTraits codeIn(ClientCriterion.CodeIn criterion) {
            return new LeafTraits(true, false, true, false, !criterion.codes().isEmpty());
        }

        @Override
        public LeafTraits innIs(ClientCriterion.InnIs criterion) {
            return new LeafTraits(true, false, true, false, false);
        }

        @Override
        public LeafTraits phoneIs(ClientCriterion.PhoneIs criterion) {
            return new LeafTraits(true, true, false, false, false);
        }

        @Override
        public LeafTraits emailIs(ClientCriterion.EmailIs criterion) {
            return new LeafTraits(true, true, false, false, false);
        }

        @Override
        public LeafTraits phoneEndsWith(ClientCriterion.PhoneEndsWith criterion) {
            return new LeafTraits(true, true, false, false, false);
        }

        @Override
        public LeafTraits emailStartsWith(ClientCriterion.EmailStartsWith criterion) {
            return new LeafTraits(true, true, false, false, false);
        }

        @Override
        public LeafTraits emailEndsWith(ClientCriterion.EmailEndsWith criterion) {
            return new LeafTraits(true, true, false, false, false);
        }

        @Override
        public LeafTraits inGroups(ClientCriterion.InGroups criterion) {
            return new LeafTraits(false, false, true, false, !criterion.groups().isEmpty());
        }

        @Override
        public LeafTraits kindIs(ClientCriterion.KindIs criterion) {
            return ON_WORD_ROWS;
        }

        @Override
        public LeafTraits relationshipIs(ClientCriterion.RelationshipIs criterion) {
            return ON_WORD_ROWS;
        }

        @Override
        public LeafTraits archived(ClientCriterion.Archived criterion) {
            return ON_WORD_ROWS;
        }

        @Override
        public LeafTraits registeredOnOrBefore(ClientCriterion.RegisteredOnOrBefore criterion) {
            return NONE;
        }

        @Override
        public LeafTraits propertyEquals(ClientCriterion.PropertyEquals criterion) {
            return new LeafTraits(false, true, false, false, false);
        }

        @Override
        public LeafTraits having(ClientCriterion.Having<?> criterion) {
            return NONE;
        }

        /** On H2 an id list, except for the conditions a missing value satisfies (a NOT of one). */
        @Override
        public LeafTraits propertyMatches(ClientCriterion.PropertyMatches criterion) {
            boolean negative = criterion.condition() instanceof PropertyCondition.NotEqualTo
                    || criterion.condition() instanceof PropertyCondition.Empty || criterion.condition() instanceof PropertyCondition.AllOf;
            return negative ? NONE : new LeafTraits(false, true, false, false, false);
        }

        @Override
        public LeafTraits hasEmail(ClientCriterion.HasEmail criterion) {
            return new LeafTraits(false, true, false, false, false);
        }

        @Override
        public LeafTraits hasMobilePhone(ClientCriterion.HasMobilePhone criterion) {
            return new LeafTraits(false, true, false, false, false);
        }
    };
}
