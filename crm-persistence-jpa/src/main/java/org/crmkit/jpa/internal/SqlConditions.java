package org.crmkit.jpa.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.criteria.Criterion;

/**
 * The combinators of a criterion as SQL, once for the translators of related records
 * ({@link PersonSql}, {@link InteractionSql}): all, none, and, or, not, each two-valued as long as
 * the leaves are. A translator adds its leaves.
 */
abstract class SqlConditions<L extends Criterion.Leaf<L>> implements Criterion.Folder<L, String> {
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
}
