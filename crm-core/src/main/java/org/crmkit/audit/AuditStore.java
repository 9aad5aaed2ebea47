package org.crmkit.audit;

import java.util.List;

import org.crmkit.common.ClientId;

/** The journal of one tenant: append-only. */
public interface AuditStore {
    void append(List<AuditEntry> entries);

    /** The client's entries, oldest first (ties by id). */
    List<AuditEntry> ofClient(ClientId client);
}
