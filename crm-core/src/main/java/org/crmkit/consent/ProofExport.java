package org.crmkit.consent;

import java.time.Instant;
import java.util.List;

import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/**
 * The proof of one person's consents: every ledger entry (oldest first) and the suppression rows
 * of their addresses, as of {@code exportedAt}, exported by {@code exportedBy}.
 */
public record ProofExport(TenantId tenant, ConsentSubject subject, List<ConsentEntry> entries, List<Suppression> suppressions, Instant exportedAt,
                          String exportedBy) {
    public ProofExport {
        ValidationException.required(tenant, "tenant");
        ValidationException.required(subject, "subject");
        entries = ValidationException.requiredElements(entries, "entries");
        suppressions = ValidationException.requiredElements(suppressions, "suppressions");
        ValidationException.required(exportedAt, "exportedAt");
        ValidationException.required(exportedBy, "exportedBy");
    }
}
