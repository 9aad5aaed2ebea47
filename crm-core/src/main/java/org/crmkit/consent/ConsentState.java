package org.crmkit.consent;

/** What a ledger entry records: consent given, taken back, or asked for and awaiting the person's confirmation (double opt-in). */
public enum ConsentState {
    GRANTED,
    WITHDRAWN,
    PENDING
}
