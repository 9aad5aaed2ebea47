package org.crmkit.memory;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.audit.JournalQuery;
import org.crmkit.common.ClientId;

/** The journal as a list. */
final class MemoryAuditStore implements AuditStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryAuditStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        unit.writing();
        unit.append(data.audit, entries);
    }

    @Override
    public List<AuditEntry> ofClient(ClientId client) {
        return where(e -> e.client().filter(client::equals).isPresent());
    }

    @Override
    public List<AuditEntry> ofSubject(String subject) {
        return where(e -> e.subject().equals(subject));
    }

    private List<AuditEntry> where(Predicate<AuditEntry> test) {
        unit.checkOpen();
        return data.audit.stream().filter(test).sorted(AuditEntry.CHRONOLOGICAL).collect(Collectors.toList());
    }

    @Override
    public List<AuditEntry> find(JournalQuery query) {
        unit.checkOpen();
        return data.audit.stream().filter(query::matches)
                .sorted(AuditEntry.CHRONOLOGICAL)
                .limit(query.limit())
                .collect(Collectors.toList());
    }
}
