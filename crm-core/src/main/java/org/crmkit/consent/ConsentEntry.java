package org.crmkit.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.common.ValidationException;

/**
 * One line of the append-only consent ledger: the state recorded for a {@link ConsentKey}, when
 * (the Crm clock, to the microsecond as the databases keep it), by whom, from which source and
 * with which {@link Proof}. A pending entry (double opt-in) carries the instant it expires; the
 * others carry none. Entries are never changed or removed: a withdrawal is a new entry, and the
 * grant before it stays as proof.
 */
public record ConsentEntry(ConsentEntryId id, ConsentKey key, ConsentState state, Instant at, String actor, ConsentSource source,
                           Proof proof, Optional<Instant> expires) {
    public ConsentEntry {
        ValidationException.required(id, "id");
        ValidationException.required(key, "key");
        ValidationException.required(state, "state");
        ValidationException.required(at, "at");
        ValidationException.required(actor, "actor");
        ValidationException.required(source, "source");
        ValidationException.required(proof, "proof");
        ValidationException.required(expires, "expires");
        at = at.truncatedTo(ChronoUnit.MICROS);
        expires = expires.map(e -> e.truncatedTo(ChronoUnit.MICROS));
        if ((state == ConsentState.PENDING) != expires.isPresent()) {
            throw new ValidationException("expires", expires.map(Instant::toString).orElse("none"),
                    "must be given exactly for a pending entry (this one is " + state + ")");
        }
    }

    /** Whether this is a pending entry whose confirmation time has passed at {@code now}. */
    public boolean expiredAt(Instant now) {
        ValidationException.required(now, "now");
        return expires.map(e -> !now.isBefore(e)).orElse(false);
    }

    /** One line for the journal: state, channel, purpose, address, source and proof, as people read them. */
    public String describe() {
        return state.name().toLowerCase(java.util.Locale.ROOT) + " " + key.channel() + " " + key.purpose() + " " + key.address() + " (" + source
                + proof.textVersion().map(t -> ", text " + t).orElse("") + proof.evidence().map(e -> ", evidence " + e).orElse("")
                + expires.map(e -> ", expires " + e).orElse("") + ")";
    }
}
