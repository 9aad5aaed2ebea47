/**
 * Profitability from the host's own documents: income and expense facts pushed idempotently (the
 * same source, document and line replaces, a revocation removes), and the report "income and
 * expenses by client and order" computed from them for a period; no total is ever stored. ABC
 * grades and RFM scores are computed on demand, and kept as client facts only when the host
 * recomputes them, for client queries ({@link org.crmkit.ledger.ClientClassCriterion}).
 */
package org.crmkit.ledger;
