package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.criteria.Criterion;
import org.crmkit.interaction.AnalysisCount;
import org.crmkit.interaction.AnalysisRow;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.QuietClient;

/**
 * The two interaction reports and the analysis's counted form, one statement each, tenant first
 * ({@code ?1}). The analysis groups the interactions of the criterion with each client taking part
 * that matches the client criterion
 * (a participant and its client joined inside the outer join, so an interaction whose clients all
 * fail it keeps one row without a client, and two persons of one client group into one row); the
 * subtotals are counted in Java ({@link org.crmkit.interaction.InteractionAnalysis#of}). The
 * clients without interactions are a client criterion with {@code NOT EXISTS} over the
 * participants, read as lean columns, not as whole clients.
 *
 * <p>Every statement here leaves series out ({@code recurrence IS NULL}): a series counts by its
 * occurrences, which {@code InteractionReports} expands in Java from the series read and merges in.
 */
final class InteractionReportSql {
    private InteractionReportSql() {
    }

    static List<AnalysisRow> analysis(JpaStores u, Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients) {
        List<Object> parameters = new ArrayList<>(List.of(u.tenant));
        String interactionWhere = interactions.fold(new InteractionSql(parameters, "i", u.dialect, () -> InteractionSpans.longest(u)));
        String clientWhere = clients.fold(new SqlCriteria(parameters, "c", u.dialect));
        String sql = "SELECT i.responsible, c.id AS client_id, c.short_name, i.kind, i.id, i.interaction_number, i.subject, i.start_key"
                + " FROM crm_interaction i LEFT JOIN (crm_interaction_participant p JOIN crm_client c ON c.tenant_id = p.tenant_id"
                + " AND c.id = p.client_id AND (" + clientWhere + ")) ON p.tenant_id = i.tenant_id AND p.interaction_id = i.id"
                + " WHERE i.tenant_id = ?1 AND i.recurrence IS NULL AND (" + interactionWhere + ")"
                + " GROUP BY i.responsible, c.id, c.short_name, i.kind, i.id, i.interaction_number, i.subject, i.start_key";
        return u.report(new JpaStores.Select(sql, parameters), InteractionReportSql::analysisRow);
    }

    /**
     * The analysis counted instead of listed: the grouping above without the interaction's own
     * columns, counting each interaction once per client ({@code COUNT(DISTINCT)}, since two persons
     * of one client are two join rows), and after {@code UNION ALL} each employee's interactions
     * once, from the interaction table alone (a row with no kind). H2 has no {@code GROUPING SETS},
     * so the two groupings are two branches of one statement.
     */
    static List<AnalysisCount> analysisCounts(JpaStores u, Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients) {
        List<Object> parameters = new ArrayList<>(List.of(u.tenant));
        String interactionWhere = interactions.fold(new InteractionSql(parameters, "i", u.dialect, () -> InteractionSpans.longest(u)));
        String clientWhere = clients.fold(new SqlCriteria(parameters, "c", u.dialect));
        String totalWhere = interactions.fold(new InteractionSql(parameters, "i", u.dialect, () -> InteractionSpans.longest(u)));
        String sql = "SELECT i.responsible, c.id AS client_id, c.short_name, i.kind, COUNT(DISTINCT i.id) AS interactions"
                + " FROM crm_interaction i LEFT JOIN (crm_interaction_participant p JOIN crm_client c ON c.tenant_id = p.tenant_id"
                + " AND c.id = p.client_id AND (" + clientWhere + ")) ON p.tenant_id = i.tenant_id AND p.interaction_id = i.id"
                + " WHERE i.tenant_id = ?1 AND i.recurrence IS NULL AND (" + interactionWhere + ")"
                + " GROUP BY i.responsible, c.id, c.short_name, i.kind"
                + " UNION ALL SELECT i.responsible, NULL, NULL, NULL, COUNT(*) FROM crm_interaction i"
                + " WHERE i.tenant_id = ?1 AND i.recurrence IS NULL AND (" + totalWhere + ") GROUP BY i.responsible";
        return u.report(new JpaStores.Select(sql, parameters), rs -> {
            EmployeeId responsible = new EmployeeId(rs.getString("responsible"));
            long count = rs.getLong("interactions");
            String kind = rs.getString("kind");
            if (kind == null) {
                return AnalysisCount.total(responsible, count);
            }
            Optional<ClientId> client = Optional.ofNullable(rs.getObject("client_id", UUID.class)).map(ClientId::new);
            String name = rs.getString("short_name");
            return AnalysisCount.of(responsible, client, client.map(c -> name), new InteractionKind(kind), count);
        });
    }

    private static AnalysisRow analysisRow(ResultSet rs) throws SQLException {
        Optional<ClientId> client = Optional.ofNullable(rs.getObject("client_id", UUID.class)).map(ClientId::new);
        String name = rs.getString("short_name");
        return new AnalysisRow(new EmployeeId(rs.getString("responsible")), client,
                client.map(c -> name), new InteractionKind(rs.getString("kind")),
                new InteractionId(rs.getObject("id", UUID.class)), Optional.empty(), rs.getLong("interaction_number"), rs.getString("subject"),
                rs.getObject("start_key", OffsetDateTime.class).toInstant());
    }

    static List<QuietClient> withoutInteractions(JpaStores u, Criterion<ClientCriterion> clients, Criterion<InteractionCriterion> counting) {
        List<Object> parameters = new ArrayList<>(List.of(u.tenant));
        String clientWhere = clients.fold(new SqlCriteria(parameters, "c", u.dialect));
        String countingWhere = counting.fold(new InteractionSql(parameters, "qi", u.dialect));
        String sql = "SELECT c.id, c.code, c.short_name, c.manager, c.relationship, c.registered_on FROM crm_client c"
                + " WHERE c.tenant_id = ?1 AND (" + clientWhere + ") AND NOT EXISTS (SELECT 1 FROM crm_interaction_participant qp"
                + " JOIN crm_interaction qi ON qi.tenant_id = qp.tenant_id AND qi.id = qp.interaction_id"
                + " WHERE qp.tenant_id = ?1 AND qp.client_id = c.id AND qi.recurrence IS NULL AND (" + countingWhere + "))";
        return u.report(new JpaStores.Select(sql, parameters), rs -> new QuietClient(new ClientId(rs.getObject("id", UUID.class)),
                ClientCode.of(rs.getString("code")), rs.getString("short_name"), Optional.ofNullable(rs.getString("manager")).map(EmployeeId::new),
                Optional.ofNullable(rs.getString("relationship")).map(RelationshipTypeId::new), rs.getObject("registered_on", LocalDate.class)));
    }
}
