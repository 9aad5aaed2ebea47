package org.crmkit.jpa.internal;

import java.util.List;
import java.util.Map;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.common.CrmException;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealCriterion;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.ledger.ClientClassCriterion;
import org.crmkit.segment.SegmentCriterion;
import org.crmkit.survey.SurveyCriterion;

/**
 * Translates the leaves on related records ({@link ClientCriterion.Having}) by the relation's
 * name: one entry per relation a feature declares, each an EXISTS on the related table, keyed by
 * {@code (tenant_id, client_id)} like every table that refers to a client.
 */
final class RelationSql {
    /** Makes the EXISTS for a relation: client alias, the criterion on the related records, parameters, dialect. */
    private interface Exists {
        String sql(String client, Criterion<?> criterion, List<Object> parameters, SqlDialect dialect);
    }

    @SuppressWarnings("unchecked")
    private static final Map<String, Exists> RELATIONS = Map.of(
            ContactPersonCriterion.OF_CLIENT.name(), (client, criterion, parameters, dialect) -> {
                String p = "p" + parameters.size();
                return "EXISTS (SELECT 1 FROM crm_contact_person " + p + " WHERE " + p + ".tenant_id = ?1 AND " + p + ".client_id = "
                        + client + ".id AND (" + ((Criterion<ContactPersonCriterion>) criterion).fold(new PersonSql(parameters, p, dialect))
                        + "))";
            },
            DealCriterion.OF_CLIENT.name(), (client, criterion, parameters, dialect) -> {
                String d = "d" + parameters.size();
                return "EXISTS (SELECT 1 FROM crm_deal " + d + " WHERE " + d + ".tenant_id = ?1 AND " + d + ".client_id = " + client
                        + ".id AND (" + ((Criterion<DealCriterion>) criterion).fold(new DealSql(parameters, d, dialect)) + "))";
            },
            InteractionCriterion.OF_CLIENT.name(), (client, criterion, parameters, dialect) ->
                    InteractionSql.ofClient(client, (Criterion<InteractionCriterion>) criterion, parameters, dialect),
            SurveyCriterion.LAST_SCORES.name(), (client, criterion, parameters, dialect) ->
                    JpaSurveyStore.lastScores(client, (Criterion<SurveyCriterion>) criterion, parameters),
            ClientClassCriterion.OF_CLIENT.name(), (client, criterion, parameters, dialect) ->
                    JpaFactStore.classesOf(client, (Criterion<ClientClassCriterion>) criterion, parameters),
            ConsentCriterion.IN_EFFECT.name(), (client, criterion, parameters, dialect) ->
                    JpaConsentStore.inEffect(client, (Criterion<ConsentCriterion>) criterion, parameters),
            SuppressionCriterion.OF_CLIENT.name(), (client, criterion, parameters, dialect) ->
                    JpaConsentStore.suppressedOf(client, (Criterion<SuppressionCriterion>) criterion, parameters),
            SegmentCriterion.LISTS.name(), (client, criterion, parameters, dialect) ->
                    JpaSegmentStore.inLists(client, (Criterion<SegmentCriterion>) criterion, parameters));

    private RelationSql() {
    }

    static String exists(ClientCriterion.Having<?> having, String client, List<Object> parameters, SqlDialect dialect) {
        Exists exists = RELATIONS.get(having.relation().name());
        if (exists == null) {
            throw new CrmException("the JPA storage knows no relation " + having.relation().name() + " of clients");
        }
        return exists.sql(client, having.criterion(), parameters, dialect);
    }
}
