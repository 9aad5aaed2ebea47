package org.crmkit.access;

import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.crmkit.common.Actor;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * A kind of record an {@link AccessPolicy} decides on: clients now, interactions, deals, segments
 * and mailings as they come. Declared by the feature that owns the records
 * ({@code ClientAccess.CLIENTS}), with the rule that applies when the host's policy says nothing
 * of the kind: a feature whose records hang off clients derives it from the clients the actor
 * may see. {@link #name()} is also the record kind of the change feed.
 *
 * @param <L> the leaves of the kind's criteria
 */
public record RecordKind<L extends Criterion.Leaf<L>>(String name, BiFunction<AccessPolicy, Actor, Criterion<L>> byDefault) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public RecordKind {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name", name, "must be a lower-case word such as client");
        }
        ValidationException.required(byDefault, "byDefault");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordKind && ((RecordKind<?>) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
