package org.crmkit.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * A typed value of an additional property. The alternatives are closed; stores and rules dispatch
 * through {@link Visitor}. A value is checked against its {@link PropertyType} when it is assigned.
 */
public sealed interface PropertyValue {

    <R> R accept(Visitor<R> visitor);

    /** A text for people and the audit journal; labels of choices are resolved by the definition. */
    String display();

    /** One method per kind of value: a switch over values that the compiler checks for completeness. */
    interface Visitor<R> {
        R text(TextValue value);

        R number(NumberValue value);

        R money(MoneyValue value);

        R date(DateValue value);

        R bool(BooleanValue value);

        R choice(ChoiceValue value);

        R choices(MultiChoiceValue value);

        R employee(EmployeeValue value);

        R client(ClientValue value);
    }

    static TextValue text(String value) {
        return new TextValue(value);
    }

    static NumberValue number(String value) {
        try {
            return new NumberValue(new BigDecimal(value.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException("value", value, "is not a number");
        }
    }

    static NumberValue number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static MoneyValue money(Money value) {
        return new MoneyValue(value);
    }

    static DateValue date(LocalDate value) {
        return new DateValue(value);
    }

    static BooleanValue bool(boolean value) {
        return new BooleanValue(value);
    }

    static ChoiceValue choice(ChoiceId value) {
        return new ChoiceValue(value);
    }

    static MultiChoiceValue choices(Set<ChoiceId> values) {
        return new MultiChoiceValue(values);
    }

    static EmployeeValue employee(EmployeeId value) {
        return new EmployeeValue(value);
    }

    static ClientValue client(ClientId value) {
        return new ClientValue(value);
    }

    /** A text value of up to 4000 characters, lines kept, never empty. */
    record TextValue(String value) implements PropertyValue {
        public TextValue {
            String given = value;
            value = CleanText.multiline("value", given, 4000)
                    .orElseThrow(() -> new ValidationException("value", given, "is empty; clear the property instead"));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.text(this);
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** A number in canonical form (no trailing zeros: 12.50 is 12.5), so equal numbers are equal values. */
    record NumberValue(BigDecimal value) implements PropertyValue {
        public NumberValue {
            value = canonical(ValidationException.required(value, "value"));
        }

        static BigDecimal canonical(BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.number(this);
        }

        @Override
        public String display() {
            return value.toPlainString();
        }
    }

    /** An amount of money. */
    record MoneyValue(Money value) implements PropertyValue {
        public MoneyValue {
            ValidationException.required(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.money(this);
        }

        @Override
        public String display() {
            return value.toString();
        }
    }

    /** A calendar date. */
    record DateValue(LocalDate value) implements PropertyValue {
        public DateValue {
            ValidationException.required(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.date(this);
        }

        @Override
        public String display() {
            return value.toString();
        }
    }

    /** Yes or no. */
    record BooleanValue(boolean value) implements PropertyValue {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bool(this);
        }

        @Override
        public String display() {
            return value ? "yes" : "no";
        }
    }

    /** One entry of a choice property's value list. */
    record ChoiceValue(ChoiceId value) implements PropertyValue {
        public ChoiceValue {
            ValidationException.required(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.choice(this);
        }

        @Override
        public String display() {
            return value.toString();
        }
    }

    /** Several entries of one value list; kept sorted so equal selections are equal values. */
    record MultiChoiceValue(Set<ChoiceId> values) implements PropertyValue {
        public MultiChoiceValue {
            if (values == null || values.isEmpty()) {
                throw new ValidationException("value", values, "selects nothing; clear the property instead");
            }
            values = Collections.unmodifiableSortedSet(sorted(values));
        }

        private static TreeSet<ChoiceId> sorted(Set<ChoiceId> values) {
            TreeSet<ChoiceId> set = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
            set.addAll(values);
            return set;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.choices(this);
        }

        @Override
        public String display() {
            return values.stream().map(ChoiceId::toString).collect(Collectors.joining(", "));
        }
    }

    /** An employee of the host's directory. */
    record EmployeeValue(EmployeeId value) implements PropertyValue {
        public EmployeeValue {
            ValidationException.required(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.employee(this);
        }

        @Override
        public String display() {
            return value.value();
        }
    }

    /** Another client of the same tenant. */
    record ClientValue(ClientId value) implements PropertyValue {
        public ClientValue {
            ValidationException.required(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.client(this);
        }

        @Override
        public String display() {
            return value.toString();
        }
    }
}
