package org.crmkit.jpa.internal;

import java.util.function.Function;

import org.crmkit.property.PropertyValue;

/**
 * The condition on a property value row {@code p} of {@code crm_client_property} that holds a
 * value, as {@link Mapping#valueRows} stores it: one column per kind of value, references marked
 * by their {@link ReferenceKind}. Part of {@link SqlCriteria}'s translation of
 * {@code PropertyEquals}; parameters go through the translator's {@code param}.
 */
final class ValueRowSql implements PropertyValue.Visitor<String> {
    private final Function<Object, String> param;
    private final SqlDialect dialect;

    ValueRowSql(Function<Object, String> param, SqlDialect dialect) {
        this.param = param;
        this.dialect = dialect;
    }

    private String param(Object value) {
        return param.apply(value);
    }

    @Override
    public String text(PropertyValue.TextValue v) {
        String value = param(v.value());
        return dialect.textEquals("p.value_text = " + value + " AND p.value_ref IS NULL", value);
    }

    @Override
    public String number(PropertyValue.NumberValue v) {
        return "p.value_number = " + param(v.value()) + " AND p.currency IS NULL";
    }

    @Override
    public String money(PropertyValue.MoneyValue v) {
        return "p.value_number = " + param(v.value().amount()) + " AND p.currency = " + param(v.value().currency().getCurrencyCode());
    }

    @Override
    public String date(PropertyValue.DateValue v) {
        return "p.value_date = " + param(v.value());
    }

    @Override
    public String bool(PropertyValue.BooleanValue v) {
        return "p.value_bool = " + param(v.value());
    }

    @Override
    public String choice(PropertyValue.ChoiceValue v) {
        return "p.value_ref = " + param(v.value().toString()) + " AND (" + ReferenceKind.CHOICE.sql("p.value_text") + " OR " + ReferenceKind.CHOICE_OF_MANY.sql("p.value_text") + ")";
    }

    @Override
    public String choices(PropertyValue.MultiChoiceValue v) {
        throw new IllegalArgumentException("a criterion compares one choice at a time");
    }

    @Override
    public String employee(PropertyValue.EmployeeValue v) {
        return "p.value_ref = " + param(v.value().value()) + " AND " + ReferenceKind.EMPLOYEE.sql("p.value_text");
    }

    @Override
    public String client(PropertyValue.ClientValue v) {
        return "p.value_ref = " + param(v.value().toString()) + " AND " + ReferenceKind.CLIENT.sql("p.value_text");
    }
}
