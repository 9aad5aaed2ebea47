package org.crmkit.jpa.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.JournalQuery;

/**
 * A page of the journal across clients in one statement: the index {@code (tenant_id, at, id)},
 * or {@code (tenant_id, actor, at, id)} for one actor's entries (V12), read in order from the
 * cursor on and stopped after the page.
 */
final class JournalPages {
    private JournalPages() {
    }

    static List<AuditEntry> page(JpaStores u, JournalQuery query) {
        List<Object> parameters = SqlCriteria.newParameters();
        parameters.add(u.tenant);
        StringBuilder sql = new StringBuilder("SELECT a.* FROM crm_audit a WHERE a.tenant_id = ?1");
        String order = " ORDER BY a.tenant_id, ";
        if (query.actor().isPresent()) {
            parameters.add(query.actor().get());
            sql.append(" AND a.actor = ?").append(parameters.size());
            order += "a.actor, ";
        }
        OffsetDateTime from = utc(query.after().map(p -> p.at().isAfter(query.from()) ? p.at() : query.from()).orElse(query.from()));
        parameters.add(from);
        sql.append(" AND a.at >= ?").append(parameters.size());
        parameters.add(utc(query.until()));
        sql.append(" AND a.at < ?").append(parameters.size());
        if (query.after().isPresent()) {
            // with a.at >= the cursor's time above: later, or as late and of a higher id
            parameters.add(utc(query.after().get().at()));
            int at = parameters.size();
            parameters.add(query.after().get().id());
            sql.append(" AND (a.at > ?").append(at).append(" OR a.id > ?").append(parameters.size()).append(')');
        }
        // H2 reads an index in order only for an ORDER BY that starts with its first column
        sql.append(order).append("a.at, a.id FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        return u.select(new JpaStores.Select(sql.toString(), parameters), ResultRows::audit).stream()
                .map(Mapping::auditEntry).collect(Collectors.toList());
    }

    private static OffsetDateTime utc(java.time.Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
