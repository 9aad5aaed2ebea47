package org.crmkit.segment.json;

import java.util.Currency;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyValue;

/**
 * A property value in a rule: {@code {"kind":"text","value":"…"}}, {@code number} (the decimal
 * as text), {@code money} ({@code amount} as text, {@code currency} ISO 4217), {@code date}
 * (ISO), {@code boolean}, {@code choice} (the entry's id, not its label), {@code choices} (ids),
 * {@code employee}, {@code client}. Leaves of every family that compare a property use it.
 */
public final class PropertyValueJson {
    private PropertyValueJson() {
    }

    public static ObjectNode write(PropertyValue value) {
        ValidationException.required(value, "value");
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        value.accept(new PropertyValue.Visitor<Void>() {
            @Override
            public Void text(PropertyValue.TextValue v) {
                node.put("kind", "text").put("value", v.value());
                return null;
            }

            @Override
            public Void number(PropertyValue.NumberValue v) {
                node.put("kind", "number").put("value", v.value().toString());
                return null;
            }

            @Override
            public Void money(PropertyValue.MoneyValue v) {
                node.put("kind", "money").put("amount", v.value().amount().toPlainString())
                        .put("currency", v.value().currency().getCurrencyCode());
                return null;
            }

            @Override
            public Void date(PropertyValue.DateValue v) {
                node.put("kind", "date").put("value", v.value().toString());
                return null;
            }

            @Override
            public Void bool(PropertyValue.BooleanValue v) {
                node.put("kind", "boolean").put("value", v.value());
                return null;
            }

            @Override
            public Void choice(PropertyValue.ChoiceValue v) {
                node.put("kind", "choice").put("value", v.value().value().toString());
                return null;
            }

            @Override
            public Void choices(PropertyValue.MultiChoiceValue v) {
                node.put("kind", "choices");
                ArrayNode array = node.putArray("values");
                new TreeSet<>(v.values().stream().map(c -> c.value().toString()).toList()).forEach(array::add);
                return null;
            }

            @Override
            public Void employee(PropertyValue.EmployeeValue v) {
                node.put("kind", "employee").put("value", v.value().value());
                return null;
            }

            @Override
            public Void client(PropertyValue.ClientValue v) {
                node.put("kind", "client").put("value", v.value().value().toString());
                return null;
            }
        });
        return node;
    }

    public static PropertyValue read(Fields in) {
        ValidationException.required(in, "in");
        String kind = in.text("kind");
        switch (kind) {
            case "text":
                return in.value("value", PropertyValue::text);
            case "number":
                return new PropertyValue.NumberValue(in.decimal("value"));
            case "money":
                Currency currency = in.value("currency", Currency::getInstance);
                return in.value("amount", a -> PropertyValue.money(new Money(in.decimal("amount"), currency)));
            case "date":
                return PropertyValue.date(in.date("value"));
            case "boolean":
                return PropertyValue.bool(in.bool("value"));
            case "choice":
                return in.uuid("value", id -> PropertyValue.choice(new ChoiceId(id)));
            case "choices":
                return PropertyValue.choices(in.uuids("values", ChoiceId::new));
            case "employee":
                return in.value("value", e -> PropertyValue.employee(new EmployeeId(e)));
            case "client":
                return in.uuid("value", id -> PropertyValue.client(new ClientId(id)));
            default:
                throw new ValidationException(in.at("kind"), kind,
                        "is not a kind of value (text, number, money, date, boolean, choice, choices, employee, client)");
        }
    }
}
