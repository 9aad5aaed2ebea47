package org.crmkit.contract;

import java.util.Map;

import org.crmkit.common.ClientId;

/**
 * What contracts and bank accounts share as records of a client's card: an id, the client they
 * belong to for life, whether they are the client's main one, a version, and a field → text view
 * for the journal.
 *
 * @param <I> the id type
 * @param <R> the record type itself
 */
public interface ClientRecord<I, R extends ClientRecord<I, R>> {
    I id();

    ClientId client();

    /** Whether this is the client's main record of its kind (at most one is). */
    boolean main();

    long version();

    /** A copy that is (or is no longer) the client's main one. */
    R withMain(boolean isMain);

    R withVersion(long storedVersion);

    /** The record's content as field → text, for the journal. */
    Map<String, String> auditView();

    /** One line saying what the record is, as the journal shows an added one. */
    String describe();
}
