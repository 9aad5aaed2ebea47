package org.crmkit.mailing;

import java.util.List;
import java.util.Map;

import org.crmkit.mailing.recipient.Exclusion;
import org.crmkit.mailing.recipient.ExclusionReason;

/**
 * Stores the members of a mailing's audience who get no message, with the reason, inside the unit of work
 * that handed it out. One row per mailing × client × contact person (or none) × channel (or none, for a client
 * without contact persons): {@link #record} keeps the first exclusion of a key and ignores later ones, so
 * resolving a mailing twice never doubles a row. Lists are by client id ({@link org.crmkit.common.SortOrder#UUIDS}),
 * then person (the nil uuid for none first, then by uuid), then channel name (none first).
 */
public interface MailingExclusionStore {
    /** Stores the exclusions of {@code mailing} whose key is not stored yet; returns how many were new. */
    int record(MailingId mailing, List<Exclusion> exclusions);

    /** Up to {@code max} exclusions of the mailing from position {@code offset} in the list order. */
    List<Exclusion> list(MailingId mailing, long offset, int max);

    /** How many exclusions the mailing has per reason (reasons with none are left out). */
    Map<ExclusionReason, Long> counts(MailingId mailing);
}
