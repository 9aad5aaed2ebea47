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

    /** The client's entries (its card and its contact persons), oldest first (ties by id). */
    List<AuditEntry> ofClient(ClientId client);

    /**
     * The entries of one subject, oldest first (ties by id): {@code client-group:<id>},
     * {@code relationship-type:<key>}, {@code property:<key>}, or a contact person's.
     */
    List<AuditEntry> ofSubject(String subject);

    /**
     * A page of the journal across all clients: the entries {@link JournalQuery#matches} accepts,
     * oldest first (ties by id), at most {@code query.limit()}. A database answers it in one
     * statement reading an index of {@code (at, id)} (or {@code (actor, at, id)}) from the cursor on.
     */
    List<AuditEntry> find(JournalQuery query);
}
