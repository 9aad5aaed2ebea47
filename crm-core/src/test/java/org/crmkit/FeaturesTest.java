package org.crmkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Function;

import org.crmkit.common.TenantId;
import org.crmkit.feed.FeedStore;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.storage.Feature;
import org.crmkit.storage.FeatureUnavailableException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.Stores;
import org.junit.jupiter.api.Test;

/** A storage that lacks a feature stops only a host that turns the feature on, and says which feature and storage. */
class FeaturesTest {
    /** A store interface no storage of this crmkit lists: a feature a later version adds. */
    interface DealStore {
    }

    private static final Feature DEALS = Feature.of("deals", DealStore.class);

    @Test
    void buildingFailsOnlyForAFeatureTheHostTurnsOnThatTheStorageLacks() {
        InMemoryStorage storage = new InMemoryStorage();
        assertThat(Crm.builder().storage(storage).build().clients().count(org.crmkit.criteria.Criterion.all())).isZero();

        assertThatThrownBy(() -> Crm.builder().storage(storage).features(DEALS).build())
                .isInstanceOfSatisfying(FeatureUnavailableException.class, e -> {
                    assertThat(e.feature()).isEqualTo("deals");
                    assertThat(e.storage()).isEqualTo("InMemoryStorage");
                    assertThat(e).hasMessageContaining("DealStore");
                });
    }

    @Test
    void askingAStorageForAStoreItDoesNotListNamesTheStoreAndTheStorage() {
        InMemoryStorage storage = new InMemoryStorage();
        assertThatThrownBy(() -> storage.read(TenantId.DEFAULT, s -> s.get(DealStore.class)))
                .isInstanceOf(FeatureUnavailableException.class)
                .hasMessageContaining("DealStore").hasMessageContaining("InMemoryStorage");
    }

    @Test
    void aStorageWithoutTheFeedCannotServeAHostAtAllAndSaysSo() {
        InMemoryStorage inner = new InMemoryStorage();
        Storage withoutFeed = new Storage() {
            @Override
            public Set<Class<?>> storeTypes() {
                Set<Class<?>> all = new java.util.HashSet<>(inner.storeTypes());
                all.remove(FeedStore.class);
                return all;
            }

            @Override
            public <T> T inTransaction(TenantId tenant, Function<Stores, T> work) {
                return inner.inTransaction(tenant, work);
            }

            @Override
            public String name() {
                return "OldHostStorage";
            }
        };
        assertThatThrownBy(() -> Crm.builder().storage(withoutFeed).build())
                .isInstanceOfSatisfying(FeatureUnavailableException.class, e -> {
                    assertThat(e.feature()).isEqualTo("journal");
                    assertThat(e.storage()).isEqualTo("OldHostStorage");
                })
                .hasMessageContaining(FeedStore.class.getSimpleName());
    }
}
