package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.CrmException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.Deal;
import org.crmkit.deal.DealCriterion;
import org.crmkit.deal.DealId;
import org.crmkit.deal.DealStore;
import org.crmkit.deal.LostReasonId;
import org.crmkit.deal.PipelineId;
import org.crmkit.deal.StageId;
import org.crmkit.deal.StageKind;
import org.crmkit.deal.StageVisit;

/**
 * Deals in {@code crm_deal} and their stage history in {@code crm_deal_stage_visit}. A query is one
 * statement on {@code crm_deal} ({@link DealSql}); the stage history of a page is read with one
 * statement more. An update first moves the deal row from the read version to the next (so the row
 * is locked and a second writer from the same version gets the concurrency error), then rewrites
 * the deal's history rows.
 */
final class JpaDealStore implements DealStore {
    private static final String COLUMNS = "tenant_id, id, deal_number, client_id, contact_person_id, title, amount, currency, expected_close,"
            + " responsible, source, pipeline_id, stage_id, status, closed_on, lost_reason, stage_deadline, version";

    private final JpaStores u;

    JpaDealStore(JpaStores unit) {
        this.u = unit;
    }

    /** A deal row before its history is attached. */
    private record Row(UUID id, long number, UUID client, UUID contact, String title, BigDecimal amount, String currency,
                       LocalDate expectedClose, String responsible, String source, UUID pipeline, UUID stage, String status,
                       LocalDate closedOn, String lostReason, long version) {
    }

    /** A history row. */
    private record Visit(UUID deal, int seq, StageVisit visit) {
    }

    @Override
    public Optional<Deal> get(DealId id) {
        u.checkOpen();
        return findAfter(new DealCriterion.IdIn(java.util.Set.of(id)), Optional.empty(), 1).stream().findFirst();
    }

    @Override
    public List<Deal> findAfter(Criterion<DealCriterion> where, Optional<DealId> after, int limit) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT d.* FROM crm_deal d WHERE ").append(DealSql.where(u.tenant, where, parameters, u.dialect));
        if (after.isPresent()) {
            parameters.add(after.get().value());
            sql.append(" AND d.id > ?").append(parameters.size());
        }
        sql.append(" ORDER BY d.tenant_id, d.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return deals(u.select(new JpaStores.Select(sql.toString(), parameters), JpaDealStore::row));
    }

