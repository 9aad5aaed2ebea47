package org.crmkit.storage;

/**
 * The stores of one tenant inside one unit of work. Valid only while the work runs; everything
 * written through them commits or rolls back together.
 *
 * <p>A feature's use cases ask {@link #get} for its store interface ({@code stores.get(ClientStore.class)});
 * a storage lists what it has in a {@link StoreCatalogue}, so a new feature adds no method here and
 * breaks no storage.
 */
public interface Stores {
    /** The store of {@code type}; {@link FeatureUnavailableException} when the storage has none. */
    <S> S get(Class<S> type);
}
