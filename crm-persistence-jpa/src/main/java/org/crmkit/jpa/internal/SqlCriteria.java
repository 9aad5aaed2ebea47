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
    private final SqlDialect dialect;

    SqlCriteria(List<Object> parameters, String alias, SqlDialect dialect) {
        this.parameters = parameters;
        this.c = alias;
        this.dialect = dialect;
    }

    /** Adds a parameter and returns its placeholder. */
    String param(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private String params(List<?> values) {
        return values.stream().map(this::param).collect(Collectors.joining(", "));
    }

    /** {@code column IN (…)} for a column that follows tenant_id in an index (see {@link SqlDialect#keysIn}). */
    private String keyIn(String column, List<?> values) {
        return dialect.keysIn(c + ".", column, values, this::param);
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
        Optional<String> own = part instanceof ClientCriterion ? ((ClientCriterion) part).accept(new OwnIds()) : Optional.empty();
        if (own.isPresent()) {
            return own.get();
        }
        String inner = c + "u" + parameters.size();
        return "SELECT " + inner + ".id FROM crm_client " + inner + " WHERE " + inner + ".tenant_id = ?1 AND ("
                + part.fold(new SqlCriteria(parameters, inner, dialect)) + ")";
    }

    /** The ids of the rows of a table keyed by (tenant_id, client_id) that match, as a subquery. */
    static String clientIdsOf(String table, String alias, String match) {
        return "SELECT " + alias + ".client_id FROM " + table + " " + alias + " WHERE " + alias + ".tenant_id = ?1 AND " + match;
    }

    /**
     * The leaves answered from a table of their own (contacts, property values, name words), as the
     * ids that table names; every other leaf is empty, and {@link #idsOf} reads it off the clients.
     */
    private final class OwnIds implements ClientCriterion.Visitor<Optional<String>> {
        @Override
        public Optional<String> phoneIs(ClientCriterion.PhoneIs criterion) {
            return Optional.of(clientIdsOf(CONTACTS, "k", phoneMatch(criterion)));
        }

        @Override
        public Optional<String> emailIs(ClientCriterion.EmailIs criterion) {
            return Optional.of(clientIdsOf(CONTACTS, "k", emailMatch(criterion)));
        }

        @Override
        public Optional<String> propertyEquals(ClientCriterion.PropertyEquals criterion) {
            return Optional.of(clientIdsOf(PROPERTIES, "p", propertyMatch(criterion)));
        }

        @Override
        public Optional<String> nameWordStartsWith(ClientCriterion.NameWordStartsWith criterion) {
            return Optional.of(wordMatches(criterion.prefix(), "w.client_id"));
        }

        @Override
        public Optional<String> phoneEndsWith(ClientCriterion.PhoneEndsWith criterion) {
            return Optional.of(clientIdsOf(CONTACTS, "k", phoneEndMatch(criterion)));
        }

        @Override
        public Optional<String> emailStartsWith(ClientCriterion.EmailStartsWith criterion) {
            return Optional.of(clientIdsOf(CONTACTS, "k", emailStartMatch(criterion)));
        }

        @Override
        public Optional<String> emailEndsWith(ClientCriterion.EmailEndsWith criterion) {
            return Optional.of(clientIdsOf(CONTACTS, "k", emailEndMatch(criterion)));
        }

        @Override
        public Optional<String> idIn(ClientCriterion.IdIn criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> managedBy(ClientCriterion.ManagedBy criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> nameContains(ClientCriterion.NameContains criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> nameStartsWith(ClientCriterion.NameStartsWith criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> codeIs(ClientCriterion.CodeIs criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> codeIn(ClientCriterion.CodeIn criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> innIs(ClientCriterion.InnIs criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> inGroups(ClientCriterion.InGroups criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> kindIs(ClientCriterion.KindIs criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> relationshipIs(ClientCriterion.RelationshipIs criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> archived(ClientCriterion.Archived criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> registeredOnOrBefore(ClientCriterion.RegisteredOnOrBefore criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> having(ClientCriterion.Having<?> criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> propertyMatches(ClientCriterion.PropertyMatches criterion) {
            return Optional.empty();
        }

        @Override
        public Optional<String> hasEmail(ClientCriterion.HasEmail criterion) {
            return Optional.of(clientIdsOf(CONTACTS, "k", "k.type = 'EMAIL'"));
        }

        @Override
        public Optional<String> hasMobilePhone(ClientCriterion.HasMobilePhone criterion) {
            return Optional.of(clientIdsOf(CONTACTS, "k", "k.type = 'MOBILE'"));
        }
    }

    @Override
    public String not(Criterion<ClientCriterion> part) {
        return "NOT (" + part.fold(this) + ")";
    }

    /** A relation's records of the client, as an EXISTS on the relation's table (see {@link RelationSql}). */
    @Override
    public String having(ClientCriterion.Having<?> criterion) {
        return RelationSql.exists(criterion, c, parameters, dialect);
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
        return dialect.namesContain(c, "%" + escapeLike(criterion.fragment()) + "%", this::param);
    }

    @Override
    public String nameStartsWith(ClientCriterion.NameStartsWith criterion) {
        return c + ".short_key LIKE " + param(escapeLike(criterion.fragment()) + "%") + " ESCAPE '\\'";
    }

    /**
     * The name words that start with the prefix, as a range of the word index: from the prefix up to
     * the prefix followed by a code point no word holds ({@link SqlDialect#wordCeiling}).
     */
    String wordMatches(String prefix, String columns) {
        return "SELECT " + columns + " FROM crm_client_name_word w WHERE " + wordRange(prefix);
    }

    String wordRange(String prefix) {
        return "w.tenant_id = ?1 AND w.word >= " + param(prefix) + " AND w.word < " + param(prefix + dialect.wordCeiling());
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
        return dialect.clientsHaving(c, CONTACTS, "k", phoneMatch(criterion));
    }

    @Override
    public String emailIs(ClientCriterion.EmailIs criterion) {
        return dialect.clientsHaving(c, CONTACTS, "k", emailMatch(criterion));
    }

    @Override
    public String phoneEndsWith(ClientCriterion.PhoneEndsWith criterion) {
        return dialect.clientsHaving(c, CONTACTS, "k", phoneEndMatch(criterion));
    }

    @Override
    public String emailStartsWith(ClientCriterion.EmailStartsWith criterion) {
        return dialect.clientsHaving(c, CONTACTS, "k", emailStartMatch(criterion));
    }

    @Override
    public String emailEndsWith(ClientCriterion.EmailEndsWith criterion) {
        return dialect.clientsHaving(c, CONTACTS, "k", emailEndMatch(criterion));
    }

    /** The condition on a contact row {@code k}: a phone whose number ends with the digits, a prefix of its reversed value. */
    private String phoneEndMatch(ClientCriterion.PhoneEndsWith criterion) {
        return "k.type IN (" + PHONE_TYPES + ") AND " + reversedStartsWith(criterion.digits());
    }

    private String emailStartMatch(ClientCriterion.EmailStartsWith criterion) {
        return "k.type = 'EMAIL' AND k.search_value LIKE " + param(escapeLike(criterion.prefix()) + "%") + " ESCAPE '\\'";
    }

    private String emailEndMatch(ClientCriterion.EmailEndsWith criterion) {
        return "k.type = 'EMAIL' AND " + reversedStartsWith(criterion.suffix());
    }

    /** The contact's search value ends with the text: its reversed value is in the range of the reversed text (V9). */
    private String reversedStartsWith(String ending) {
        String reversed = Mapping.reversed(ending);
        return "k.search_reversed >= " + param(reversed) + " AND k.search_reversed < " + param(reversed + dialect.wordCeiling());
    }

    private static final String CONTACTS = "crm_client_contact";
    private static final String PROPERTIES = "crm_client_property";

    /** The condition on a contact row {@code k} for a phone criterion. */
    private String phoneMatch(ClientCriterion.PhoneIs criterion) {
        return "k.search_value = " + param(criterion.phone().e164()) + " AND k.type IN (" + PHONE_TYPES + ")";
    }

    /** The condition on a contact row {@code k} for an e-mail criterion. */
    private String emailMatch(ClientCriterion.EmailIs criterion) {
        return "k.search_value = " + param(criterion.email().searchKey()) + " AND k.type = 'EMAIL'";
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

    /** {@code registered_on} is NOT NULL, so the comparison is two-valued. */
    @Override
    public String registeredOnOrBefore(ClientCriterion.RegisteredOnOrBefore criterion) {
        return c + ".registered_on <= " + param(criterion.day());
    }

    @Override
    public String propertyEquals(ClientCriterion.PropertyEquals criterion) {
        return dialect.clientsHaving(c, PROPERTIES, "p", propertyMatch(criterion));
    }

    /** A condition on one property's value (see {@link PropertyConditionSql}). */
    @Override
    public String propertyMatches(ClientCriterion.PropertyMatches criterion) {
        return criterion.condition().accept(new PropertyConditionSql(this::param, dialect, c, criterion.key()));
    }

    /** Every e-mail stored on a card passed the address checks, so any EMAIL row is a valid address. */
    @Override
    public String hasEmail(ClientCriterion.HasEmail criterion) {
        return dialect.clientsHaving(c, CONTACTS, "k", "k.type = 'EMAIL'");
    }

    @Override
    public String hasMobilePhone(ClientCriterion.HasMobilePhone criterion) {
        return dialect.clientsHaving(c, CONTACTS, "k", "k.type = 'MOBILE'");
    }

    /**
     * The number of clients holding one property value, from the value index alone: each matching
     * value row belongs to a different stored client (a foreign key, and a client holds a value once).
     */
    static String propertyCount(String tenant, ClientCriterion.PropertyEquals criterion, List<Object> parameters, SqlDialect dialect) {
        parameters.add(tenant);
        return "SELECT COUNT(*) FROM crm_client_property p WHERE p.tenant_id = ?1 AND "
                + new SqlCriteria(parameters, "c", dialect).propertyMatch(criterion);
    }

    /** The condition on a value row {@code p} for a property criterion. */
    String propertyMatch(ClientCriterion.PropertyEquals criterion) {
        return "p.property_key = " + param(criterion.key().value()) + " AND " + criterion.value().accept(new ValueRowSql(this::param, dialect));
    }

    /**
     * The full condition with the tenant first, so every query uses the tenant-led indexes; when a
     * top-level part is a list of keys that holds the tenant ({@link SqlDialect#keyListsHoldTenant}),
     * that list alone does.
     */
    static String where(String tenant, Criterion<ClientCriterion> criterion, List<Object> parameters, SqlDialect dialect) {
        parameters.add(tenant);
        String condition = criterion.fold(new SqlCriteria(parameters, "c", dialect));
        if (dialect.keyListsHoldTenant() && ClientPages.conjuncts(criterion).stream().anyMatch(p -> LeafTraits.of(p).namesKeys())) {
            return "(" + condition + ")";
        }
        return "c.tenant_id = ?1 AND (" + condition + ")";
    }

    static List<Object> newParameters() {
        return new ArrayList<>();
    }
}
