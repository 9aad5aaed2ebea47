package org.crmkit.consent;

import java.util.Optional;

import org.crmkit.common.ValidationException;

/** The state in effect for a key: its latest ledger entry (if any) and the {@link Standing} derived from it now. */
public record ConsentStatus(ConsentKey key, Optional<ConsentEntry> latest, Standing standing) {
    public ConsentStatus {
        ValidationException.required(key, "key");
        ValidationException.required(latest, "latest");
        ValidationException.required(standing, "standing");
    }

    /** Whether a message on this key may be sent now. */
    public boolean mayContact() {
        return standing.allows();
    }
}
