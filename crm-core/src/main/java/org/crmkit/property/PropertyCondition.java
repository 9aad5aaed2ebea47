package org.crmkit.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.common.CleanText;
import org.crmkit.common.CrmException;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * What a rule asks of one additional property's value ({@code ClientCriterion.PropertyMatches}):
 * a closed set of conditions, each checked when it is built (a date compared with money, money in
 * two currencies, a negative number of days, a range whose start lies after its end are
 * {@link ValidationException}s naming the field and the value), and against a property's type with
 * {@link #checkFits} (a date condition on a text property) before a rule that names the property is
 * used.
 *
 * <p><b>A client without a value</b> satisfies only {@link NotEqualTo} and {@link Empty}; every
 * other condition is false for it, so {@code not (equal to x)} and {@code not equal to x} both hold
 * for it, and {@code contains}, {@code starts with} and the comparisons never match a missing value.
 * A value of another kind than the condition's (a number where money is asked, money in another
 * currency) does not match either. Text is compared folded ({@link CleanText#fold}: case, ё/е,
 * runs of spaces), other values exactly (numbers by value: 12.5 equals 12.50).
 *
 * <p><b>Relative dates</b> ({@link WithinLastDays}, {@link MoreThanDaysAgo}) {@linkplain #dependsOnClock
 * depend on the clock}: they are read at the Crm's today by {@link #at} into fixed ones before a
 * store or the in-memory meaning evaluates them; evaluating one unread is an error.
 */
// One file on purpose: the sealed set of conditions (each record with its checks, its test and its visitor
// method), as ClientCriterion is. Its near-copies (the three ordered comparisons) are left for a shared
// bound helper; see the issue 17 note.
public sealed interface PropertyCondition {

    /** Whether a client holding {@code stored} (empty: no value) satisfies the condition. */
    boolean test(Optional<PropertyValue> stored);

    <R> R accept(Visitor<R> visitor);

    /** Whether the condition's answer changes with time alone. */
    default boolean dependsOnClock() {
        return false;
    }

    /** The condition with relative dates read at {@code today}; a fixed condition answers itself. */
    default PropertyCondition at(LocalDate today) {
        ValidationException.required(today, "today");
        return this;
    }

    /** The kinds of property ({@link PropertyType#kind()}) the condition can be asked of. */
    Set<String> kinds();

    /**
     * Fails with a {@link ValidationException} naming the property when the condition cannot apply
     * to a property of this type (a date range on a text property, money in euros on a property
     * in roubles).
     */
    default void checkFits(PropertyKey key, PropertyType type) {
        ValidationException.required(key, "key");
        ValidationException.required(type, "type");
        if (!kinds().contains(type.kind())) {
            throw new ValidationException("condition", describe(), "does not apply to the " + type.kind() + " property " + key.value()
                    + " (it applies to " + kinds().stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (type instanceof PropertyType.MoneyType) {
            String currency = ((PropertyType.MoneyType) type).currency().getCurrencyCode();
            currencies().stream().filter(c -> !c.equals(currency)).findFirst().ifPresent(other -> {
                throw new ValidationException("condition", describe(), "compares " + other + " with the property " + key.value()
                        + " held in " + currency);
            });
        }
    }

    /** The currencies of the money the condition names. */
    default Set<String> currencies() {
        return Set.of();
    }

    /** The condition as a person reads it, for messages. */
    String describe();

    /** One method per condition: translators that forget one do not compile. */
    interface Visitor<R> {
        R equalTo(EqualTo condition);

        R notEqualTo(NotEqualTo condition);

        R in(In condition);

        R contains(Contains condition);

        R startsWith(StartsWith condition);

        R atLeast(AtLeast condition);

        R atMost(AtMost condition);

        R between(Between condition);

        R withinLastDays(WithinLastDays condition);

        R moreThanDaysAgo(MoreThanDaysAgo condition);

        R filled(Filled condition);

        R empty(Empty condition);

        R anyOf(AnyOf condition);

        R allOf(AllOf condition);
    }

    /** The largest number of days a relative date may reach back: about 300 years. */
    int MAX_DAYS = 110_000;

    /**
     * The value equals this one: text folded, numbers by value, a choice also when it is one of a
     * multi-choice's entries. Compare a multi-choice one entry at a time ({@link AnyOf}, {@link AllOf}).
     */
    record EqualTo(PropertyValue value) implements PropertyCondition {
        public EqualTo {
            value = Values.single("value", value);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return stored.filter(s -> Values.equal(s, value)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.equalTo(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.kinds(value);
        }

        @Override
        public Set<String> currencies() {
            return Values.currencies(List.of(value));
        }

        @Override
        public String describe() {
            return "= " + value.display();
        }
    }

    /** The value is missing or does not equal this one: exactly {@code not (EqualTo value)}. */
    record NotEqualTo(PropertyValue value) implements PropertyCondition {
        public NotEqualTo {
            value = Values.single("value", value);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return !new EqualTo(value).test(stored);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notEqualTo(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.kinds(value);
        }

        @Override
        public Set<String> currencies() {
            return Values.currencies(List.of(value));
        }

        @Override
        public String describe() {
            return "!= " + value.display();
        }
    }

    /** The value equals one of these (as {@link EqualTo}); all of one kind, at least one. */
    record In(Set<PropertyValue> values) implements PropertyCondition {
        public In {
            values = Set.copyOf(ValidationException.requiredElements(values, "values"));
            if (values.isEmpty()) {
                throw new ValidationException("values", values, "is empty; a condition on no value matches nobody");
            }
            values.forEach(v -> Values.single("values", v));
            Set<String> kinds = values.stream().map(Values::kind).collect(Collectors.toSet());
            if (kinds.size() > 1) {
                throw new ValidationException("values", Values.display(values), "mixes kinds of value " + new java.util.TreeSet<>(kinds));
            }
            if (Values.currencies(values).size() > 1) {
                throw new ValidationException("values", Values.display(values), "mixes currencies " + new java.util.TreeSet<>(Values.currencies(values)));
            }
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return stored.filter(s -> values.stream().anyMatch(v -> Values.equal(s, v))).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.in(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.kinds(values.iterator().next());
        }

        @Override
        public Set<String> currencies() {
            return Values.currencies(values);
        }

        @Override
        public String describe() {
            return "in (" + Values.display(values) + ")";
        }
    }

    /** A text value contains the fragment, both folded; the fragment is kept folded. */
    record Contains(String fragment) implements PropertyCondition {
        public Contains {
            fragment = CleanText.fold(CleanText.require("fragment", fragment, 200));
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return Values.folded(stored).filter(t -> t.contains(fragment)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.contains(this);
        }

        @Override
        public Set<String> kinds() {
            return Set.of("text");
        }

        @Override
        public String describe() {
            return "contains \"" + fragment + "\"";
        }
    }

    /** A text value starts with the prefix, both folded; the prefix is kept folded. */
    record StartsWith(String prefix) implements PropertyCondition {
        public StartsWith {
            prefix = CleanText.fold(CleanText.require("prefix", prefix, 200));
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return Values.folded(stored).filter(t -> t.startsWith(prefix)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.startsWith(this);
        }

        @Override
        public Set<String> kinds() {
            return Set.of("text");
        }

        @Override
        public String describe() {
            return "starts with \"" + prefix + "\"";
        }
    }

    /** A number, money (in the bound's currency) or date value at least the bound. */
    record AtLeast(PropertyValue bound) implements PropertyCondition {
        public AtLeast {
            Values.comparable("bound", bound);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return stored.flatMap(s -> Values.compare(s, bound)).filter(c -> c >= 0).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.atLeast(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.kinds(bound);
        }

        @Override
        public Set<String> currencies() {
            return Values.currencies(List.of(bound));
        }

        @Override
        public String describe() {
            return ">= " + bound.display();
        }
    }

    /** A number, money (in the bound's currency) or date value at most the bound. */
    record AtMost(PropertyValue bound) implements PropertyCondition {
        public AtMost {
            Values.comparable("bound", bound);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return stored.flatMap(s -> Values.compare(s, bound)).filter(c -> c <= 0).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.atMost(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.kinds(bound);
        }

        @Override
        public Set<String> currencies() {
            return Values.currencies(List.of(bound));
        }

        @Override
        public String describe() {
            return "<= " + bound.display();
        }
    }

    /** A number, money or date value from {@code from} to {@code to}, both included; both bounds of one kind and currency. */
    record Between(PropertyValue from, PropertyValue to) implements PropertyCondition {
        public Between {
            Values.comparable("from", from);
            Values.comparable("to", to);
            if (!Values.kind(from).equals(Values.kind(to))) {
                throw new ValidationException("to", to.display(), "is a " + Values.kind(to) + ", but from is a " + Values.kind(from));
            }
            if (Values.currencies(List.of(from, to)).size() > 1) {
                throw new ValidationException("to", to.display(), "is in another currency than from " + from.display()
                        + "; money is compared within one currency");
            }
            if (Values.compare(from, to).orElseThrow() > 0) {
                throw new ValidationException("to", to.display(), "lies before from " + from.display());
            }
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return stored.filter(s -> Values.compare(s, from).filter(c -> c >= 0).isPresent()
                    && Values.compare(s, to).filter(c -> c <= 0).isPresent()).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.between(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.kinds(from);
        }

        @Override
        public Set<String> currencies() {
            return Values.currencies(List.of(from, to));
        }

        @Override
        public String describe() {
            return "between " + from.display() + " and " + to.display();
        }
    }

    /**
     * A date value in the last {@code days} days: from today minus {@code days} to today, both
     * included (0: today). Relative: read at today by {@link #at} into a {@link Between}.
     */
    record WithinLastDays(int days) implements PropertyCondition {
        public WithinLastDays {
            Values.days("days", days);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            throw Values.unread(this);
        }

        @Override
        public boolean dependsOnClock() {
            return true;
        }

        @Override
        public PropertyCondition at(LocalDate today) {
            ValidationException.required(today, "today");
            return new Between(PropertyValue.date(today.minusDays(days)), PropertyValue.date(today));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.withinLastDays(this);
        }

        @Override
        public Set<String> kinds() {
            return Set.of("date");
        }

        @Override
        public String describe() {
            return "in the last " + days + " days";
        }
    }

    /**
     * A date value more than {@code days} days ago: before today minus {@code days}. Relative: read
     * at today by {@link #at} into an {@link AtMost} of the day before that.
     */
    record MoreThanDaysAgo(int days) implements PropertyCondition {
        public MoreThanDaysAgo {
            Values.days("days", days);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            throw Values.unread(this);
        }

        @Override
        public boolean dependsOnClock() {
            return true;
        }

        @Override
        public PropertyCondition at(LocalDate today) {
            ValidationException.required(today, "today");
            return new AtMost(PropertyValue.date(today.minusDays(days + 1L)));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.moreThanDaysAgo(this);
        }

        @Override
        public Set<String> kinds() {
            return Set.of("date");
        }

        @Override
        public String describe() {
            return "more than " + days + " days ago";
        }
    }

    /** The client holds a value of the property. */
    record Filled() implements PropertyCondition {
        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return stored.isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.filled(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.ALL_KINDS;
        }

        @Override
        public String describe() {
            return "is filled";
        }
    }

    /** The client holds no value of the property: exactly {@code not (Filled)}. */
    record Empty() implements PropertyCondition {
        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return stored.isEmpty();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.empty(this);
        }

        @Override
        public Set<String> kinds() {
            return Values.ALL_KINDS;
        }

        @Override
        public String describe() {
            return "is empty";
        }
    }

    /** A choice value is one of these entries, or a multi-choice value selects at least one of them. */
    record AnyOf(Set<ChoiceId> choices) implements PropertyCondition {
        public AnyOf {
            choices = Values.choices(choices);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return Values.selected(stored).stream().anyMatch(choices::contains);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.anyOf(this);
        }

        @Override
        public Set<String> kinds() {
            return Set.of("choice", "multi-choice");
        }

        @Override
        public String describe() {
            return "any of (" + Values.display(choices) + ")";
        }
    }

    /** A multi-choice value selects every one of these entries (a choice value: the one entry asked). */
    record AllOf(Set<ChoiceId> choices) implements PropertyCondition {
        public AllOf {
            choices = Values.choices(choices);
        }

        @Override
        public boolean test(Optional<PropertyValue> stored) {
            return Values.selected(stored).containsAll(choices);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.allOf(this);
        }

        @Override
        public Set<String> kinds() {
            return Set.of("choice", "multi-choice");
        }

        @Override
        public String describe() {
            return "all of (" + Values.display(choices) + ")";
        }
    }

    /** The comparisons the conditions share. */
    final class Values {
        static final Set<String> ALL_KINDS = Set.of("text", "number", "money", "date", "boolean", "choice", "multi-choice", "employee",
                "client");

        private Values() {
        }

        static PropertyValue single(String field, PropertyValue value) {
            ValidationException.required(value, field);
            if (value instanceof PropertyValue.MultiChoiceValue) {
                throw new ValidationException(field, value.display(), "compare one entry at a time (AnyOf, AllOf or a ChoiceValue)");
            }
            return value;
        }

        static void comparable(String field, PropertyValue bound) {
            ValidationException.required(bound, field);
            if (!(bound instanceof PropertyValue.NumberValue || bound instanceof PropertyValue.MoneyValue
                    || bound instanceof PropertyValue.DateValue)) {
                throw new ValidationException(field, bound.display(), "is a " + kind(bound) + "; only numbers, money and dates are ordered");
            }
        }

        static void days(String field, int days) {
            if (days < 0 || days > MAX_DAYS) {
                throw new ValidationException(field, days, "must be between 0 and " + MAX_DAYS);
            }
        }

        static Set<ChoiceId> choices(Set<ChoiceId> choices) {
            Set<ChoiceId> copy = Set.copyOf(ValidationException.requiredElements(choices, "choices"));
            if (copy.isEmpty()) {
                throw new ValidationException("choices", copy, "is empty; name at least one entry");
            }
            return copy;
        }

        static CrmException unread(PropertyCondition condition) {
            return new CrmException("the relative condition \"" + condition.describe()
                    + "\" must be read at a day first (Criterion.at(rule, now)); the Crm's use cases do it with its clock");
        }

        /** The kind of value ({@link PropertyType#kind()} of the properties that hold it). */
        static String kind(PropertyValue value) {
            return value.accept(KIND);
        }

        static Set<String> kinds(PropertyValue value) {
            String kind = kind(value);
            return kind.equals("choice") ? Set.of("choice", "multi-choice") : Set.of(kind);
        }

        static Set<String> currencies(java.util.Collection<PropertyValue> values) {
            return values.stream().filter(v -> v instanceof PropertyValue.MoneyValue)
                    .map(v -> ((PropertyValue.MoneyValue) v).value().currency().getCurrencyCode()).collect(Collectors.toSet());
        }

        static String display(Set<?> values) {
            return values.stream().map(v -> v instanceof PropertyValue ? ((PropertyValue) v).display() : v.toString()).sorted()
                    .collect(Collectors.joining(", "));
        }

        static Optional<String> folded(Optional<PropertyValue> stored) {
            return stored.filter(s -> s instanceof PropertyValue.TextValue).map(s -> CleanText.fold(((PropertyValue.TextValue) s).value()));
        }

        static Set<ChoiceId> selected(Optional<PropertyValue> stored) {
            if (stored.isEmpty()) {
                return Set.of();
            }
            PropertyValue value = stored.get();
            if (value instanceof PropertyValue.ChoiceValue) {
                return Set.of(((PropertyValue.ChoiceValue) value).value());
            }
            if (value instanceof PropertyValue.MultiChoiceValue) {
                return ((PropertyValue.MultiChoiceValue) value).values();
            }
            return Set.of();
        }

        static boolean equal(PropertyValue stored, PropertyValue value) {
            if (stored instanceof PropertyValue.MultiChoiceValue && value instanceof PropertyValue.ChoiceValue) {
                return ((PropertyValue.MultiChoiceValue) stored).values().contains(((PropertyValue.ChoiceValue) value).value());
            }
            if (stored instanceof PropertyValue.TextValue && value instanceof PropertyValue.TextValue) {
                return CleanText.fold(((PropertyValue.TextValue) stored).value()).equals(CleanText.fold(((PropertyValue.TextValue) value).value()));
            }
            Optional<Integer> order = compare(stored, value);
            if (order.isPresent()) {
                return order.get() == 0;
            }
            return stored.equals(value);
        }

        /** The order of two numbers, two amounts in one currency or two dates; empty for anything else. */
        static Optional<Integer> compare(PropertyValue a, PropertyValue b) {
            if (a instanceof PropertyValue.NumberValue && b instanceof PropertyValue.NumberValue) {
                return Optional.of(((PropertyValue.NumberValue) a).value().compareTo(((PropertyValue.NumberValue) b).value()));
            }
            if (a instanceof PropertyValue.MoneyValue && b instanceof PropertyValue.MoneyValue) {
                Money x = ((PropertyValue.MoneyValue) a).value();
                Money y = ((PropertyValue.MoneyValue) b).value();
                return x.currency().equals(y.currency()) ? Optional.of(x.amount().compareTo(y.amount())) : Optional.empty();
            }
            if (a instanceof PropertyValue.DateValue && b instanceof PropertyValue.DateValue) {
                return Optional.of(((PropertyValue.DateValue) a).value().compareTo(((PropertyValue.DateValue) b).value()));
            }
            return Optional.empty();
        }

        private static final PropertyValue.Visitor<String> KIND = new PropertyValue.Visitor<>() {
            @Override
            public String text(PropertyValue.TextValue value) {
                return "text";
            }

            @Override
            public String number(PropertyValue.NumberValue value) {
                return "number";
            }

            @Override
            public String money(PropertyValue.MoneyValue value) {
                return "money";
            }

            @Override
            public String date(PropertyValue.DateValue value) {
                return "date";
            }

            @Override
            public String bool(PropertyValue.BooleanValue value) {
                return "boolean";
            }

            @Override
            public String choice(PropertyValue.ChoiceValue value) {
                return "choice";
            }

            @Override
            public String choices(PropertyValue.MultiChoiceValue value) {
                return "multi-choice";
            }

            @Override
            public String employee(PropertyValue.EmployeeValue value) {
                return "employee";
            }

            @Override
            public String client(PropertyValue.ClientValue value) {
                return "client";
            }
        };
    }
}
