package org.crmkit.jpa.internal;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealCriterion;

/**
 * Translates a deal criterion into a condition on {@code crm_deal} under an alias, for one SQL
 * statement. Every leaf is two-valued (optional columns are tested with {@code IS NOT NULL}), so NOT
 * means what {@link DealCriterion#test} means. Parameter 1 is the tenant.
 */
final class DealSql extends LeafSql<DealCriterion> implements DealCriterion.Visitor<String> {
    private final List<Object> parameters;
    private final String d;
    private final SqlDialect dialect;

    DealSql(List<Object> parameters, String alias, SqlDialect dialect) {
        this.parameters = parameters;
        this.d = alias;
        this.dialect = dialect;
    }

    /** {@code d.tenant_id = ?1 AND (condition)}, adding the tenant as parameter 1. */
    static String where(String tenant, Criterion<DealCriterion> criterion, List<Object> parameters, SqlDialect dialect) {
        parameters.add(tenant);
        return "d.tenant_id = ?1 AND (" + criterion.fold(new DealSql(parameters, "d", dialect)) + ")";
    }

    private String param(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private String in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return "1 = 0";
        }
        return d + "." + column + " IN (" + values.stream().map(this::param).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String leaf(DealCriterion leaf) {
        return leaf.accept(this);
    }

    @Override
    public String idIn(DealCriterion.IdIn criterion) {
        return in("id", criterion.ids().stream().map(id -> id.value()).collect(Collectors.toList()));
    }

    /**
     * The deals of clients matching; the clients named by id ({@code deals().ofClient(id)}) are the
     * deal's own column, read by {@code crm_deal_client_ix} (a deal's client is always a client of its
     * tenant: clients are archived, never deleted), every other condition an {@code EXISTS} on the client.
     */
    @Override
    public String ofClient(DealCriterion.OfClient criterion) {
        if (criterion.client() instanceof ClientCriterion.IdIn) {
            return in("client_id", ((ClientCriterion.IdIn) criterion.client()).ids().stream().map(id -> id.value()).sorted()
                    .collect(Collectors.toList()));
        }
        String c = "dc" + parameters.size();
        return "EXISTS (SELECT 1 FROM crm_client " + c + " WHERE " + c + ".tenant_id = ?1 AND " + c + ".id = " + d + ".client_id AND ("
                + criterion.client().fold(new SqlCriteria(parameters, c, dialect)) + "))";
    }

    @Override
    public String inPipeline(DealCriterion.InPipeline criterion) {
        return d + ".pipeline_id = " + param(criterion.pipeline().value());
    }

    @Override
    public String atStage(DealCriterion.AtStage criterion) {
        return in("stage_id", criterion.stages().stream().map(s -> s.value()).collect(Collectors.toList()));
    }

    @Override
    public String statusIs(DealCriterion.StatusIs criterion) {
        return d + ".status = " + param(criterion.status().name());
    }

    @Override
    public String responsibleIn(DealCriterion.ResponsibleIn criterion) {
        return in("responsible", criterion.employees().stream().map(e -> e.value()).sorted().collect(Collectors.toList()));
    }

    @Override
    public String amountBetween(DealCriterion.AmountBetween criterion) {
        return d + ".currency = " + param(criterion.currency().getCurrencyCode()) + " AND " + d + ".amount >= "
                + param(criterion.from().amount()) + " AND " + d + ".amount <= " + param(criterion.to().amount());
    }

    @Override
    public String expectedCloseBetween(DealCriterion.ExpectedCloseBetween criterion) {
        return d + ".expected_close IS NOT NULL AND " + d + ".expected_close >= " + param(criterion.from()) + " AND " + d
                + ".expected_close <= " + param(criterion.to());
    }

    @Override
    public String sourceIs(DealCriterion.SourceIs criterion) {
        return d + ".source IS NOT NULL AND " + d + ".source = " + param(criterion.source());
    }

    @Override
    public String closedBetween(DealCriterion.ClosedBetween criterion) {
        return d + ".status = " + param(criterion.outcome().name()) + " AND " + d + ".closed_on IS NOT NULL AND " + d + ".closed_on >= "
                + param(criterion.from()) + " AND " + d + ".closed_on <= " + param(criterion.to());
    }
}
