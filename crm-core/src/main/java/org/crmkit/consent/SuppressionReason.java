package org.crmkit.consent;

/** Why an address is on the suppression list. */
public enum SuppressionReason {
    HARD_BOUNCE,
    COMPLAINT,
    DO_NOT_CONTACT
}
