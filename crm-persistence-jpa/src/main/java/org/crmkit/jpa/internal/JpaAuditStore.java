package org.crmkit.jpa.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.audit.JournalQuery;
import org.crmkit.common.ClientId;

/** The AuditStore of a JPA unit of work. */
final class JpaAuditStore implements AuditStore {
    private final JpaStores u;

    JpaAuditStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        u.writing();
        if (!entries.isEmpty()) {
            u.batch(b -> b.audit(u.tenant, entries));
        }
    }

    @Override
    public List<AuditEntry> ofClient(ClientId client) {
        u.checkOpen();
        return chronological(u.em.createQuery("SELECT a FROM AuditRow a WHERE a.tenantId = :t AND a.clientId = :c", AuditRow.class)
                .setParameter("t", u.tenant).setParameter("c", client.value()).getResultList());
    }

    @Override
    public List<AuditEntry> ofSubject(String subject) {
        u.checkOpen();
        return chronological(u.em.createQuery("SELECT a FROM AuditRow a WHERE a.tenantId = :t AND a.subject = :s", AuditRow.class)
                .setParameter("t", u.tenant).setParameter("s", subject).getResultList());
    }

    private static List<AuditEntry> chronological(List<AuditRow> rows) {
        return rows.stream().map(Mapping::auditEntry).sorted(AuditEntry.CHRONOLOGICAL).collect(Collectors.toList());
    }

    @Override
    public List<AuditEntry> find(JournalQuery query) {
        u.checkOpen();
        return JournalPages.page(u, query);
    }
}
