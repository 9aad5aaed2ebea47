package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactType;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.criteria.Criterion;
import org.crmkit.property.PropertyValue;

/**
 * Translates a criterion into one SQL condition on {@code crm_client c}, with positional
 * parameters. Every leaf is two-valued (never SQL NULL), so NOT means exactly what
 * {@link ClientCriterion#test} means; the store contract kit compares both answers.
 */
final class SqlCriteria implements Criterion.Folder<ClientCriterion, String>, ClientCriterion.Visitor<String> {
    static final String PHONE_TYPES = java.util.Arrays.stream(ContactType.values()).filter(ContactType::isPhone)
            .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));

    private final List<Object> parameters;
    /** The alias of {@code crm_client} the conditions refer to; nested OR arms get aliases of their own. */
    private final String c;
    private final boolean postgres;

    SqlCriteria(List<Object> parameters, String alias, boolean postgres) {
        this.parameters = parameters;
        this.c = alias;
        this.postgres = postgres;
    }

    /** Adds a parameter and returns its placeholder. */
    String param(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private String params(List<?> values) {
        return values.stream().map(this::param).collect(Collectors.joining(", "));
    }

    /**
     * {@code column IN (…)} for a column that follows tenant_id in an index. H2 2.3 uses an IN
     * list only on an index's first column, so there the list names whole keys,
     * {@code (tenant_id, column) IN ((?1, ?), …)}, which it looks up in the (tenant_id, column) index.
     */
    private String keyIn(String column, List<?> values) {
        return keysIn(c + ".", column, values, parameters, postgres);
    }

    /**
     * The same for any table whose key is (tenant_id, column, …), with the tenant as parameter ?1
     * already in {@code parameters}; {@code qualifier} is an alias and a dot, or empty. The store
     * loads a page's children and checks codes with it.
     */
    static String keysIn(String qualifier, String column, List<?> values, List<Object> parameters, boolean postgres) {
        SqlCriteria sql = new SqlCriteria(parameters, "", postgres);
        if (postgres) {
            return qualifier + column + " IN (" + sql.params(values) + ")";
        }
        return "(" + qualifier + "tenant_id, " + qualifier + column + ") IN ("
                + values.stream().map(v -> "(?1, " + sql.param(v) + ")").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String all() {
        return "1 = 1";
    }

    @Override
    public String none() {
        return "1 = 0";
    }

    @Override
    public String leaf(ClientCriterion leaf) {
        return leaf.accept(this);
    }

    @Override
    public String and(List<Criterion<ClientCriterion>> parts) {
        if (parts.isEmpty()) {
            return "1 = 1";
        }
        return parts.stream().map(p -> "(" + p.fold(this) + ")").collect(Collectors.joining(" AND "));
    }

    /**
     * An OR of several parts becomes {@code id IN (… UNION …)}: each part is answered from its own
     * index (name trigrams, code, INN, a contact's phone, a property value) and the union is joined
     * back by primary key. A plain OR across columns and EXISTS subqueries would scan the tenant.
     */
    @Override
    public String or(List<Criterion<ClientCriterion>> parts) {
        if (parts.isEmpty()) {
            return "1 = 0";
        }
        if (parts.size() == 1) {
            return parts.get(0).fold(this);
        }
        return c + ".id IN (" + parts.stream().map(this::idsOf).collect(Collectors.joining(" UNION ")) + ")";
    }

    /** The ids of the tenant's clients that satisfy one part, as a subquery. */
    private String idsOf(Criterion<ClientCriterion> part) {
        if (part instanceof ClientCriterion.PhoneIs || part instanceof ClientCriterion.EmailIs) {
            return "SELECT k.client_id FROM crm_client_contact k WHERE k.tenant_id = ?1 AND " + contactMatch(part);
        }
        if (part instanceof ClientCriterion.PropertyEquals) {
            return "SELECT p.client_id FROM crm_client_property p WHERE p.tenant_id = ?1 AND "
                    + propertyMatch((ClientCriterion.PropertyEquals) part);
        }
        if (part instanceof ClientCriterion.NameWordStartsWith) {
            return wordMatches(((ClientCriterion.NameWordStartsWith) part).prefix(), "w.client_id");
        }
        String inner = c + "u" + parameters.size();
        return "SELECT " + inner + ".id FROM crm_client " + inner + " WHERE " + inner + ".tenant_id = ?1 AND ("
                + part.fold(new SqlCriteria(parameters, inner, postgres)) + ")";
    }

    @Override
    public String not(Criterion<ClientCriterion> part) {
        return "NOT (" + part.fold(this) + ")";
    }

    /** A relation's records of the client, as an EXISTS on the relation's table (see {@link RelationSql}). */
    @Override
    public String having(ClientCriterion.Having<?> criterion) {
        return RelationSql.exists(criterion, c, parameters, postgres);
    }

    @Override
    public String idIn(ClientCriterion.IdIn criterion) {
        if (criterion.ids().isEmpty()) {
            return "1 = 0";
        }
        return c + ".id IN (" + params(criterion.ids().stream().map(ClientId::value).collect(Collectors.toList())) + ")";
    }

    @Override
    public String managedBy(ClientCriterion.ManagedBy criterion) {
        if (criterion.managers().isEmpty()) {
            return "1 = 0";
        }
        return c + ".manager IS NOT NULL AND " + keyIn("manager", criterion.managers().stream().map(EmployeeId::value)
                .sorted().collect(Collectors.toList()));
    }

    @Override
    public String nameContains(ClientCriterion.NameContains criterion) {
        String pattern = "%" + escapeLike(criterion.fragment()) + "%";
        if (postgres) {
            // both names joined by U+0001, which neither name nor fragment can hold: the expression of the trigram index (V7)
            return "(" + c + ".short_key || chr(1) || COALESCE(" + c + ".full_key, '')) LIKE " + param(pattern) + " ESCAPE '\\'";
        }
        return c + ".short_key LIKE " + param(pattern) + " ESCAPE '\\' OR (" + c + ".full_key IS NOT NULL AND " + c + ".full_key LIKE "
                + param(pattern) + " ESCAPE '\\')";
    }

    @Override
    public String shortNameContains(ClientCriterion.ShortNameContains criterion) {
        return c + ".short_key LIKE " + param("%" + escapeLike(criterion.fragment()) + "%") + " ESCAPE '\\'";
    }

    @Override
    public String nameStartsWith(ClientCriterion.NameStartsWith criterion) {
        return c + ".short_key LIKE " + param(escapeLike(criterion.fragment()) + "%") + " ESCAPE '\\'";
    }

    /**
     * The name words that start with the prefix, as a range of the word index: from the prefix up to
     * the prefix followed by a code point no word holds (U+FFFF compared as UTF-16 on H2, U+10FFFF
     * compared as UTF-8 bytes under the "C" collation on PostgreSQL; both are noncharacters).
     */
    String wordMatches(String prefix, String columns) {
        return "SELECT " + columns + " FROM crm_client_name_word w WHERE " + wordRange(prefix);
    }

    String wordRange(String prefix) {
        return "w.tenant_id = ?1 AND w.word >= " + param(prefix) + " AND w.word < " + param(prefix + (postgres ? "\uDBFF\uDFFF" : "\uFFFF"));
    }

    @Override
    public String nameWordStartsWith(ClientCriterion.NameWordStartsWith criterion) {
        return c + ".id IN (" + wordMatches(criterion.prefix(), "w.client_id") + ")";
    }


    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public String codeIs(ClientCriterion.CodeIs criterion) {
        return c + ".code = " + param(criterion.code().value());
    }

    @Override
    public String codeIn(ClientCriterion.CodeIn criterion) {
        if (criterion.codes().isEmpty()) {
            return "1 = 0";
        }
        return keyIn("code", criterion.codes().stream().map(code -> code.value()).sorted().collect(Collectors.toList()));
    }

    @Override
    public String innIs(ClientCriterion.InnIs criterion) {
        return c + ".inn IS NOT NULL AND " + c + ".inn = " + param(criterion.inn().value());
    }

    @Override
    public String phoneIs(ClientCriterion.PhoneIs criterion) {
        if (!postgres) {
            return c + ".id IN (" + idsOf(criterion) + ")";
        }
        return "EXISTS (SELECT 1 FROM crm_client_contact k WHERE k.tenant_id = " + c + ".tenant_id AND k.client_id = " + c + ".id"
                + " AND " + contactMatch(criterion) + ")";
    }

    @Override
    public String emailIs(ClientCriterion.EmailIs criterion) {
        if (!postgres) {
            return c + ".id IN (" + idsOf(criterion) + ")";
        }
        return "EXISTS (SELECT 1 FROM crm_client_contact k WHERE k.tenant_id = " + c + ".tenant_id AND k.client_id = " + c + ".id"
                + " AND " + contactMatch(criterion) + ")";
    }

    /** The condition on a contact row {@code k} for a phone or e-mail criterion. */
    private String contactMatch(Criterion<ClientCriterion> criterion) {
        if (criterion instanceof ClientCriterion.PhoneIs) {
            return "k.search_value = " + param(((ClientCriterion.PhoneIs) criterion).phone().e164()) + " AND k.type IN (" + PHONE_TYPES + ")";
        }
        return "k.search_value = " + param(((ClientCriterion.EmailIs) criterion).email().searchKey()) + " AND k.type = 'EMAIL'";
    }

    @Override
    public String inGroups(ClientCriterion.InGroups criterion) {
        if (criterion.groups().isEmpty()) {
            return "1 = 0";
        }
        return c + ".group_id IS NOT NULL AND " + keyIn("group_id", criterion.groups().stream().map(ClientGroupId::value)
                .collect(Collectors.toList()));
    }

    @Override
    public String kindIs(ClientCriterion.KindIs criterion) {
        return c + ".kind = " + param(criterion.kind().name());
    }

    @Override
    public String relationshipIs(ClientCriterion.RelationshipIs criterion) {
        return c + ".relationship IS NOT NULL AND " + c + ".relationship = " + param(criterion.relationship().value());
    }

    @Override
    public String archived(ClientCriterion.Archived criterion) {
        return c + ".archived = " + param(criterion.archived());
    }

    @Override
    public String propertyEquals(ClientCriterion.PropertyEquals criterion) {
        if (!postgres) {
            return c + ".id IN (" + idsOf(criterion) + ")";
        }
        return "EXISTS (SELECT 1 FROM crm_client_property p WHERE p.tenant_id = " + c + ".tenant_id AND p.client_id = " + c + ".id"
                + " AND " + propertyMatch(criterion) + ")";
    }

    /**
     * The number of clients holding one property value, from the value index alone: each matching
     * value row belongs to a different stored client (a foreign key, and a client holds a value once).
     */
    static String propertyCount(String tenant, ClientCriterion.PropertyEquals criterion, List<Object> parameters, boolean postgres) {
        parameters.add(tenant);
        return "SELECT COUNT(*) FROM crm_client_property p WHERE p.tenant_id = ?1 AND "
                + new SqlCriteria(parameters, "c", postgres).propertyMatch(criterion);
    }

    /** The condition on a value row {@code p} for a property criterion. */
    String propertyMatch(ClientCriterion.PropertyEquals criterion) {
        return "p.property_key = " + param(criterion.key().value()) + " AND " + criterion.value().accept(new ValueCondition());
    }

    /** The condition on a value row that matches the value, as {@link Mapping#valueRows} stores it. */
    private final class ValueCondition implements PropertyValue.Visitor<String> {
        @Override
        public String text(PropertyValue.TextValue v) {
            String equal = "p.value_text = " + param(v.value()) + " AND p.value_ref IS NULL";
            // on PostgreSQL the index holds the first 200 characters (a B-tree entry cannot hold long texts)
            return postgres ? "left(p.value_text, 200) = left(" + param(v.value()) + ", 200) AND " + equal : equal;
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

    /**
     * The full condition with the tenant first, so every query uses the tenant-led indexes; on H2,
     * when a top-level part is a list of (tenant_id, column) keys, that list alone holds the tenant.
     */
    static String where(String tenant, Criterion<ClientCriterion> criterion, List<Object> parameters, boolean postgres) {
        parameters.add(tenant);
        String condition = criterion.fold(new SqlCriteria(parameters, "c", postgres));
        if (!postgres && ClientPages.conjuncts(criterion).stream().anyMatch(SqlCriteria::namesKeys)) {
            // H2 would look up the tenant alone and test every client against the list of keys,
            // which already holds the tenant (see keyIn)
            return "(" + condition + ")";
        }
        return "c.tenant_id = ?1 AND (" + condition + ")";
    }

    /** Whether a part becomes, on H2, a list of whole (tenant_id, column) keys that must match. */
    private static boolean namesKeys(Criterion<ClientCriterion> part) {
        return part instanceof ClientCriterion.CodeIn && !((ClientCriterion.CodeIn) part).codes().isEmpty()
                || part instanceof ClientCriterion.ManagedBy && !((ClientCriterion.ManagedBy) part).managers().isEmpty()
                || part instanceof ClientCriterion.InGroups && !((ClientCriterion.InGroups) part).groups().isEmpty();
    }


    static List<Object> newParameters() {
        return new ArrayList<>();
    }
}
