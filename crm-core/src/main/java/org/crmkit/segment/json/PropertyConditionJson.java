package org.crmkit.segment.json;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.common.ValidationException;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyValue;
import org.crmkit.segment.RuleLimits;

/**
 * The JSON of a {@link PropertyCondition} (the leaf {@code property-matches}): an object with
 * {@code op} and the operator's fields: {@code equal-to} / {@code not-equal-to} {@code value},
 * {@code in} {@code values}, {@code contains} {@code fragment}, {@code starts-with} {@code prefix},
 * {@code at-least} / {@code at-most} {@code bound}, {@code between} {@code from} {@code to} (values as
 * {@link PropertyValueJson} writes them), {@code within-last-days} / {@code more-than-days-ago}
 * {@code days} (kept relative: read at the clock when the rule is used), {@code filled},
 * {@code empty}, {@code any-of} / {@code all-of} {@code choices} (entry ids).
 */
final class PropertyConditionJson {
    private PropertyConditionJson() {
    }

    static ObjectNode write(PropertyCondition condition) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        condition.accept(new PropertyCondition.Visitor<Void>() {
            @Override
            public Void equalTo(PropertyCondition.EqualTo c) {
                out.put("op", "equal-to").set("value", PropertyValueJson.write(c.value()));
                return null;
            }

            @Override
            public Void notEqualTo(PropertyCondition.NotEqualTo c) {
                out.put("op", "not-equal-to").set("value", PropertyValueJson.write(c.value()));
                return null;
            }

            @Override
            public Void in(PropertyCondition.In c) {
                ArrayNode values = out.put("op", "in").putArray("values");
                c.values().stream().map(PropertyValueJson::write).sorted((a, b) -> a.toString().compareTo(b.toString())).forEach(values::add);
                return null;
            }

            @Override
            public Void contains(PropertyCondition.Contains c) {
                out.put("op", "contains").put("fragment", c.fragment());
                return null;
            }

            @Override
            public Void startsWith(PropertyCondition.StartsWith c) {
                out.put("op", "starts-with").put("prefix", c.prefix());
                return null;
            }

            @Override
            public Void atLeast(PropertyCondition.AtLeast c) {
                out.put("op", "at-least").set("bound", PropertyValueJson.write(c.bound()));
                return null;
            }

            @Override
            public Void atMost(PropertyCondition.AtMost c) {
                out.put("op", "at-most").set("bound", PropertyValueJson.write(c.bound()));
                return null;
            }

            @Override
            public Void between(PropertyCondition.Between c) {
                out.put("op", "between").set("from", PropertyValueJson.write(c.from()));
                out.set("to", PropertyValueJson.write(c.to()));
                return null;
            }

            @Override
            public Void withinLastDays(PropertyCondition.WithinLastDays c) {
                out.put("op", "within-last-days").put("days", c.days());
                return null;
            }

            @Override
            public Void moreThanDaysAgo(PropertyCondition.MoreThanDaysAgo c) {
                out.put("op", "more-than-days-ago").put("days", c.days());
                return null;
            }

            @Override
            public Void filled(PropertyCondition.Filled c) {
                out.put("op", "filled");
                return null;
            }

            @Override
            public Void empty(PropertyCondition.Empty c) {
                out.put("op", "empty");
                return null;
            }

            @Override
            public Void anyOf(PropertyCondition.AnyOf c) {
                out.put("op", "any-of");
                Trees.putSet(out, "choices", c.choices(), ChoiceId::toString);
                return null;
            }

            @Override
            public Void allOf(PropertyCondition.AllOf c) {
                out.put("op", "all-of");
                Trees.putSet(out, "choices", c.choices(), ChoiceId::toString);
                return null;
            }
        });
        return out;
    }

    static PropertyCondition read(Fields in) {
        String op = in.text("op");
        switch (op) {
            case "equal-to":
                return in.under("value", () -> new PropertyCondition.EqualTo(PropertyValueJson.read(in.object("value"))));
            case "not-equal-to":
                return in.under("value", () -> new PropertyCondition.NotEqualTo(PropertyValueJson.read(in.object("value"))));
            case "in":
                return in.under("values", () -> new PropertyCondition.In(values(in, "values")));
            case "contains":
                return in.value("fragment", PropertyCondition.Contains::new);
            case "starts-with":
                return in.value("prefix", PropertyCondition.StartsWith::new);
            case "at-least":
                return in.under("bound", () -> new PropertyCondition.AtLeast(PropertyValueJson.read(in.object("bound"))));
            case "at-most":
                return in.under("bound", () -> new PropertyCondition.AtMost(PropertyValueJson.read(in.object("bound"))));
            case "between":
                return in.under("to", () -> new PropertyCondition.Between(PropertyValueJson.read(in.object("from")),
                        PropertyValueJson.read(in.object("to"))));
            case "within-last-days":
                return in.under("days", () -> new PropertyCondition.WithinLastDays(in.integer("days")));
            case "more-than-days-ago":
                return in.under("days", () -> new PropertyCondition.MoreThanDaysAgo(in.integer("days")));
            case "filled":
                return new PropertyCondition.Filled();
            case "empty":
                return new PropertyCondition.Empty();
            case "any-of":
                return in.under("choices", () -> new PropertyCondition.AnyOf(in.uuids("choices", ChoiceId::new)));
            case "all-of":
                return in.under("choices", () -> new PropertyCondition.AllOf(in.uuids("choices", ChoiceId::new)));
            default:
                throw new ValidationException(in.at("op"), op, "is not a property condition (equal-to, not-equal-to, in, contains,"
                        + " starts-with, at-least, at-most, between, within-last-days, more-than-days-ago, filled, empty, any-of, all-of)");
        }
    }

    private static Set<PropertyValue> values(Fields in, String field) {
        JsonNode array = in.node(field);
        if (!array.isArray()) {
            throw new ValidationException(in.at(field), array.toString(), "is not an array");
        }
        if (array.size() > RuleLimits.MAX_VALUES) {
            throw new ValidationException(in.at(field), array.size() + " values", "holds more than " + RuleLimits.MAX_VALUES + " values");
        }
        Set<PropertyValue> values = new LinkedHashSet<>();
        int i = 0;
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); i++) {
            JsonNode node = it.next();
            String where = in.at(field) + "[" + i + "]";
            if (!node.isObject()) {
                throw new ValidationException(where, node.toString(), "is not an object");
            }
            values.add(PropertyValueJson.read(new Fields((ObjectNode) node, where)));
        }
        return values;
    }
}
