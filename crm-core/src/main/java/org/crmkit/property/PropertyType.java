package org.crmkit.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.crmkit.property.PropertyValue.BooleanValue;
import org.crmkit.property.PropertyValue.ChoiceValue;
import org.crmkit.property.PropertyValue.ClientValue;
import org.crmkit.property.PropertyValue.DateValue;
import org.crmkit.property.PropertyValue.EmployeeValue;
import org.crmkit.property.PropertyValue.MoneyValue;
import org.crmkit.property.PropertyValue.MultiChoiceValue;
import org.crmkit.property.PropertyValue.NumberValue;
import org.crmkit.property.PropertyValue.TextValue;

/**
 * The type of an additional property with its limits. {@link #check} accepts a value of the right
 * kind within the limits, returns it in canonical form (numbers at the type's scale), and otherwise
 * throws an error naming the field and the value.
 */
public sealed interface PropertyType {

    /** The kind name used in storage and messages: {@code text}, {@code number}, …. */
    String kind();

    PropertyValue check(String field, PropertyValue value);

    /**
     * The type as the change journal shows it: its kind and limits ({@code number, 2 decimal places,
     * from 0 to 100}). A value list is not part of it: the journal lists its entries one by one.
     */
    default String describe() {
        return kind();
    }

    private static String range(Optional<?> min, Optional<?> max) {
        if (min.isEmpty() && max.isEmpty()) {
            return "";
        }
        return ", from " + min.map(PropertyType::plain).orElse("…") + " to " + max.map(PropertyType::plain).orElse("…");
    }

    private static String plain(Object limit) {
        return limit instanceof BigDecimal ? ((BigDecimal) limit).toPlainString() : limit.toString();
    }

    /** Whether a definition may switch from this type to {@code next} without breaking stored values. */
    default boolean compatibleWith(PropertyType next) {
        return kind().equals(next.kind());
    }

    /** A limit must fit what values of the type can be: the type's scale, at most 18 integer digits. */
    private static void checkLimit(String field, Optional<BigDecimal> limit, int scale) {
        limit.ifPresent(value -> {
            if (value.scale() > scale || value.precision() - value.scale() > Money.MAX_INTEGER_DIGITS) {
                throw new ValidationException(field, value.toPlainString(),
                        "does not fit the type (at most " + scale + " decimal places and " + Money.MAX_INTEGER_DIGITS + " integer digits)");
            }
        });
    }

    private static ValidationException wrongKind(String field, PropertyValue value, String expected) {
        return new ValidationException(field, value.display(), "is not a " + expected + " value");
    }

    /** Text of at most {@code maxLength} characters (1 to 4000). */
    record TextType(int maxLength) implements PropertyType {
        public TextType {
            if (maxLength < 1 || maxLength > 4000) {
                throw new ValidationException("maxLength", maxLength, "must be between 1 and 4000");
            }
        }

        @Override
        public String describe() {
            return kind() + ", up to " + maxLength + " characters";
        }

