package org.crmkit.jpa.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.criteria.Criterion;
import org.crmkit.segment.Segment;
import org.crmkit.segment.SegmentCriterion;
import org.crmkit.segment.SegmentId;
import org.crmkit.segment.SegmentKind;
import org.crmkit.segment.SegmentMember;
import org.crmkit.segment.SegmentStore;
import org.crmkit.segment.json.RuleJson;

/**
 * The SegmentStore of a JPA unit of work: rows of {@code crm_segment}, {@code crm_segment_member}
 * and {@code crm_segment_membership} (V510) by plain JDBC. The rule is kept as JSON
 * ({@link RuleJson}, format crmkit-segment-rule/1). A list is frozen with one {@code INSERT … SELECT} over the client
 * query's condition; a resync works out who entered and who left a dynamic segment with two
 * statements over the same condition and the membership rows; the list leaf is an {@code EXISTS}
 * on the member rows ({@link #inLists}).
 */
final class JpaSegmentStore implements SegmentStore {
    /**
     * Rules read back, by their JSON: a rule is a value and its document one spelling of it, so a
     * rule parsed once serves every later read of the same text (live membership reads every dynamic
     * rule of the tenant on each change). Emptied when it grows past its bound.
     */
    private static final Map<String, Criterion<ClientCriterion>> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_BOUND = 20_000;

    private final JpaStores u;

    JpaSegmentStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public Segment insert(Segment segment) {
        u.writing();
        requireFreeName(segment);
        DealJdbc.execute(u, "INSERT INTO crm_segment (tenant_id, id, name, name_key, kind, rule_json, frozen_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 1)", u.tenant, segment.id().value(), segment.name(), segment.nameKey(),
                segment.kind().name(), RuleJson.write(segment.rule()),
                segment.frozenAt().<Object>map(JpaSegmentStore::utc).orElse(DealJdbc.NO_INSTANT));
        return segment.withVersion(1);
    }

    @Override
    public Segment update(Segment segment) {
        u.writing();
        requireFreeName(segment);
        DealJdbc.updateVersioned(u, "segment", segment.id(), segment.version(),
                "UPDATE crm_segment SET name = ?, name_key = ?, rule_json = ?, version = version + 1 WHERE tenant_id = ? AND id = ? AND version = ?",
                segment.name(), segment.nameKey(), RuleJson.write(segment.rule()), u.tenant, segment.id().value(), segment.version());
        return segment.withVersion(segment.version() + 1);
    }

    private void requireFreeName(Segment segment) {
        boolean taken = !u.select(new JpaStores.Select("SELECT id FROM crm_segment WHERE tenant_id = ?1 AND name_key = ?2 AND id <> ?3",
                List.of(u.tenant, segment.nameKey(), segment.id().value())), rs -> 1).isEmpty();
        if (taken) {
            throw new DuplicateException("name", segment.name());
        }
    }

    @Override
    public void delete(SegmentId id, long version) {
        u.writing();
        if (DealJdbc.execute(u, "DELETE FROM crm_segment WHERE tenant_id = ? AND id = ? AND version = ?", u.tenant, id.value(), version) != 1) {
            throw new ConcurrentChangeException("segment", id, version);
        }
        DealJdbc.execute(u, "DELETE FROM crm_segment_member WHERE tenant_id = ? AND segment_id = ?", u.tenant, id.value());
        DealJdbc.execute(u, "DELETE FROM crm_segment_membership WHERE tenant_id = ? AND segment_id = ?", u.tenant, id.value());
    }

    @Override
    public Optional<Segment> get(SegmentId id) {
        return segments("AND id = ?2", List.of(u.tenant, id.value())).stream().findFirst();
    }

    @Override
    public List<Segment> all() {
        return segments("", List.of(u.tenant));
    }

