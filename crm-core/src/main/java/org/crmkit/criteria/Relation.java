package org.crmkit.criteria;

import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * How records of one kind hang off another: a client's contact persons, a client's interactions.
 * A feature that owns the related records declares the relation ({@code ContactPersonCriterion.OF_CLIENT});
 * a leaf such as {@code ClientCriterion.Having} names it, and each store translates it by
 * {@link #name()} (an EXISTS on the related table, or a look-up in memory). Leaves of {@code M}
 * describe the related records.
 */
public record Relation<M extends Criterion.Leaf<M>>(String name, Class<M> leaves) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Relation {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name", name, "must be a lower-case word such as contact-persons");
        }
        ValidationException.required(leaves, "leaves");
    }
}
