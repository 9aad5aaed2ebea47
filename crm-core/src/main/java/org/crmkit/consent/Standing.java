package org.crmkit.consent;

/**
 * Whether a consent is in effect now, and if not, why: only {@link #GRANTED} allows a message.
 * A suppressed address has no marketing consent whatever the ledger says; an address that is no
 * longer on the person's card has none either (a new number needs a new consent).
 */
public enum Standing {
    /** The latest entry grants, the address is on the card, and it is not suppressed (for marketing). */
    GRANTED,
    /** No entry for this key. */
    NONE,
    WITHDRAWN,
    /** Double opt-in: asked for, not yet confirmed. */
    PENDING,
    /** Double opt-in: asked for and not confirmed in time. */
    EXPIRED,
    /** The address is on the suppression list and the purpose is marketing. */
    SUPPRESSED,
    /** The address is no longer (or never was) one of the person's e-mail addresses or phone numbers. */
    NOT_A_CURRENT_ADDRESS;

    /** Whether a message on this key may be sent now. */
    public boolean allows() {
        return this == GRANTED;
    }
}
