package org.crmkit.contract;

import java.util.List;
import java.util.Optional;

import org.crmkit.common.ClientId;

/**
 * Stores one kind of a client's records in one tenant, inside the unit of work that handed it
 * out: {@link #insert} stores at version 1 (an id already stored, or a number the client already
 * has, fails with a {@link org.crmkit.common.DuplicateException} naming the field); {@link #update}
 * only from the stored version, else {@link org.crmkit.common.ConcurrentChangeException} and
 * nothing written. At most one record of a client is its main one: the store refuses a second
 * (the use cases clear the former main one first).
 *
 * @param <I> the id type
 * @param <R> the record type
 */
public interface ClientRecordStore<I, R extends ClientRecord<I, R>> {
    Optional<R> get(I id);

    /** The client's records in their kind's order (see the record's {@code ORDER}). */
    List<R> ofClient(ClientId client);

    R insert(R record);

    R update(R record);
}
