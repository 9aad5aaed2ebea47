package org.crmkit.jpa.internal;

import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmkit.common.CleanText;
import org.crmkit.common.CrmException;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;

/**
 * A {@link PropertyCondition} on one property of client {@code c}, as a condition on the client:
 * the client has a value row {@code p} of {@code crm_client_property} that matches (an id list on
 * H2, a correlated EXISTS on PostgreSQL, see {@link SqlDialect#clientsHaving}), or, for the
 * conditions a missing value satisfies ({@code NotEqualTo}, {@code Empty}), has none. Every answer
 * is two-valued, so NOT means what {@link PropertyCondition#test} means. Text is compared on the
 * folded column {@code value_key} (V500), which only text rows carry; every value is a parameter.
 */
final class PropertyConditionSql implements PropertyCondition.Visitor<String> {
    private static final String PROPERTIES = "crm_client_property";

    private final Function<Object, String> param;
    private final SqlDialect dialect;
    private final String c;
    private final PropertyKey key;

    PropertyConditionSql(Function<Object, String> param, SqlDialect dialect, String clientAlias, PropertyKey key) {
        this.param = param;
        this.dialect = dialect;
        this.c = clientAlias;
        this.key = key;
    }

    /** The client has a value row of the property that matches. */
    private String rows(String match) {
        return dialect.clientsHaving(c, PROPERTIES, "p", "p.property_key = " + param.apply(key.value()) + " AND (" + match + ")");
    }

    /** A row holding the value (text folded; a choice also as an entry of a multi-choice). */
    private String rowEquals(PropertyValue value) {
        if (value instanceof PropertyValue.TextValue) {
            return "p.value_key = " + param.apply(CleanText.fold(((PropertyValue.TextValue) value).value()));
        }
        return value.accept(new ValueRowSql(param, dialect));
    }

    /** A row whose number, money (same currency) or date compares with the bound as {@code operator} says. */
    private String rowCompares(PropertyValue bound, String operator) {
        if (bound instanceof PropertyValue.NumberValue) {
            return "p.currency IS NULL AND p.value_number " + operator + " " + param.apply(((PropertyValue.NumberValue) bound).value());
        }
        if (bound instanceof PropertyValue.MoneyValue) {
            PropertyValue.MoneyValue money = (PropertyValue.MoneyValue) bound;
            return "p.currency = " + param.apply(money.value().currency().getCurrencyCode()) + " AND p.value_number " + operator + " "
                    + param.apply(money.value().amount());
        }
        if (bound instanceof PropertyValue.DateValue) {
            return "p.value_date " + operator + " " + param.apply(((PropertyValue.DateValue) bound).value());
        }
        throw new IllegalArgumentException("not an ordered value: " + bound.display());
    }

    private String choiceRow(String refs) {
        return "p.value_ref IN (" + refs + ") AND (" + ReferenceKind.CHOICE.sql("p.value_text") + " OR "
                + ReferenceKind.CHOICE_OF_MANY.sql("p.value_text") + ")";
    }

    private static CrmException unread(PropertyCondition condition) {
        return new CrmException("the relative condition \"" + condition.describe()
                + "\" must be read at a day first (Criterion.at(rule, now)); the Crm's use cases do it with its clock");
    }

    @Override
    public String equalTo(PropertyCondition.EqualTo condition) {
        return rows(rowEquals(condition.value()));
    }

    @Override
    public String notEqualTo(PropertyCondition.NotEqualTo condition) {
        return "NOT (" + rows(rowEquals(condition.value())) + ")";
    }

    @Override
    public String in(PropertyCondition.In condition) {
        return rows(condition.values().stream().map(v -> "(" + rowEquals(v) + ")").collect(Collectors.joining(" OR ")));
    }

    @Override
    public String contains(PropertyCondition.Contains condition) {
        return rows("p.value_key LIKE " + param.apply("%" + SqlCriteria.escapeLike(condition.fragment()) + "%") + " ESCAPE '\\'");
    }

    @Override
    public String startsWith(PropertyCondition.StartsWith condition) {
        return rows("p.value_key LIKE " + param.apply(SqlCriteria.escapeLike(condition.prefix()) + "%") + " ESCAPE '\\'");
    }

    @Override
    public String atLeast(PropertyCondition.AtLeast condition) {
        return rows(rowCompares(condition.bound(), ">="));
    }

    @Override
    public String atMost(PropertyCondition.AtMost condition) {
        return rows(rowCompares(condition.bound(), "<="));
    }

    @Override
    public String between(PropertyCondition.Between condition) {
        return rows(rowCompares(condition.from(), ">=") + " AND " + rowCompares(condition.to(), "<="));
    }

    @Override
    public String withinLastDays(PropertyCondition.WithinLastDays condition) {
        throw unread(condition);
    }

    @Override
    public String moreThanDaysAgo(PropertyCondition.MoreThanDaysAgo condition) {
        throw unread(condition);
    }

    @Override
    public String filled(PropertyCondition.Filled condition) {
        return rows("1 = 1");
    }

    @Override
    public String empty(PropertyCondition.Empty condition) {
        return "NOT (" + rows("1 = 1") + ")";
    }

    @Override
    public String anyOf(PropertyCondition.AnyOf condition) {
        return rows(choiceRow(condition.choices().stream().map(ChoiceId::toString).sorted().map(param)
                .collect(Collectors.joining(", "))));
    }

    @Override
    public String allOf(PropertyCondition.AllOf condition) {
        return condition.choices().stream().map(ChoiceId::toString).sorted().map(id -> "(" + rows(choiceRow(param.apply(id))) + ")")
                .collect(Collectors.joining(" AND "));
    }
}
