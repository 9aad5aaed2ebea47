/**
 * Consent: who agreed to hear from the tenant, on which {@link org.crmkit.consent.Channel}, for which
 * {@link org.crmkit.consent.Purpose} and at which address or number, and how that is proved. The
 * ledger is append-only; the state in effect is derived from it, and the suppression list overrides
 * it for marketing.
 */
package org.crmkit.consent;
