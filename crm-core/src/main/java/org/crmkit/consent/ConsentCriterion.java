package org.crmkit.consent;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;

/**
 * Conditions on the consents in effect of a client, for segments: through {@link #IN_EFFECT} in a
 * {@link ClientCriterion.Having}. A consent is in effect when it is the latest entry of its key,
 * grants, its address is still on the card of its subject (the client, or one of the client's
 * contact persons), and, for marketing, the address is not suppressed. The in-memory store
 * evaluates {@link #test}; a database store translates each leaf through the exhaustive
 * {@link Visitor}; every leaf is two-valued, so NOT means the same in both.
 */
public sealed interface ConsentCriterion extends Criterion.Leaf<ConsentCriterion> {

    /** A client's consents in effect now (its own and its contact persons'). */
    Relation<ConsentCriterion> IN_EFFECT = new Relation<>("consents-in-effect", ConsentCriterion.class);

    boolean test(ConsentEntry granted);

    <R> R accept(Visitor<R> visitor);

    static boolean matches(Criterion<ConsentCriterion> criterion, ConsentEntry granted) {
        return criterion.holds(leaf -> leaf.test(granted));
    }

    /** Clients with a consent in effect for {@code channel} and {@code purpose} now. */
    static ClientCriterion hasConsent(Channel channel, Purpose purpose) {
        return new ClientCriterion.Having<>(IN_EFFECT, new For(channel, purpose));
    }

    /** One method per leaf: a translator that forgets one does not compile. */
    interface Visitor<R> {
        R forChannelAndPurpose(For criterion);
    }

    /** The consent is for this channel and purpose. */
    record For(Channel channel, Purpose purpose) implements ConsentCriterion {
        public For {
            ValidationException.required(channel, "channel");
            ValidationException.required(purpose, "purpose");
        }

        @Override
        public boolean test(ConsentEntry granted) {
            return granted.key().channel() == channel && granted.key().purpose().equals(purpose);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.forChannelAndPurpose(this);
        }
    }
}
