package org.crmkit.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * An address that must never receive marketing, whatever the ledger says: why, since when, who put
 * it there, and an optional note (at most 500 characters). One per address and tenant; adding it
 * again replaces the reason.
 */
public record Suppression(ConsentAddress address, SuppressionReason reason, Optional<String> note, Instant at, String actor) {
    public Suppression {
        ValidationException.required(address, "address");
        ValidationException.required(reason, "reason");
        ValidationException.required(note, "note");
        ValidationException.required(at, "at");
        ValidationException.required(actor, "actor");
        note = note.flatMap(n -> CleanText.optional("note", n, 500));
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether it stops messages on {@code key}: marketing to this very address. */
    public boolean stops(ConsentKey key) {
        ValidationException.required(key, "key");
        return key.purpose().equals(Purpose.MARKETING) && key.address().equals(address);
    }
}
