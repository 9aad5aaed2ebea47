package org.crmkit.survey;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;

/**
 * The conditions on a client's last scores ({@link LastScore}): through {@link #LAST_SCORES} in a
 * {@link ClientCriterion.Having}, "clients whose last score on question Q of template T is between
 * a and b" ({@link #lastScore}). The in-memory store evaluates {@link #test}; a database store
 * translates each leaf through the exhaustive {@link Visitor}; every leaf is two-valued, so NOT
 * means the same in both (a client without a score on Q has no such record: Having is false and
 * its NOT true).
 */
public sealed interface SurveyCriterion extends Criterion.Leaf<SurveyCriterion> {

    /** A client's last scores, one per template and question they scored. */
    Relation<SurveyCriterion> LAST_SCORES = new Relation<>("survey-last-scores", SurveyCriterion.class);

    boolean test(LastScore score);

    <R> R accept(Visitor<R> visitor);

    /** Whether the last score satisfies the tree, in memory. */
    static boolean matches(Criterion<SurveyCriterion> criterion, LastScore score) {
        return criterion.holds(leaf -> leaf.test(score));
    }

    /** Clients whose last score on {@code question} of {@code template} is from {@code min} to {@code max}. */
    static ClientCriterion lastScore(TemplateId template, String question, int min, int max) {
        return new ClientCriterion.Having<>(LAST_SCORES, new ScoreBetween(template, question, min, max));
    }

    /** One method per leaf: a translator that forgets one does not compile. */
    interface Visitor<R> {
        R scoreBetween(ScoreBetween criterion);
    }

    /** The last score is on {@code question} of {@code template} and from {@code min} to {@code max}, both included. */
    record ScoreBetween(TemplateId template, String question, int min, int max) implements SurveyCriterion {
        public ScoreBetween {
            ValidationException.required(template, "template");
            ValidationException.required(question, "question");
            if (min < 0 || max > 10) {
                throw new ValidationException(min < 0 ? "min" : "max", min < 0 ? min : max, "is outside every scale (0–10)");
            }
            if (max < min) {
                throw new ValidationException("max", max, "is below min " + min);
            }
        }

        @Override
        public boolean test(LastScore score) {
            return score.template().equals(template) && score.question().equals(question) && score.score() >= min && score.score() <= max;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.scoreBetween(this);
        }
    }
}
