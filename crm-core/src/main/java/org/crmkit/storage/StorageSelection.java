package org.crmkit.storage;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

import org.crmkit.common.CrmException;
import org.crmkit.messaging.ProviderCatalogue;
import org.crmkit.messaging.ProviderSelectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the storage when the host registered none: a provider found through {@link ServiceLoader},
 * chosen by the rules every crmkit provider is chosen by ({@link ProviderCatalogue}: names compared
 * ignoring case, two providers with the name asked for, several and none named, or an unknown name
 * are errors listing the candidates, a provider that fails to load is logged and skipped). When none
 * is found and none is named, the in-memory storage, with a warning, since its data does not survive
 * the process.
 */
public final class StorageSelection {
    private static final Logger LOG = LoggerFactory.getLogger(StorageSelection.class);

    private StorageSelection() {
    }

    /**
     * @throws CrmException when no provider fits the rules; its message lists the candidates
     */
    public static Storage select(Optional<String> name, Map<String, String> settings, ClassLoader loader) {
        return select(name, settings, loader, () -> {
            throw new CrmException("no storage provider found; register a Storage with Crm.builder().storage(...)");
        });
    }

    /** The same, with {@code fallback} made (and a warning logged) when no provider is found and none is named. */
    public static Storage select(Optional<String> name, Map<String, String> settings, ClassLoader loader, Supplier<Storage> fallback) {
        ProviderCatalogue<StorageProvider> found = ProviderCatalogue.builder(StorageProvider.class, StorageProvider::name)
                .noun("storage")
                .howToChoose("choose one with Crm.builder().storageProvider(name) or register a Storage explicitly")
                .classLoader(loader)
                .build();
        if (name.isEmpty() && found.isEmpty()) {
            LOG.warn("no storage provider found; using the in-memory storage, whose data is lost when the process ends");
            return fallback.get();
        }
        StorageProvider provider;
        try {
            provider = found.select(name);
        } catch (ProviderSelectionException | IllegalArgumentException e) {
            throw new CrmException(e.getMessage(), e);
        }
        return provider.create(settings);
    }
}
