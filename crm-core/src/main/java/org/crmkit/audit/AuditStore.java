package org.crmkit.audit;

import java.util.List;

import org.crmkit.common.ClientId;

/**
 * The journal of one tenant, append-only: entries are written with the change they describe, in
 * the same unit of work, and never updated; {@link #ofClient} lists them
 * {@link AuditEntry#CHRONOLOGICAL oldest first}.
 */
public interface AuditStore {
    void append(List<AuditEntry> entries);

    /** The client's entries, oldest first (ties by id). */
    List<AuditEntry> ofClient(ClientId client);
}
