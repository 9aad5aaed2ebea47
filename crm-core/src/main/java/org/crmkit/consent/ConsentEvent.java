package org.crmkit.consent;

import java.time.Instant;

import org.crmkit.common.DomainEvent;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/** What happened to consents; published to the host's listeners after the change is committed. */
public sealed interface ConsentEvent extends DomainEvent {

    /** A consent was granted (directly, or by confirming a pending one). */
    record Granted(TenantId tenant, ConsentEntryId entry, ConsentKey key, Instant at, String actor) implements ConsentEvent {
        public Granted {
            ValidationException.required(entry, "entry");
            ValidationException.required(key, "key");
        }
    }

    /** A consent was withdrawn (not published for a withdrawal that changed nothing). */
    record Withdrawn(TenantId tenant, ConsentEntryId entry, ConsentKey key, Instant at, String actor) implements ConsentEvent {
        public Withdrawn {
            ValidationException.required(entry, "entry");
            ValidationException.required(key, "key");
        }
    }
}