        @Override
        public String kind() {
            return "text";
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof TextValue)) {
                throw wrongKind(field, value, kind());
            }
            String text = ((TextValue) value).value();
            if (text.codePointCount(0, text.length()) > maxLength) {
                throw new ValidationException(field, text, "is longer than " + maxLength + " characters");
            }
            return value;
        }
    }

    /** A decimal number with {@code scale} decimal places, within optional bounds. */
    record NumberType(int scale, Optional<BigDecimal> min, Optional<BigDecimal> max) implements PropertyType {
        public NumberType {
            if (scale < 0 || scale > 6) {
                throw new ValidationException("scale", scale, "must be between 0 and 6");
            }
            min = ValidationException.required(min, "min").map(PropertyValue.NumberValue::canonical);
            max = ValidationException.required(max, "max").map(PropertyValue.NumberValue::canonical);
            checkLimit("min", min, scale);
            checkLimit("max", max, scale);
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                throw new ValidationException("min", min.get(), "is above max " + max.get());
            }
        }

        public static NumberType integer() {
            return new NumberType(0, Optional.empty(), Optional.empty());
        }

        public NumberType between(long low, long high) {
            return new NumberType(scale, Optional.of(BigDecimal.valueOf(low)), Optional.of(BigDecimal.valueOf(high)));
        }

        @Override
        public String describe() {
            return kind() + ", " + scale + " decimal places" + range(min, max);
        }

        @Override
        public String kind() {
            return "number";
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof NumberValue)) {
                throw wrongKind(field, value, kind());
            }
            BigDecimal number = ((NumberValue) value).value();
            BigDecimal scaled;
            try {
                scaled = number.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new ValidationException(field, number.toPlainString(), "has more than " + scale + " decimal places");
            }
            if (scaled.precision() - scaled.scale() > 18) {
                throw new ValidationException(field, number.toPlainString(), "has more than 18 integer digits");
            }
            min.filter(m -> scaled.compareTo(m) < 0).ifPresent(m -> {
                throw new ValidationException(field, number.toPlainString(), "is below the minimum " + m.toPlainString());
            });
            max.filter(m -> scaled.compareTo(m) > 0).ifPresent(m -> {
                throw new ValidationException(field, number.toPlainString(), "is above the maximum " + m.toPlainString());
            });
            return new NumberValue(scaled);
        }
    }

    /** An amount of money in one currency, within optional bounds. */
    record MoneyType(Currency currency, Optional<BigDecimal> min, Optional<BigDecimal> max) implements PropertyType {
        public MoneyType {
            ValidationException.required(currency, "currency");
            min = ValidationException.required(min, "min").map(PropertyValue.NumberValue::canonical);
            max = ValidationException.required(max, "max").map(PropertyValue.NumberValue::canonical);
            checkLimit("min", min, Math.max(currency.getDefaultFractionDigits(), 0));
            checkLimit("max", max, Math.max(currency.getDefaultFractionDigits(), 0));
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                throw new ValidationException("min", min.get(), "is above max " + max.get());
            }
        }

        public static MoneyType of(String currencyCode) {
            return new MoneyType(Money.currency(currencyCode), Optional.empty(), Optional.empty());
        }

        @Override
        public String describe() {
            return kind() + " in " + currency.getCurrencyCode() + range(min, max);
        }

        @Override
        public String kind() {
            return "money";
        }

        @Override
        public boolean compatibleWith(PropertyType next) {
            return next instanceof MoneyType && ((MoneyType) next).currency.equals(currency);
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof MoneyValue)) {
                throw wrongKind(field, value, kind());
            }
            Money money = ((MoneyValue) value).value();
            if (!money.currency().equals(currency)) {
                throw new ValidationException(field, money, "is not in " + currency.getCurrencyCode());
            }
            min.filter(m -> money.amount().compareTo(m) < 0).ifPresent(m -> {
                throw new ValidationException(field, money, "is below the minimum " + m.toPlainString());
            });
            max.filter(m -> money.amount().compareTo(m) > 0).ifPresent(m -> {
                throw new ValidationException(field, money, "is above the maximum " + m.toPlainString());
            });
            return value;
        }
    }

    /** A calendar date, within optional bounds. */
    record DateType(Optional<LocalDate> min, Optional<LocalDate> max) implements PropertyType {
        public DateType {
            ValidationException.required(min, "min");
            ValidationException.required(max, "max");
        }

        public static DateType any() {
            return new DateType(Optional.empty(), Optional.empty());
        }

        @Override
        public String describe() {
            return kind() + range(min, max);
        }

        @Override
        public String kind() {
            return "date";
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof DateValue)) {
                throw wrongKind(field, value, kind());
            }
            LocalDate date = ((DateValue) value).value();
            min.filter(date::isBefore).ifPresent(m -> {
                throw new ValidationException(field, date, "is before " + m);
            });
            max.filter(date::isAfter).ifPresent(m -> {
                throw new ValidationException(field, date, "is after " + m);
            });
            return value;
        }
    }

    /** Yes or no. */
    record BooleanType() implements PropertyType {
        @Override
        public String kind() {
            return "boolean";
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof BooleanValue)) {
                throw wrongKind(field, value, kind());
            }
            return value;
        }
    }

    /** One entry of a value list. */
    record ChoiceType(ValueList values) implements PropertyType {
        public ChoiceType {
            ValidationException.required(values, "values");
        }

        @Override
        public String kind() {
            return "choice";
        }

        @Override
        public boolean compatibleWith(PropertyType next) {
            return next instanceof ChoiceType && ((ChoiceType) next).values.keepsEntriesOf(values);
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof ChoiceValue)) {
                throw wrongKind(field, value, kind());
            }
            values.requireAssignable(field, ((ChoiceValue) value).value());
            return value;
        }
    }

    /** Any number (at least one) of entries of a value list. */
    record MultiChoiceType(ValueList values) implements PropertyType {
        public MultiChoiceType {
            ValidationException.required(values, "values");
        }

        @Override
        public String kind() {
            return "multi-choice";
        }

        @Override
        public boolean compatibleWith(PropertyType next) {
            return next instanceof MultiChoiceType && ((MultiChoiceType) next).values.keepsEntriesOf(values);
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof MultiChoiceValue)) {
                throw wrongKind(field, value, kind());
            }
            ((MultiChoiceValue) value).values().forEach(id -> values.requireAssignable(field, id));
            return value;
        }
    }

    /** An employee of the host's directory. */
    record EmployeeRefType() implements PropertyType {
        @Override
        public String kind() {
            return "employee";
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof EmployeeValue)) {
                throw wrongKind(field, value, kind());
            }
            return value;
        }
    }

    /** Another client of the same tenant. */
    record ClientRefType() implements PropertyType {
        @Override
        public String kind() {
            return "client";
        }

        @Override
        public PropertyValue check(String field, PropertyValue value) {
            if (!(value instanceof ClientValue)) {
                throw wrongKind(field, value, kind());
            }
            return value;
        }
    }
}
