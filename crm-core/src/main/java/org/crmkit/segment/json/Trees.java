package org.crmkit.segment.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Function;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.segment.RuleLimits;

/**
 * Writes and reads one criteria tree of any family: the combinators
 * ({@code {"type":"and","parts":[…]}}, {@code or}, {@code {"type":"not","part":…}}, {@code all},
 * {@code none}) here once, each leaf through its family's codec. A codec whose leaf holds a tree
 * (a {@code having}, an {@code of-client}) calls back into it; reading counts depth and nodes
 * against {@link RuleLimits} as it goes, so a hostile document is refused before it is built.
 */
public final class Trees {
    private final JsonNodeFactory factory = JsonNodeFactory.instance;
    private final ArrayDeque<Integer> depthOfLeaves = new ArrayDeque<>();
    private int nodes;

    Trees() {
    }

    /** The tree as a JSON object. */
    public <L extends Criterion.Leaf<L>> ObjectNode write(Criterion<L> tree, LeafFamily<L> family) {
        ValidationException.required(tree, "tree");
        ValidationException.required(family, "family");
        return tree.fold(new Criterion.Folder<L, ObjectNode>() {
            @Override
            public ObjectNode all() {
                return typed("all");
            }

            @Override
            public ObjectNode none() {
                return typed("none");
            }

            @Override
            public ObjectNode and(List<Criterion<L>> parts) {
                return list("and", parts);
            }

            @Override
            public ObjectNode or(List<Criterion<L>> parts) {
                return list("or", parts);
            }

            @Override
            public ObjectNode not(Criterion<L> part) {
                ObjectNode node = typed("not");
                node.set("part", write(part, family));
                return node;
            }

            @Override
            public ObjectNode leaf(L leaf) {
                LeafCodec<L> codec = family.codecOf(leaf).orElseThrow(() -> new ValidationException("rule",
                        leaf.getClass().getName(), "has no JSON codec in " + family.leaves().getSimpleName() + "'s family (register one in LeafCodecs)"));
                ObjectNode node = typed(codec.type());
                codec.write(leaf, node, Trees.this);
                return node;
            }

            private ObjectNode list(String type, List<Criterion<L>> parts) {
                ObjectNode node = typed(type);
                ArrayNode array = node.putArray("parts");
                parts.forEach(p -> array.add(write(p, family)));
                return node;
            }
        });
    }

    /** The tree at {@code path} of the document, read with {@code family}'s codecs. */
    public <L extends Criterion.Leaf<L>> Criterion<L> read(JsonNode json, String path, LeafFamily<L> family) {
        ValidationException.required(json, "json");
        ValidationException.required(path, "path");
        ValidationException.required(family, "family");
        return read(json, path, family, 1);
    }

    private <L extends Criterion.Leaf<L>> Criterion<L> read(JsonNode json, String path, LeafFamily<L> family, int depth) {
        if (depth > RuleLimits.MAX_DEPTH) {
            throw new ValidationException(path, "depth " + depth, "is nested deeper than " + RuleLimits.MAX_DEPTH + " levels");
        }
        if (++nodes > RuleLimits.MAX_NODES) {
            throw new ValidationException(path, "more than " + RuleLimits.MAX_NODES + " nodes", "has more than " + RuleLimits.MAX_NODES + " conditions");
        }
        if (!json.isObject()) {
            throw new ValidationException(path, json.toString(), "is not an object with a \"type\"");
        }
        Fields fields = new Fields((ObjectNode) json, path);
        String type = fields.text("type");
        switch (type) {
            case "all":
                return Criterion.all();
            case "none":
                return Criterion.none();
            case "and":
                return new Criterion.And<>(parts(fields, family, depth));
            case "or":
                return new Criterion.Or<>(parts(fields, family, depth));
            case "not":
                return new Criterion.Not<>(read(fields.node("part"), fields.at("part"), family, depth + 1));
            default:
                LeafCodec<L> codec = family.codecOf(type).orElseThrow(() -> new ValidationException(fields.at("type"), type,
                        "is not a condition on " + family.leaves().getSimpleName() + " (one of all, none, and, or, not, "
                                + String.join(", ", new TreeSet<>(family.types())) + ")"));
                depthOfLeaves.push(depth);
                try {
                    return codec.read(fields, this);
                } finally {
                    depthOfLeaves.pop();
                }
        }
    }

    /** A tree inside a leaf being read (the leaf's field {@code field}), one level below it. */
    public <L extends Criterion.Leaf<L>> Criterion<L> readNested(Fields leaf, String field, LeafFamily<L> family) {
        ValidationException.required(leaf, "leaf");
        ValidationException.required(field, "field");
        ValidationException.required(family, "family");
        int depth = depthOfLeaves.isEmpty() ? 1 : depthOfLeaves.peek();
        return read(leaf.node(field), leaf.at(field), family, depth + 1);
    }

    private <L extends Criterion.Leaf<L>> List<Criterion<L>> parts(Fields fields, LeafFamily<L> family, int depth) {
        JsonNode parts = fields.node("parts");
        if (!parts.isArray()) {
            throw new ValidationException(fields.at("parts"), parts.toString(), "is not an array");
        }
        List<Criterion<L>> read = new ArrayList<>();
        int i = 0;
        for (Iterator<JsonNode> it = parts.elements(); it.hasNext(); i++) {
            read.add(read(it.next(), fields.at("parts") + "[" + i + "]", family, depth + 1));
        }
        return read;
    }

    /** Writes a set of values as a sorted array of texts, so one rule always gives one document. */
    public static <T> void putSet(ObjectNode out, String field, Collection<T> values, Function<T, String> text) {
        ValidationException.required(out, "out");
        ValidationException.required(field, "field");
        ValidationException.required(values, "values");
        ValidationException.required(text, "text");
        ArrayNode array = out.putArray(field);
        values.stream().map(text).sorted().forEach(array::add);
    }

    private ObjectNode typed(String type) {
        ObjectNode node = factory.objectNode();
        node.put("type", type);
        return node;
    }
}
