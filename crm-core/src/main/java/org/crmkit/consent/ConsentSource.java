package org.crmkit.consent;

/** Where a consent or its withdrawal came from: part of the proof. */
public enum ConsentSource {
    WEB_FORM,
    PAPER,
    CALL,
    IMPORT,
    UNSUBSCRIBE_LINK,
    /** The person confirmed a pending consent with the token sent to the address. */
    DOUBLE_OPT_IN_CONFIRMATION
}
