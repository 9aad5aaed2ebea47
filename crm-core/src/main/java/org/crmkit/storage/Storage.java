package org.crmkit.storage;

import java.util.Set;
import java.util.function.Function;

import org.crmkit.common.TenantId;

/**
 * Where the client base lives (SPI). One call of {@link #inTransaction} is one unit of work for
 * one tenant: everything the work writes commits together when it returns, and nothing when it
 * throws (the exception propagates unchanged). Stores never see another tenant's rows.
 *
 * <p>Implementations must be thread-safe; the work itself runs on the calling thread.
 */
public interface Storage extends AutoCloseable {

    <T> T inTransaction(TenantId tenant, Function<Stores, T> work);

    /** A unit of work that only reads; stores may run it with weaker locks. Writing in it is an error. */
    default <T> T read(TenantId tenant, Function<Stores, T> work) {
        return inTransaction(tenant, work);
    }

    /**
     * The store interfaces this storage hands out through {@link Stores#get}; a feature is kept when
     * all of its stores are among them ({@link Feature#stores()}).
     */
    Set<Class<?>> storeTypes();

    /** A short name for messages, such as {@code JpaStorage(PostgreSQL)}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Releases connections and files; the storage is unusable afterwards. */
    @Override
    default void close() {
    }
}
