package org.crmkit.consent;

import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;

/**
 * Conditions on the suppressed addresses of a client (e-mail addresses and phone numbers on its
 * card or its contact persons' cards that are on the suppression list): through {@link #OF_CLIENT}
 * in a {@link ClientCriterion.Having}. {@link #isSuppressed()} is "any of them".
 */
public sealed interface SuppressionCriterion extends Criterion.Leaf<SuppressionCriterion> {

    /** The suppression rows of the addresses on a client's and its contact persons' cards. */
    Relation<SuppressionCriterion> OF_CLIENT = new Relation<>("suppressed-addresses", SuppressionCriterion.class);

    boolean test(Suppression suppression);

    <R> R accept(Visitor<R> visitor);

    static boolean matches(Criterion<SuppressionCriterion> criterion, Suppression suppression) {
        return criterion.holds(leaf -> leaf.test(suppression));
    }

    /** Clients any of whose addresses is suppressed. */
    static ClientCriterion isSuppressed() {
        return new ClientCriterion.Having<>(OF_CLIENT, Criterion.all());
    }

    /** Clients with an address suppressed for one of {@code reasons}. */
    static ClientCriterion isSuppressedFor(SuppressionReason... reasons) {
        return new ClientCriterion.Having<>(OF_CLIENT, new ReasonIn(Set.copyOf(ValidationException.requiredElements("reasons", reasons))));
    }

    interface Visitor<R> {
        R reasonIn(ReasonIn criterion);
    }

    /** The address is suppressed for one of these reasons (at least one). */
    record ReasonIn(Set<SuppressionReason> reasons) implements SuppressionCriterion {
        public ReasonIn {
            reasons = Set.copyOf(ValidationException.requiredElements(reasons, "reasons"));
            if (reasons.isEmpty()) {
                throw new ValidationException("reasons", reasons, "must name at least one reason");
            }
        }

        @Override
        public boolean test(Suppression suppression) {
            return reasons.contains(suppression.reason());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reasonIn(this);
        }
    }
}
