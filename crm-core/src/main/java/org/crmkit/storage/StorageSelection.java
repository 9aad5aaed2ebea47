package org.crmkit.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.crmkit.common.CrmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the storage when the host registered none: a provider found through
 * {@link ServiceLoader}, chosen by name when several are found (several and no name is an error
 * that lists them); the in-memory storage when none is found, with a warning, since its data does
 * not survive the process.
 */
public final class StorageSelection {
    private static final Logger LOG = LoggerFactory.getLogger(StorageSelection.class);

    private StorageSelection() {
    }

    public static Storage select(Optional<String> name, Map<String, String> settings, ClassLoader loader) {
        return select(name, settings, loader, () -> {
            throw new CrmException("no storage provider found; register a Storage with Crm.builder().storage(...)");
        });
    }

    /** The same, with {@code fallback} made (and a warning logged) when no provider is found. */
    public static Storage select(Optional<String> name, Map<String, String> settings, ClassLoader loader, Supplier<Storage> fallback) {
        List<StorageProvider> found = discover(loader);
        if (name.isPresent()) {
            return found.stream().filter(p -> p.name().equals(name.get())).findFirst()
                    .orElseThrow(() -> new CrmException("no storage provider named \"" + name.get() + "\"; found: "
                            + names(found)))
                    .create(settings);
        }
        if (found.size() > 1) {
            throw new CrmException("several storage providers found (" + names(found)
                    + "); choose one with Crm.builder().storageProvider(name) or register a Storage explicitly");
        }
        if (found.size() == 1) {
            return found.get(0).create(settings);
        }
        LOG.warn("no storage provider found; using the in-memory storage, whose data is lost when the process ends");
        return fallback.get();
    }

    private static List<StorageProvider> discover(ClassLoader loader) {
        List<StorageProvider> found = new ArrayList<>();
        var iterator = ServiceLoader.load(StorageProvider.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                LOG.error("a storage provider could not be loaded and is skipped: {}", e.getMessage());
            }
        }
        return found;
    }

    private static String names(List<StorageProvider> providers) {
        return providers.isEmpty() ? "none" : providers.stream().map(StorageProvider::name).collect(Collectors.joining(", "));
    }
}
