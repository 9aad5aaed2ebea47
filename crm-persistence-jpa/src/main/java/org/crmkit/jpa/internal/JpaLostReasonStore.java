package org.crmkit.jpa.internal;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.common.SortOrder;
import org.crmkit.deal.LostReason;
import org.crmkit.deal.LostReasonId;
import org.crmkit.deal.LostReasonStore;

/** The tenant's lost reasons in {@code crm_lost_reason}, by key (sorted as Java compares texts, whatever the database's collation). */
final class JpaLostReasonStore implements LostReasonStore {
    private final JpaStores u;

    JpaLostReasonStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public List<LostReason> all() {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT id, name, retired, version FROM crm_lost_reason WHERE tenant_id = ?1",
                List.of(u.tenant)), rs -> new LostReason(LostReasonId.of(rs.getString("id")), rs.getString("name"), rs.getBoolean("retired"),
                rs.getLong("version"))).stream().sorted(Comparator.comparing(r -> r.id().value(), SortOrder.TEXT)).collect(Collectors.toList());
    }

    @Override
    public LostReason insert(LostReason reason) {
        u.writing();
        DealJdbc.execute(u, "INSERT INTO crm_lost_reason (tenant_id, id, name, retired, version) VALUES (?, ?, ?, ?, 1)", u.tenant,
                reason.id().value(), reason.name(), reason.retired());
        return reason.withVersion(1);
    }

    @Override
    public LostReason update(LostReason reason) {
        u.writing();
        long next = reason.version() + 1;
        DealJdbc.updateVersioned(u, "lost reason", reason.id(), reason.version(), "UPDATE crm_lost_reason SET name = ?, retired = ?,"
                + " version = ? WHERE tenant_id = ? AND id = ? AND version = ?", reason.name(), reason.retired(), next, u.tenant,
                reason.id().value(), reason.version());
        return reason.withVersion(next);
    }
}
