package org.crmkit;

import java.util.Map;
import java.util.function.Function;

import org.crmkit.common.TenantId;
import org.crmkit.storage.Stores;

import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageProvider;
import org.crmkit.memory.InMemoryStorage;

/** Storage providers for the discovery tests. */
public final class TestProviders {
    private TestProviders() {
    }

    /** A storage that remembers which provider made it. */
    public static final class Named implements Storage {
        private final Storage delegate = new InMemoryStorage();
        private final String name;
        private final Map<String, String> settings;

        Named(String name, Map<String, String> settings) {
            this.name = name;
            this.settings = settings;
        }

        @Override
        public java.util.Set<Class<?>> storeTypes() {
            return delegate.storeTypes();
        }

        @Override
        public <T> T inTransaction(TenantId tenant, Function<Stores, T> work) {
            return delegate.inTransaction(tenant, work);
        }

        public String name() {
            return name;
        }

        public Map<String, String> settings() {
            return settings;
        }
    }

    public static final class Alpha implements StorageProvider {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public Storage create(Map<String, String> settings) {
            return new Named("alpha", settings);
        }
    }

    public static final class Beta implements StorageProvider {
        @Override
        public String name() {
            return "beta";
        }

        @Override
        public Storage create(Map<String, String> settings) {
            return new Named("beta", settings);
        }
    }
}
