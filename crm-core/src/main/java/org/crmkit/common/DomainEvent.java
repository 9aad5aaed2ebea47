package org.crmkit.common;

import java.time.Instant;

/**
 * Something that happened to the client base, published to the host's listeners only after the
 * unit of work that caused it has committed.
 */
public interface DomainEvent {
    TenantId tenant();

    Instant at();

    /** Who caused it, as the audit journal names them. */
    String actor();
}
