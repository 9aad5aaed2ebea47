package org.crmkit.jpa.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.criteria.Criterion;

/**
 * The combinators of a feature's criterion in SQL, written once for the translators whose leaves
 * are plain conditions on one aliased table ({@link PersonSql}, {@link DealSql}): parts in
 * parentheses joined by AND / OR, an empty AND true and an empty OR false. A subclass says what a
 * leaf is.
 */
abstract class LeafSql<L extends Criterion.Leaf<L>> implements Criterion.Folder<L, String> {
    @Override
    public String all() {
        return "1 = 1";
    }

    @Override
    public String none() {
        return "1 = 0";
    }

    @Override
    public String and(List<Criterion<L>> parts) {
        return parts.isEmpty() ? "1 = 1" : parts.stream().map(x -> "(" + x.fold(this) + ")").collect(Collectors.joining(" AND "));
    }

    @Override
    public String or(List<Criterion<L>> parts) {
        return parts.isEmpty() ? "1 = 0" : parts.stream().map(x -> "(" + x.fold(this) + ")").collect(Collectors.joining(" OR "));
    }

    @Override
    public String not(Criterion<L> part) {
        return "NOT (" + part.fold(this) + ")";
    }

    /** A translator whose leaves are conditions on one aliased row, with positional parameters appended to a shared list. */
    abstract static class OnRow<L extends Criterion.Leaf<L>> extends LeafSql<L> {
        final List<Object> parameters;
        final String alias;

        OnRow(List<Object> parameters, String alias) {
            this.parameters = parameters;
            this.alias = alias;
        }

        /** Appends a parameter; answers its placeholder. */
        String param(Object value) {
            parameters.add(value);
            return "?" + parameters.size();
        }
    }
}
