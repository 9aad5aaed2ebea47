package org.crmkit.ledger;

import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;

/**
 * A client's classes as last recomputed ({@link Ledger#recomputeClasses}): its ABC grade (every
 * client with facts in the period has one), and its RFM scores when it had a positive income in
 * the period. Kept so that client queries and segment rules can select by them
 * ({@link ClientClassCriterion}); a recomputation replaces them all.
 */
public record ClientClass(ClientId client, ClientClasses.Grade grade, Optional<Scores> rfm) {
    public ClientClass {
        ValidationException.required(client, "client");
        ValidationException.required(grade, "grade");
        ValidationException.required(rfm, "rfm");
    }

    /** RFM scores, each 1 (worst) to 5 (best). */
    public record Scores(int recency, int frequency, int monetary) {
        public Scores {
            check("recency", recency);
            check("frequency", frequency);
            check("monetary", monetary);
        }

        private static void check(String field, int score) {
            if (score < 1 || score > 5) {
                throw new ValidationException(field, score, "must be a score from 1 to 5");
            }
        }

        /** The score of one measure. */
        public int of(ClientClassCriterion.Measure measure) {
            switch (ValidationException.required(measure, "measure")) {
                case RECENCY:
                    return recency;
                case FREQUENCY:
                    return frequency;
                default:
                    return monetary;
            }
        }
    }

    /** Each client's stored classes as {@code classes} gives them: its grade, and its scores if it was scored. */
    static java.util.List<ClientClass> of(ClientClasses classes) {
        return classes.abc().stream().map(a -> new ClientClass(a.client(), a.grade(),
                classes.rfmOf(a.client()).map(r -> new Scores(r.recency(), r.frequency(), r.monetary())))).toList();
    }
}