    /** One statement on {@code crm_deal} (and one for the stage history of the deals it found). */
    @Override
    public List<Deal> list(Criterion<DealCriterion> where) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT d.* FROM crm_deal d WHERE " + DealSql.where(u.tenant, where, parameters, u.dialect)
                + " ORDER BY d.tenant_id, d.deal_number";
        return deals(u.select(new JpaStores.Select(sql, parameters), JpaDealStore::row));
    }

    /** One statement: open deals by a range of {@code crm_deal_stage_deadline_ix} (and one for their stage history). */
    @Override
    public List<Deal> stageDeadlines(Criterion<DealCriterion> where, Optional<Instant> from, Instant until, int limit) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT d.* FROM crm_deal d WHERE ").append(DealSql.where(u.tenant, where, parameters, u.dialect));
        parameters.add(StageKind.OPEN.name());
        sql.append(" AND d.status = ?").append(parameters.size()).append(" AND d.stage_deadline IS NOT NULL");
        if (from.isPresent()) {
            parameters.add(from.get().atOffset(ZoneOffset.UTC));
            sql.append(" AND d.stage_deadline >= ?").append(parameters.size());
        }
        parameters.add(until.atOffset(ZoneOffset.UTC));
        sql.append(" AND d.stage_deadline < ?").append(parameters.size());
        sql.append(" ORDER BY d.tenant_id, d.stage_deadline, d.deal_number FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return deals(u.select(new JpaStores.Select(sql.toString(), parameters), JpaDealStore::row));
    }

    @Override
    public long count(Criterion<DealCriterion> where) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM crm_deal d WHERE " + DealSql.where(u.tenant, where, parameters, u.dialect);
        return u.select(new JpaStores.Select(sql, parameters), rs -> rs.getLong(1)).get(0);
    }

    private List<Deal> deals(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Visit>> visits = new HashMap<>();
        u.ownedRows("crm_deal_stage_visit", "deal_id", rows.stream().map(Row::id).collect(Collectors.toList()),
                owned -> u.select(owned, JpaDealStore::visit)).forEach(v -> visits.computeIfAbsent(v.deal(), k -> new ArrayList<>()).add(v));
        return rows.stream().map(r -> deal(r, visits.getOrDefault(r.id(), List.of()))).collect(Collectors.toList());
    }

    private static Deal deal(Row r, List<Visit> visits) {
        List<StageVisit> history = visits.stream().sorted(Comparator.comparingInt(Visit::seq)).map(Visit::visit).collect(Collectors.toList());
        return new Deal(new DealId(r.id()), r.number(), new ClientId(r.client()), Optional.ofNullable(r.contact()).map(ContactPersonId::new),
                r.title(), new Money(r.amount(), Currency.getInstance(r.currency().strip())), Optional.ofNullable(r.expectedClose()),
                EmployeeId.of(r.responsible()), Optional.ofNullable(r.source()), new PipelineId(r.pipeline()), new StageId(r.stage()),
                StageKind.valueOf(r.status()), history, Optional.ofNullable(r.closedOn()), Optional.ofNullable(r.lostReason()).map(LostReasonId::of),
                r.version());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getLong("deal_number"), rs.getObject("client_id", UUID.class),
                rs.getObject("contact_person_id", UUID.class), rs.getString("title"), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getObject("expected_close", LocalDate.class), rs.getString("responsible"), rs.getString("source"),
                rs.getObject("pipeline_id", UUID.class), rs.getObject("stage_id", UUID.class), rs.getString("status"),
                rs.getObject("closed_on", LocalDate.class), rs.getString("lost_reason"), rs.getLong("version"));
    }

    private static Visit visit(ResultSet rs) throws SQLException {
        Instant left = DealJdbc.instant(rs, "left_at");
        return new Visit(rs.getObject("deal_id", UUID.class), rs.getInt("seq"), new StageVisit(new StageId(rs.getObject("stage_id", UUID.class)),
                DealJdbc.instant(rs, "entered_at"), rs.getString("entered_by"), Optional.ofNullable(left), Optional.ofNullable(rs.getString("left_by")),
                Optional.ofNullable(DealJdbc.instant(rs, "deadline"))));
    }

    @Override
    public Deal insert(Deal deal) {
        u.writing();
        if (deal.version() != 0) {
            throw new CrmException("deal " + deal.id() + " has version " + deal.version() + "; insert only new deals");
        }
        DealJdbc.execute(u, "INSERT INTO crm_deal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                u.tenant, deal.id().value(), deal.number(), deal.client().value(),
                DealJdbc.orNull(deal.contactPerson().map(ContactPersonId::value), DealJdbc.NO_UUID), deal.title(), deal.amount().amount(),
                deal.amount().currency().getCurrencyCode(), DealJdbc.orNull(deal.expectedClose(), DealJdbc.NO_DATE), deal.responsible().value(),
                DealJdbc.orNull(deal.source(), DealJdbc.NO_TEXT), deal.pipeline().value(), deal.stage().value(), deal.status().name(),
                DealJdbc.orNull(deal.closedOn(), DealJdbc.NO_DATE), DealJdbc.orNull(deal.lostReason().map(LostReasonId::value), DealJdbc.NO_TEXT),
                DealJdbc.orNull(deal.stageDeadline(), DealJdbc.NO_INSTANT));
        writeHistory(deal);
        return deal.withVersion(1);
    }

    @Override
    public Deal update(Deal deal) {
        u.writing();
        long next = deal.version() + 1;
        DealJdbc.updateVersioned(u, "deal", deal.id(), deal.version(),
                "UPDATE crm_deal SET version = ?, deal_number = ?, contact_person_id = ?, title = ?, amount = ?,"
                        + " currency = ?, expected_close = ?, responsible = ?, source = ?, pipeline_id = ?, stage_id = ?, status = ?, closed_on = ?,"
                        + " lost_reason = ?, stage_deadline = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                next, deal.number(), DealJdbc.orNull(deal.contactPerson().map(ContactPersonId::value), DealJdbc.NO_UUID), deal.title(),
                deal.amount().amount(), deal.amount().currency().getCurrencyCode(), DealJdbc.orNull(deal.expectedClose(), DealJdbc.NO_DATE),
                deal.responsible().value(), DealJdbc.orNull(deal.source(), DealJdbc.NO_TEXT), deal.pipeline().value(), deal.stage().value(),
                deal.status().name(), DealJdbc.orNull(deal.closedOn(), DealJdbc.NO_DATE),
                DealJdbc.orNull(deal.lostReason().map(LostReasonId::value), DealJdbc.NO_TEXT), DealJdbc.orNull(deal.stageDeadline(), DealJdbc.NO_INSTANT),
                u.tenant, deal.id().value(), deal.version());
        DealJdbc.execute(u, "DELETE FROM crm_deal_stage_visit WHERE tenant_id = ? AND deal_id = ?", u.tenant, deal.id().value());
        writeHistory(deal);
        return deal.withVersion(next);
    }

    private void writeHistory(Deal deal) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < deal.history().size(); i++) {
            StageVisit v = deal.history().get(i);
            rows.add(new Object[] {u.tenant, deal.id().value(), i, v.stage().value(), v.entered(), v.enteredBy(),
                DealJdbc.orNull(v.left(), DealJdbc.NO_INSTANT), DealJdbc.orNull(v.leftBy(), DealJdbc.NO_TEXT),
                DealJdbc.orNull(v.deadline(), DealJdbc.NO_INSTANT)});
        }
        DealJdbc.batch(u, "INSERT INTO crm_deal_stage_visit (tenant_id, deal_id, seq, stage_id, entered_at, entered_by, left_at, left_by, deadline)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** One aggregating statement (see {@link DealFunnelSql}). */
    @Override
    public org.crmkit.deal.Funnel funnel(org.crmkit.deal.Pipeline pipeline, org.crmkit.deal.FunnelQuery query, Instant now) {
        u.checkOpen();
        return DealFunnelSql.funnel(u, pipeline, query, now);
    }

    @Override
    public long reserveNumbers(int count) {
        u.writing();
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        return CodeCounter.reserve(u.factory, "crm_deal_counter", u.tenant, count);
    }
}
