package org.crmkit.jpa.internal;

import java.util.List;

import org.crmkit.client.ContactPersonCriterion;

/**
 * Translates a contact-person criterion into a condition on {@code crm_contact_person} under an
 * alias. Every leaf is two-valued (never SQL NULL), so NOT means what the in-memory test means.
 */
final class PersonSql extends LeafSql<ContactPersonCriterion> implements ContactPersonCriterion.Visitor<String> {
    private final List<Object> parameters;
    private final String p;
    private final SqlDialect dialect;
    private final SqlCriteria params;

    PersonSql(List<Object> parameters, String alias, SqlDialect dialect) {
        this.parameters = parameters;
        this.p = alias;
        this.dialect = dialect;
        this.params = new SqlCriteria(parameters, alias, dialect);
    }

    @Override
    public String leaf(ContactPersonCriterion leaf) {
        return leaf.accept(this);
    }

    @Override
    public String positionIs(ContactPersonCriterion.PositionIs criterion) {
        return p + ".position_title IS NOT NULL AND " + p + ".position_title = " + params.param(criterion.position());
    }

    @Override
    public String responsibleIs(ContactPersonCriterion.ResponsibleIs criterion) {
        return p + ".responsible IS NOT NULL AND " + p + ".responsible = " + params.param(criterion.employee().value());
    }

    @Override
    public String phoneIs(ContactPersonCriterion.PhoneIs criterion) {
        return contact("k.search_value = " + params.param(criterion.phone().e164()) + " AND k.type IN (" + SqlCriteria.PHONE_TYPES + ")");
    }

    @Override
    public String emailIs(ContactPersonCriterion.EmailIs criterion) {
        return contact("k.search_value = " + params.param(criterion.email().searchKey()) + " AND k.type = 'EMAIL'");
    }

    private String contact(String match) {
        return "EXISTS (SELECT 1 FROM crm_person_contact k WHERE k.tenant_id = " + p + ".tenant_id AND k.person_id = " + p + ".id AND "
                + match + ")";
    }

    @Override
    public String ofClient(ContactPersonCriterion.OfClient criterion) {
        String c = "oc" + parameters.size();
        return "EXISTS (SELECT 1 FROM crm_client " + c + " WHERE " + c + ".tenant_id = ?1 AND " + c + ".id = " + p + ".client_id AND ("
                + criterion.client().fold(new SqlCriteria(parameters, c, dialect)) + "))";
    }
}
