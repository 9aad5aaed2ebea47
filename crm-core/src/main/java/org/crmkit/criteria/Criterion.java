package org.crmkit.criteria;

import org.crmkit.common.ValidationException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A condition on one kind of record, as data: a tree of the combinators below over leaves of
 * type {@code L}, the sealed leaf set of a feature package (which extends {@link Leaf}).
 *
 * <p>Combinators are written once for every feature. A reader of a tree folds it with a
 * {@link Folder}, which asks for one method per combinator and one for a leaf; the leaf is then
 * dispatched through the feature's own exhaustive visitor, so a translator that forgets a leaf
 * does not compile.
 *
 * @param <L> the feature's leaf type
 */
public sealed interface Criterion<L extends Criterion.Leaf<L>>
        permits Criterion.All, Criterion.None, Criterion.And, Criterion.Or, Criterion.Not, Criterion.Leaf {

    <R> R fold(Folder<L, R> folder);

    /** A feature's own condition; each feature declares a sealed interface of leaf records that extends this. */
    non-sealed interface Leaf<L extends Leaf<L>> extends Criterion<L> {
        @Override
        @SuppressWarnings("unchecked")
        default <R> R fold(Folder<L, R> folder) {
            return folder.leaf((L) this);
        }
    }

    /** Reads a tree: one method per combinator, one for a leaf. */
    interface Folder<L extends Leaf<L>, R> {
        R all();

        R none();

        R and(List<Criterion<L>> parts);

        R or(List<Criterion<L>> parts);

        R not(Criterion<L> part);

        R leaf(L leaf);
    }

    /** Whether the tree holds when each leaf holds as {@code leafTest} says; the in-memory meaning of every tree. */
    default boolean holds(Predicate<? super L> leafTest) {
        ValidationException.required(leafTest, "leafTest");
        return fold(new Folder<L, Boolean>() {
            @Override
            public Boolean all() {
                return true;
            }

            @Override
            public Boolean none() {
                return false;
            }

            @Override
            public Boolean and(List<Criterion<L>> parts) {
                return parts.stream().allMatch(p -> p.holds(leafTest));
            }

            @Override
            public Boolean or(List<Criterion<L>> parts) {
                return parts.stream().anyMatch(p -> p.holds(leafTest));
            }

            @Override
            public Boolean not(Criterion<L> part) {
                return !part.holds(leafTest);
            }

            @Override
            public Boolean leaf(L leaf) {
                return leafTest.test(leaf);
            }
        });
    }

    /** This and {@code other}; {@link All} on either side leaves the other as it is. */
    default Criterion<L> and(Criterion<L> other) {
        ValidationException.required(other, "other");
        if (this instanceof All) {
            return other;
        }
        if (other instanceof All) {
            return this;
        }
        return new And<>(List.of(this, other));
    }

    static <L extends Leaf<L>> Criterion<L> all() {
        return new All<>();
    }

    static <L extends Leaf<L>> Criterion<L> none() {
        return new None<>();
    }

    @SafeVarargs
    static <L extends Leaf<L>> Criterion<L> and(Criterion<L>... parts) {
        return new And<>(ValidationException.requiredElements("parts", parts));
    }

    @SafeVarargs
    static <L extends Leaf<L>> Criterion<L> or(Criterion<L>... parts) {
        return new Or<>(ValidationException.requiredElements("parts", parts));
    }

    static <L extends Leaf<L>> Criterion<L> not(Criterion<L> part) {
        return new Not<>(part);
    }

    /** The leaves of a tree, depth first: for classifiers that look at what a tree mentions. */
    default List<L> leaves() {
        List<L> found = new ArrayList<>();
        collect(this, found);
        return found;
    }

    private static <L extends Leaf<L>> void collect(Criterion<L> criterion, List<L> found) {
        criterion.fold(new Folder<L, Void>() {
            @Override
            public Void all() {
                return null;
            }

            @Override
            public Void none() {
                return null;
            }

            @Override
            public Void and(List<Criterion<L>> parts) {
                parts.forEach(p -> collect(p, found));
                return null;
            }

            @Override
            public Void or(List<Criterion<L>> parts) {
                parts.forEach(p -> collect(p, found));
                return null;
            }

            @Override
            public Void not(Criterion<L> part) {
                collect(part, found);
                return null;
            }

            @Override
            public Void leaf(L leaf) {
                found.add(leaf);
                return null;
            }
        });
    }

    /**
     * Whether the tree changes its answer with time alone: some leaf, at any depth (through the
     * trees on related records a leaf holds), is {@link ClockDependent} and says so. A saved rule
     * for which this is {@code false} changes membership only when the records change.
     */
    static <L extends Leaf<L>> boolean dependsOnClock(Criterion<L> criterion) {
        ValidationException.required(criterion, "criterion");
        return criterion.leaves().stream().anyMatch(l -> l instanceof ClockDependent && ((ClockDependent<?>) l).dependsOnClock());
    }

    /**
     * The tree with every {@link ClockDependent} leaf read at {@code now} (its instant and its
     * zone): what stores and the in-memory meaning evaluate. A tree without such leaves comes back
     * equal to itself.
     */
    static <L extends Leaf<L>> Criterion<L> at(Criterion<L> criterion, ZonedDateTime now) {
        ValidationException.required(criterion, "criterion");
        ValidationException.required(now, "now");
        if (!dependsOnClock(criterion)) {
            return criterion;
        }
        return criterion.fold(new Folder<L, Criterion<L>>() {
            @Override
            public Criterion<L> all() {
                return new All<>();
            }

            @Override
            public Criterion<L> none() {
                return new None<>();
            }

            @Override
            public Criterion<L> and(List<Criterion<L>> parts) {
                return new And<>(parts.stream().map(p -> at(p, now)).collect(java.util.stream.Collectors.toList()));
            }

            @Override
            public Criterion<L> or(List<Criterion<L>> parts) {
                return new Or<>(parts.stream().map(p -> at(p, now)).collect(java.util.stream.Collectors.toList()));
            }

            @Override
            public Criterion<L> not(Criterion<L> part) {
                return new Not<>(at(part, now));
            }

            @Override
            @SuppressWarnings("unchecked")
            public Criterion<L> leaf(L leaf) {
                return leaf instanceof ClockDependent ? ((ClockDependent<L>) leaf).at(now) : leaf;
            }
        });
    }

    /** Every record. */
    record All<L extends Leaf<L>>() implements Criterion<L> {
        @Override
        public <R> R fold(Folder<L, R> folder) {
            return folder.all();
        }
    }

    /** No record. */
    record None<L extends Leaf<L>>() implements Criterion<L> {
        @Override
        public <R> R fold(Folder<L, R> folder) {
            return folder.none();
        }
    }

    /** All parts hold (an empty list holds). */
    record And<L extends Leaf<L>>(List<Criterion<L>> parts) implements Criterion<L> {
        public And {
            parts = ValidationException.requiredElements(parts, "parts");
        }

        @Override
        public <R> R fold(Folder<L, R> folder) {
            return folder.and(parts);
        }
    }

    /** Some part holds (an empty list does not). */
    record Or<L extends Leaf<L>>(List<Criterion<L>> parts) implements Criterion<L> {
        public Or {
            parts = ValidationException.requiredElements(parts, "parts");
        }

        @Override
        public <R> R fold(Folder<L, R> folder) {
            return folder.or(parts);
        }
    }

    /** The part does not hold. */
    record Not<L extends Leaf<L>>(Criterion<L> part) implements Criterion<L> {
        public Not {
            ValidationException.required(part, "part");
        }

        @Override
        public <R> R fold(Folder<L, R> folder) {
            return folder.not(part);
        }
    }
}
