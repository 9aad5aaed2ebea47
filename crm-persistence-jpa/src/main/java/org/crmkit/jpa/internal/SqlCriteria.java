package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactType;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.property.PropertyValue;

/**
 * Translates a criterion into one SQL condition on {@code crm_client c}, with positional
 * parameters. Every leaf is two-valued (never SQL NULL), so NOT means exactly what
 * {@link ClientCriterion#test} means; the store contract kit compares both answers.
 */
final class SqlCriteria implements ClientCriterion.Visitor<String> {
    private static final String PHONE_TYPES = java.util.Arrays.stream(ContactType.values()).filter(ContactType::isPhone)
            .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));

    private final List<Object> parameters;

    SqlCriteria(List<Object> parameters) {
        this.parameters = parameters;
    }

    /** Adds a parameter and returns its placeholder. */
    private String param(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private String params(List<?> values) {
        return values.stream().map(this::param).collect(Collectors.joining(", "));
    }

    @Override
    public String all(ClientCriterion.All criterion) {
        return "1 = 1";
    }

    @Override
    public String and(ClientCriterion.And criterion) {
        if (criterion.parts().isEmpty()) {
            return "1 = 1";
        }
        return criterion.parts().stream().map(p -> "(" + p.accept(this) + ")").collect(Collectors.joining(" AND "));
    }

    @Override
    public String or(ClientCriterion.Or criterion) {
        if (criterion.parts().isEmpty()) {
            return "1 = 0";
        }
        return criterion.parts().stream().map(p -> "(" + p.accept(this) + ")").collect(Collectors.joining(" OR "));
    }

    @Override
    public String not(ClientCriterion.Not criterion) {
        return "NOT (" + criterion.part().accept(this) + ")";
    }

    @Override
    public String idIn(ClientCriterion.IdIn criterion) {
        if (criterion.ids().isEmpty()) {
            return "1 = 0";
        }
        return "c.id IN (" + params(criterion.ids().stream().map(ClientId::value).collect(Collectors.toList())) + ")";
    }

    @Override
    public String managedBy(ClientCriterion.ManagedBy criterion) {
        if (criterion.managers().isEmpty()) {
            return "1 = 0";
        }
        return "c.manager IS NOT NULL AND c.manager IN (" + params(criterion.managers().stream().map(EmployeeId::value)
                .sorted().collect(Collectors.toList())) + ")";
    }

    @Override
    public String nameContains(ClientCriterion.NameContains criterion) {
        String pattern = "%" + escapeLike(criterion.fragment()) + "%";
        return "c.short_key LIKE " + param(pattern) + " ESCAPE '\\' OR (c.full_key IS NOT NULL AND c.full_key LIKE "
                + param(pattern) + " ESCAPE '\\')";
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public String codeIs(ClientCriterion.CodeIs criterion) {
        return "c.code = " + param(criterion.code().value());
    }

    @Override
    public String codeIn(ClientCriterion.CodeIn criterion) {
        if (criterion.codes().isEmpty()) {
            return "1 = 0";
        }
        return "c.code IN (" + params(criterion.codes().stream().map(c -> c.value()).sorted().collect(Collectors.toList())) + ")";
    }

    @Override
    public String innIs(ClientCriterion.InnIs criterion) {
        return "c.inn IS NOT NULL AND c.inn = " + param(criterion.inn().value());
    }

    @Override
    public String phoneIs(ClientCriterion.PhoneIs criterion) {
        return "EXISTS (SELECT 1 FROM crm_client_contact k WHERE k.tenant_id = c.tenant_id AND k.client_id = c.id"
                + " AND k.search_value = " + param(criterion.phone().e164()) + " AND k.type IN (" + PHONE_TYPES + "))";
    }

    @Override
    public String emailIs(ClientCriterion.EmailIs criterion) {
        return "EXISTS (SELECT 1 FROM crm_client_contact k WHERE k.tenant_id = c.tenant_id AND k.client_id = c.id"
                + " AND k.search_value = " + param(criterion.email().value().toLowerCase(Locale.ROOT)) + " AND k.type = 'EMAIL')";
    }

    @Override
    public String inGroups(ClientCriterion.InGroups criterion) {
        if (criterion.groups().isEmpty()) {
            return "1 = 0";
        }
        return "c.group_id IS NOT NULL AND c.group_id IN ("
                + params(criterion.groups().stream().map(ClientGroupId::value).collect(Collectors.toList())) + ")";
    }

    @Override
    public String kindIs(ClientCriterion.KindIs criterion) {
        return "c.kind = " + param(criterion.kind().name());
    }

    @Override
    public String relationshipIs(ClientCriterion.RelationshipIs criterion) {
        return "c.relationship IS NOT NULL AND c.relationship = " + param(criterion.relationship().value());
    }

    @Override
    public String archived(ClientCriterion.Archived criterion) {
        return "c.archived = " + param(criterion.archived());
    }

    @Override
    public String propertyEquals(ClientCriterion.PropertyEquals criterion) {
        String value = criterion.value().accept(new ValueCondition());
        return "EXISTS (SELECT 1 FROM crm_client_property p WHERE p.tenant_id = c.tenant_id AND p.client_id = c.id"
                + " AND p.property_key = " + param(criterion.key().value()) + " AND " + value + ")";
    }

    /** The condition on a value row that matches the value, as {@link Mapping#valueRows} stores it. */
    private final class ValueCondition implements PropertyValue.Visitor<String> {
        @Override
        public String text(PropertyValue.TextValue v) {
            return "p.value_text = " + param(v.value()) + " AND p.value_ref IS NULL";
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
            return "p.value_ref = " + param(v.value().toString()) + " AND (p.value_text IS NULL OR p.value_text = '*')";
        }

        @Override
        public String choices(PropertyValue.MultiChoiceValue v) {
            throw new IllegalArgumentException("a criterion compares one choice at a time");
        }

        @Override
        public String employee(PropertyValue.EmployeeValue v) {
            return "p.value_ref = " + param(v.value().value()) + " AND p.value_text = '@employee'";
        }

        @Override
        public String client(PropertyValue.ClientValue v) {
            return "p.value_ref = " + param(v.value().toString()) + " AND p.value_text = '@client'";
        }
    }

    /** The full condition with the tenant first, so every query uses the tenant-led indexes. */
    static String where(String tenant, ClientCriterion criterion, List<Object> parameters) {
        parameters.add(tenant);
        String condition = criterion.accept(new SqlCriteria(parameters));
        return "c.tenant_id = ?1 AND (" + condition + ")";
    }

    static List<Object> newParameters() {
        return new ArrayList<>();
    }
}
