package org.crmkit.segment.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * The codecs of one sealed leaf set ({@code ClientCriterion}, {@code InteractionCriterion}, …), by
 * type name and by record class. Built once; two codecs with one type name or one class are a
 * programming error reported at start.
 *
 * @param <L> the leaf set
 */
public final class LeafFamily<L extends Criterion.Leaf<L>> {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** The combinators' names: no leaf may take them. */
    static final Set<String> RESERVED = Set.of("all", "none", "and", "or", "not");

    private final Class<L> leaves;
    private final Map<String, LeafCodec<? extends L>> byType = new LinkedHashMap<>();
    private final Map<Class<?>, LeafCodec<? extends L>> byClass = new LinkedHashMap<>();

    private LeafFamily(Class<L> leaves, List<LeafCodec<? extends L>> codecs) {
        this.leaves = leaves;
        for (LeafCodec<? extends L> codec : codecs) {
            if (!TYPE.matcher(codec.type()).matches() || RESERVED.contains(codec.type())) {
                throw new CrmException("the leaf type " + codec.type() + " of " + leaves.getSimpleName() + " is not a free lower-case word");
            }
            if (byType.put(codec.type(), codec) != null || byClass.put(codec.leafClass(), codec) != null) {
                throw new CrmException("two codecs for " + codec.type() + " / " + codec.leafClass().getName());
            }
        }
    }

    @SafeVarargs
    public static <L extends Criterion.Leaf<L>> LeafFamily<L> of(Class<L> leaves, LeafCodec<? extends L>... codecs) {
        ValidationException.required(leaves, "leaves");
        return new LeafFamily<>(leaves, ValidationException.requiredElements("codecs", codecs));
    }

    public Class<L> leaves() {
        return leaves;
    }

    /** The codec of this leaf's record, or empty when none is registered. */
    @SuppressWarnings("unchecked")
    public Optional<LeafCodec<L>> codecOf(L leaf) {
        ValidationException.required(leaf, "leaf");
        return Optional.ofNullable((LeafCodec<L>) byClass.get(leaf.getClass()));
    }

    /** The codec for a type name. */
    @SuppressWarnings("unchecked")
    public Optional<LeafCodec<L>> codecOf(String type) {
        ValidationException.required(type, "type");
        return Optional.ofNullable((LeafCodec<L>) byType.get(type));
    }

    /** The type names, in registration order. */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }
}
