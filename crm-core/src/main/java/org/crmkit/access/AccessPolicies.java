package org.crmkit.access;

import org.crmkit.common.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.crmkit.common.Actor;
import org.crmkit.criteria.Criterion;

/** Ready policies, and a builder that states a rule per kind of record. */
public final class AccessPolicies {
    private AccessPolicies() {
    }

    /** Everyone sees and changes everything, and administers the schema: the default. */
    public static AccessPolicy everything() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A policy from rules per kind: a kind without a rule falls back on its
     * {@link RecordKind#byDefault()} (every record, for a kind of its own; those of visible clients
     * for records that hang off clients).
     */
    public static final class Builder {
        private final Map<RecordKind<?>, Function<Actor, ?>> visible = new HashMap<>();
        private final Map<RecordKind<?>, Function<Actor, ?>> changeable = new HashMap<>();
        private BiPredicate<Actor, String> administer = (actor, area) -> true;

        private Builder() {
        }

        /** The records of {@code kind} an actor may see (and change, unless {@link #changeable} says otherwise). */
        public <L extends Criterion.Leaf<L>> Builder visible(RecordKind<L> kind, Function<Actor, Criterion<L>> rule) {
            visible.put(ValidationException.required(kind, "kind"), ValidationException.required(rule, "rule"));
            return this;
        }

        /** The records of {@code kind} an actor may change. */
        public <L extends Criterion.Leaf<L>> Builder changeable(RecordKind<L> kind, Function<Actor, Criterion<L>> rule) {
            changeable.put(ValidationException.required(kind, "kind"), ValidationException.required(rule, "rule"));
            return this;
        }

        /** Who may change the schema of an area ({@code property}, {@code client-group}, {@code relationship-type}). */
        public Builder administer(BiPredicate<Actor, String> rule) {
            this.administer = ValidationException.required(rule, "rule");
            return this;
        }

        public AccessPolicy build() {
            Map<RecordKind<?>, Function<Actor, ?>> seeing = Map.copyOf(visible);
            Map<RecordKind<?>, Function<Actor, ?>> changing = Map.copyOf(changeable);
            BiPredicate<Actor, String> administering = administer;
            return new AccessPolicy() {
                @Override
                @SuppressWarnings("unchecked")
                public <L extends Criterion.Leaf<L>> Criterion<L> visible(Actor actor, RecordKind<L> kind) {
                    Function<Actor, ?> rule = seeing.get(kind);
                    return rule != null ? (Criterion<L>) rule.apply(actor) : kind.byDefault().apply(this, actor);
                }

                @Override
                @SuppressWarnings("unchecked")
                public <L extends Criterion.Leaf<L>> Criterion<L> changeable(Actor actor, RecordKind<L> kind) {
                    Function<Actor, ?> rule = changing.get(kind);
                    return rule != null ? (Criterion<L>) rule.apply(actor) : visible(actor, kind);
                }

                @Override
                public boolean mayAdminister(Actor actor, String area) {
                    return administering.test(actor, area);
                }
            };
        }
    }
}
