package org.crmkit.ledger;

import java.util.Set;

import org.crmkit.client.ClientCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.common.ValidationException;

/**
 * The conditions on a client's stored classes ({@link ClientClass}): through {@link #OF_CLIENT} in
 * a {@link ClientCriterion.Having}, "clients of class A", "clients whose recency is at least 4".
 * A client without stored classes (never recomputed, or no facts in the period) has no such
 * record, so Having is false and its NOT true; a client without RFM scores matches no
 * {@link ScoreBetween}. Every leaf is two-valued, so NOT means the same in memory and in SQL.
 */
public sealed interface ClientClassCriterion extends Criterion.Leaf<ClientClassCriterion> {

    /** A client's stored classes, for {@link ClientCriterion.Having}. */
    Relation<ClientClassCriterion> OF_CLIENT = new Relation<>("client-classes", ClientClassCriterion.class);

    /** The three RFM measures. */
    enum Measure {
        RECENCY, FREQUENCY, MONETARY
    }

    boolean test(ClientClass classes);

    <R> R accept(Visitor<R> visitor);

    /** Whether the stored classes satisfy the tree, in memory. */
    static boolean matches(Criterion<ClientClassCriterion> criterion, ClientClass classes) {
        return criterion.holds(leaf -> leaf.test(classes));
    }

    /** "Clients whose stored classes match {@code criterion}". */
    static ClientCriterion clientsWith(Criterion<ClientClassCriterion> criterion) {
        return new ClientCriterion.Having<>(OF_CLIENT, criterion);
    }

    /** One method per leaf: a translator that forgets one does not compile. */
    interface Visitor<R> {
        R gradeIn(GradeIn criterion);

        R scoreBetween(ScoreBetween criterion);
    }

    /** The client's ABC grade is one of these (at least one). */
    record GradeIn(Set<ClientClasses.Grade> grades) implements ClientClassCriterion {
        public GradeIn {
            grades = Set.copyOf(ValidationException.requiredElements(grades, "grades"));
            if (grades.isEmpty()) {
                throw new ValidationException("grades", grades, "names no grade; Criterion.none() selects nothing");
            }
        }

        /** The grade is one of {@code grades}. */
        public static GradeIn of(ClientClasses.Grade... grades) {
            return new GradeIn(Set.copyOf(ValidationException.requiredElements("grades", grades)));
        }

        @Override
        public boolean test(ClientClass classes) {
            return grades.contains(classes.grade());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.gradeIn(this);
        }
    }

    /** The client has RFM scores and the one of {@code measure} is from {@code min} to {@code max}. */
    record ScoreBetween(Measure measure, int min, int max) implements ClientClassCriterion {
        public ScoreBetween {
            ValidationException.required(measure, "measure");
            if (min < 1 || min > 5) {
                throw new ValidationException("min", min, "must be a score from 1 to 5");
            }
            if (max < min || max > 5) {
                throw new ValidationException("max", max, "must be a score from min " + min + " to 5");
            }
        }

        @Override
        public boolean test(ClientClass classes) {
            return classes.rfm().filter(s -> s.of(measure) >= min && s.of(measure) <= max).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.scoreBetween(this);
        }
    }
}
