package org.crmkit.segment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;

import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * How big a rule may be, wherever it enters: the text parser, the JSON reader and the Java side
 * (a host calls {@link #check} before it hands a rule built in code to a segment API).
 *
 * <ul>
 * <li>at most {@value #MAX_DEPTH} levels of nesting (and, or, not, and the trees inside leaves such
 * as {@code has interaction (…)} each count one level);
 * <li>at most {@value #MAX_NODES} nodes (combinators and leaves, those inside leaves included);
 * <li>every text value at most {@value #MAX_STRING} characters, every set of values at most
 * {@value #MAX_VALUES} values;
 * <li>rule text at most {@value #MAX_TEXT} characters, a JSON document at most {@value #MAX_JSON}.
 * </ul>
 * A rule beyond them is refused with a {@link ValidationException} naming the limit: one SQL
 * statement per rule must stay a statement a database plans quickly.
 */
public final class RuleLimits {
    public static final int MAX_DEPTH = 32;
    public static final int MAX_NODES = 500;
    public static final int MAX_STRING = 1000;
    public static final int MAX_VALUES = 1000;
    public static final int MAX_TEXT = 64 * 1024;
    public static final int MAX_JSON = 256 * 1024;

    private RuleLimits() {
    }

    /**
     * The rule, or a {@link ValidationException} when it is deeper or larger than the limits above.
     * Leaves are looked into by their record components: a component that is a tree is counted as
     * nested, a text or a set of values is measured, so new leaves are covered without a change here.
     */
    public static <L extends Criterion.Leaf<L>> Criterion<L> check(Criterion<L> rule) {
        ValidationException.required(rule, "rule");
        int[] nodes = {0};
        walk(rule, 1, nodes);
        return rule;
    }

    private static void walk(Object node, int depth, int[] nodes) {
        if (depth > MAX_DEPTH) {
            throw new ValidationException("rule", "depth " + depth, "is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++nodes[0] > MAX_NODES) {
            throw new ValidationException("rule", "more than " + MAX_NODES + " nodes", "has more than " + MAX_NODES + " conditions");
        }
        if (node instanceof Criterion.And<?> and) {
            and.parts().forEach(p -> walk(p, depth + 1, nodes));
        } else if (node instanceof Criterion.Or<?> or) {
            or.parts().forEach(p -> walk(p, depth + 1, nodes));
        } else if (node instanceof Criterion.Not<?> not) {
            walk(not.part(), depth + 1, nodes);
        } else if (node instanceof Record leaf) {
            for (RecordComponent component : leaf.getClass().getRecordComponents()) {
                Object value = read(component, leaf);
                if (value instanceof Criterion<?> nested) {
                    walk(nested, depth + 1, nodes);
                } else if (value instanceof String text) {
                    checkString(component.getName(), text);
                } else if (value instanceof Collection<?> values) {
                    if (values.size() > MAX_VALUES) {
                        throw new ValidationException(component.getName(), values.size() + " values",
                                "holds more than " + MAX_VALUES + " values");
                    }
                    for (Object v : values) {
                        if (v instanceof String text) {
                            checkString(component.getName(), text);
                        }
                    }
                }
            }
        }
    }

    /** The text, or a {@link ValidationException} when it is longer than {@value #MAX_STRING} characters. */
    public static String checkString(String field, String text) {
        ValidationException.required(field, "field");
        ValidationException.required(text, field);
        if (text.length() > MAX_STRING) {
            throw new ValidationException(field, text.substring(0, 40) + "… (" + text.length() + " characters)",
                    "is longer than " + MAX_STRING + " characters");
        }
        return text;
    }

    private static Object read(RecordComponent component, Record leaf) {
        try {
            return component.getAccessor().invoke(leaf);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new CrmException("the rule's leaf " + leaf.getClass().getSimpleName() + " could not be measured", e);
        }
    }

    /** The limits as people read them, for documentation and error pages. */
    public static List<String> describe() {
        return List.of("depth " + MAX_DEPTH, MAX_NODES + " nodes", "text values " + MAX_STRING + " characters",
                MAX_VALUES + " values in a set", "rule text " + MAX_TEXT + " characters", "JSON " + MAX_JSON + " characters");
    }
}