    private List<Segment> segments(String where, List<Object> parameters) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT id, name, kind, rule_json, frozen_at, version FROM crm_segment WHERE tenant_id = ?1 " + where,
                parameters), rs -> new Segment(new SegmentId(rs.getObject("id", UUID.class)), rs.getString("name"),
                SegmentKind.valueOf(rs.getString("kind")), rule(rs.getString("rule_json")),
                Optional.ofNullable(DealJdbc.instant(rs, "frozen_at")), rs.getLong("version")));
    }

    /** One statement: the clients matching {@code where} that have no row yet, inserted with who and when. */
    @Override
    public long freeze(SegmentId list, Criterion<ClientCriterion> where, String by, Instant at) {
        u.writing();
        List<Object> parameters = SqlCriteria.newParameters();
        String condition = SqlCriteria.where(u.tenant, where, parameters, u.dialect);
        parameters.add(list.value());
        String segment = "?" + parameters.size();
        parameters.add(by);
        String byParam = "?" + parameters.size();
        parameters.add(utc(at));
        String atParam = "?" + parameters.size();
        return u.execute(new JpaStores.Select("INSERT INTO crm_segment_member (tenant_id, segment_id, client_id, added_by, added_at)"
                + " SELECT c.tenant_id, " + segment + ", c.id, " + byParam + ", " + atParam + " FROM crm_client c WHERE " + condition
                + " AND NOT EXISTS (SELECT 1 FROM crm_segment_member m WHERE m.tenant_id = ?1 AND m.segment_id = " + segment
                + " AND m.client_id = c.id)", parameters));
    }

    @Override
    public boolean addMember(SegmentId list, SegmentMember member) {
        u.writing();
        if (member(list, member.client()).isPresent()) {
            return false;
        }
        DealJdbc.execute(u, "INSERT INTO crm_segment_member (tenant_id, segment_id, client_id, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
                u.tenant, list.value(), member.client().value(), member.addedBy(), member.addedAt());
        return true;
    }

    @Override
    public boolean removeMember(SegmentId list, ClientId client) {
        u.writing();
        return DealJdbc.execute(u, "DELETE FROM crm_segment_member WHERE tenant_id = ? AND segment_id = ? AND client_id = ?",
                u.tenant, list.value(), client.value()) == 1;
    }

    @Override
    public Optional<SegmentMember> member(SegmentId list, ClientId client) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT added_by, added_at FROM crm_segment_member WHERE tenant_id = ?1 AND segment_id = ?2"
                + " AND client_id = ?3", List.of(u.tenant, list.value(), client.value())),
                rs -> new SegmentMember(client, rs.getString("added_by"), DealJdbc.instant(rs, "added_at"))).stream().findFirst();
    }

    @Override
    public long memberCount(SegmentId list) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT COUNT(*) FROM crm_segment_member WHERE tenant_id = ?1 AND segment_id = ?2",
                List.of(u.tenant, list.value())), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public Set<SegmentId> membershipOf(ClientId client) {
        u.checkOpen();
        return new HashSet<>(u.select(new JpaStores.Select("SELECT segment_id FROM crm_segment_membership WHERE tenant_id = ?1 AND client_id = ?2",
                List.of(u.tenant, client.value())), rs -> new SegmentId(rs.getObject(1, UUID.class))));
    }

    @Override
    public void changeMembership(ClientId client, Collection<SegmentId> entered, Collection<SegmentId> left) {
        u.writing();
        List<Object[]> in = new ArrayList<>();
        entered.forEach(s -> in.add(new Object[] {u.tenant, s.value(), client.value()}));
        DealJdbc.batch(u, "INSERT INTO crm_segment_membership (tenant_id, segment_id, client_id) VALUES (?, ?, ?)", in);
        List<Object[]> out = new ArrayList<>();
        left.forEach(s -> out.add(new Object[] {u.tenant, s.value(), client.value()}));
        DealJdbc.batch(u, "DELETE FROM crm_segment_membership WHERE tenant_id = ? AND segment_id = ? AND client_id = ?", out);
    }

    /**
     * Two statements over the rule's condition: the matching clients without a row (entered), the
     * rows whose client no longer matches or is gone (left); then the rows written in two batches.
     */
    @Override
    public MembershipChange resync(SegmentId segment, Criterion<ClientCriterion> rule) {
        u.writing();
        List<Object> parameters = SqlCriteria.newParameters();
        String condition = SqlCriteria.where(u.tenant, rule, parameters, u.dialect);
        parameters.add(segment.value());
        String s = "?" + parameters.size();
        Set<ClientId> entered = new HashSet<>(u.select(new JpaStores.Select("SELECT c.id FROM crm_client c WHERE " + condition
                + " AND NOT EXISTS (SELECT 1 FROM crm_segment_membership m WHERE m.tenant_id = ?1 AND m.segment_id = " + s
                + " AND m.client_id = c.id)", parameters), rs -> new ClientId(rs.getObject(1, UUID.class))));
        Set<ClientId> left = new HashSet<>(u.select(new JpaStores.Select("SELECT m.client_id FROM crm_segment_membership m WHERE m.tenant_id = ?1"
                + " AND m.segment_id = " + s + " AND NOT EXISTS (SELECT 1 FROM crm_client c WHERE " + condition + " AND c.id = m.client_id)",
                parameters), rs -> new ClientId(rs.getObject(1, UUID.class))));
        List<Object[]> in = new ArrayList<>();
        entered.forEach(c -> in.add(new Object[] {u.tenant, segment.value(), c.value()}));
        DealJdbc.batch(u, "INSERT INTO crm_segment_membership (tenant_id, segment_id, client_id) VALUES (?, ?, ?)", in);
        List<Object[]> out = new ArrayList<>();
        left.forEach(c -> out.add(new Object[] {u.tenant, segment.value(), c.value()}));
        DealJdbc.batch(u, "DELETE FROM crm_segment_membership WHERE tenant_id = ? AND segment_id = ? AND client_id = ?", out);
        return new MembershipChange(entered, left);
    }

    private static Criterion<ClientCriterion> rule(String json) {
        Criterion<ClientCriterion> known = PARSED.get(json);
        if (known != null) {
            return known;
        }
        if (PARSED.size() >= PARSED_BOUND) {
            PARSED.clear();
        }
        Criterion<ClientCriterion> read = RuleJson.read(json);
        PARSED.put(json, read);
        return read;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** The EXISTS for {@link SegmentCriterion#LISTS}: a member row of the client satisfying the criterion. */
    static String inLists(String client, Criterion<SegmentCriterion> criterion, List<Object> parameters) {
        String m = "sm" + parameters.size();
        return "EXISTS (SELECT 1 FROM crm_segment_member " + m + " WHERE " + m + ".tenant_id = ?1 AND " + m + ".client_id = " + client + ".id AND ("
                + criterion.fold(new ListSql(parameters, m)) + "))";
    }

    /** The leaves on a list row, as conditions on it. */
    private static final class ListSql extends LeafSql.OnRow<SegmentCriterion> implements SegmentCriterion.Visitor<String> {
        ListSql(List<Object> parameters, String alias) {
            super(parameters, alias);
        }

        @Override
        public String leaf(SegmentCriterion leaf) {
            return leaf.accept(this);
        }

        @Override
        public String inList(SegmentCriterion.InList c) {
            return alias + ".segment_id = " + param(c.list().value());
        }
    }
}
