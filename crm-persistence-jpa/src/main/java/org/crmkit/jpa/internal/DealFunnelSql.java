package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.EmployeeId;
import org.crmkit.deal.Funnel;
import org.crmkit.deal.FunnelQuery;
import org.crmkit.deal.LostReasonId;
import org.crmkit.deal.Pipeline;
import org.crmkit.deal.StageId;
import org.crmkit.deal.StageKind;

/**
 * The funnel report as one SQL statement: the deals of the query ({@code f}), each deal's furthest
 * open stage by the pipeline's current order ({@code p}) and the lengths of all their stays
 * ({@code v}) are grouped in the database, for all deals and per manager, into the facts of
 * {@link Funnel.Facts}, which builds the report as the in-memory store does. Medians are
 * {@code PERCENTILE_DISC(0.5)} over microseconds, which H2 2.x and PostgreSQL both have; only the
 * length of a stay is written per dialect.
 */
final class DealFunnelSql {
    private DealFunnelSql() {
    }

    static Funnel funnel(JpaStores u, Pipeline pipeline, FunnelQuery query, Instant now) {
        Instant asOf = now.truncatedTo(ChronoUnit.MICROS);
        List<Object> parameters = new ArrayList<>();
        String where = DealSql.where(u.tenant, query.criterion(), parameters, u.dialect);
        if (query.from().isPresent()) {
            parameters.add(query.from().get().atOffset(ZoneOffset.UTC));
            String from = "?" + parameters.size();
            parameters.add(query.until().orElseThrow().atOffset(ZoneOffset.UTC));
            String until = "?" + parameters.size();
            where += " AND EXISTS (SELECT 1 FROM crm_deal_stage_visit o WHERE o.tenant_id = ?1 AND o.deal_id = d.id AND o.seq = 0"
                    + " AND o.entered_at >= " + from + " AND o.entered_at < " + until + ")";
        }
        List<StageId> order = Funnel.openOrder(pipeline);
        StringBuilder position = new StringBuilder("CASE s.stage_id");
        for (int i = 0; i < order.size(); i++) {
            parameters.add(order.get(i).value());
            position.append(" WHEN ?").append(parameters.size()).append(" THEN ").append(i);
        }
        position.append(" ELSE -1 END");
        parameters.add(asOf.atOffset(ZoneOffset.UTC));
        String stayEnd = "COALESCE(s.left_at, ?" + parameters.size() + ")";
        String micros = u.dialect == SqlDialect.H2 ? "DATEDIFF(MICROSECOND, s.entered_at, " + stayEnd + ")"
                : "CAST(EXTRACT(EPOCH FROM (" + stayEnd + " - s.entered_at)) * 1000000 AS BIGINT)";
        String sql = "WITH f AS (SELECT d.id, d.stage_id, d.status, d.amount, d.currency, d.responsible, d.lost_reason FROM crm_deal d WHERE "
                + where + "),"
                + " p AS (SELECT f.responsible, CASE WHEN f.status = 'WON' THEN " + order.size() + " ELSE COALESCE((SELECT MAX(" + position
                + ") FROM crm_deal_stage_visit s WHERE s.tenant_id = ?1 AND s.deal_id = f.id), -1) END AS pos FROM f),"
                + " v AS (SELECT f.responsible, s.stage_id, " + micros + " AS micros FROM crm_deal_stage_visit s JOIN f ON s.deal_id = f.id"
                + " WHERE s.tenant_id = ?1)"
                + " SELECT 'S' AS k, CAST(NULL AS VARCHAR(64)) AS m, f.stage_id AS st, f.currency AS cur, CAST(NULL AS VARCHAR(60)) AS lbl,"
                + " COUNT(*) AS n, SUM(f.amount) AS total, CAST(NULL AS BIGINT) AS x FROM f GROUP BY f.stage_id, f.currency"
                + " UNION ALL SELECT 'S', f.responsible, f.stage_id, f.currency, NULL, COUNT(*), SUM(f.amount), NULL FROM f"
                + " GROUP BY f.responsible, f.stage_id, f.currency"
                + " UNION ALL SELECT 'R', NULL, NULL, NULL, NULL, COUNT(*), NULL, p.pos FROM p GROUP BY p.pos"
                + " UNION ALL SELECT 'R', p.responsible, NULL, NULL, NULL, COUNT(*), NULL, p.pos FROM p GROUP BY p.responsible, p.pos"
                + " UNION ALL SELECT 'M', NULL, v.stage_id, NULL, NULL, COUNT(*), NULL, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v.micros)"
                + " FROM v GROUP BY v.stage_id"
                + " UNION ALL SELECT 'M', v.responsible, v.stage_id, NULL, NULL, COUNT(*), NULL,"
                + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v.micros) FROM v GROUP BY v.responsible, v.stage_id"
                + " UNION ALL SELECT 'O', NULL, NULL, f.currency, f.status || ':' || COALESCE(f.lost_reason, ''), COUNT(*), SUM(f.amount), NULL"
                + " FROM f WHERE f.status <> 'OPEN' GROUP BY f.status, f.lost_reason, f.currency";
        Funnel.Facts facts = new Funnel.Facts();
        u.select(new JpaStores.Select(sql, parameters), rs -> {
            read(rs, facts);
            return Boolean.TRUE;
        });
        return facts.build(pipeline, asOf);
    }

    private static void read(ResultSet rs, Funnel.Facts facts) throws SQLException {
        String kind = rs.getString("k");
        Optional<EmployeeId> manager = Optional.ofNullable(rs.getString("m")).map(EmployeeId::of);
        long n = rs.getLong("n");
        switch (kind) {
            case "S":
                facts.stage(manager, new StageId(rs.getObject("st", UUID.class)), Currency.getInstance(rs.getString("cur").strip()), n,
                        rs.getBigDecimal("total"));
                break;
            case "R":
                facts.furthest(manager, (int) rs.getLong("x"), n);
                break;
            case "M":
                facts.stays(manager, new StageId(rs.getObject("st", UUID.class)), n, rs.getLong("x"));
                break;
            default:
                String[] outcome = rs.getString("lbl").split(":", 2);
                facts.outcome(StageKind.valueOf(outcome[0]), outcome[1].isEmpty() ? Optional.empty() : Optional.of(LostReasonId.of(outcome[1])),
                        Currency.getInstance(rs.getString("cur").strip()), n, rs.getBigDecimal("total"));
                break;
        }
    }
}
