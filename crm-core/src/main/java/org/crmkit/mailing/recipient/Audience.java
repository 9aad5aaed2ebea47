package org.crmkit.mailing.recipient;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * The clients a mailing is for. Today a rule over clients ({@link #ofRule}); a saved segment or a
 * snapshot list become further records here, and the resolver meets them through {@link Visitor}.
 */
public sealed interface Audience permits Audience.Rule {
    /** The clients matching {@code rule} when the mailing is resolved (archived clients never). */
    static Audience ofRule(Criterion<ClientCriterion> rule) {
        return new Rule(rule);
    }

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of audience. */
    interface Visitor<R> {
        R rule(Rule rule);
    }

    /** The clients a rule selects. */
    record Rule(Criterion<ClientCriterion> rule) implements Audience {
        public Rule {
            ValidationException.required(rule, "rule");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rule(this);
        }
    }
}
