package org.crmkit.storage;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.crmkit.common.CrmException;
import org.crmkit.messaging.ProviderCatalogue;
import org.crmkit.messaging.ProviderSelectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the storage when the host registered none; the one place where the rules live.
 *
 * <ol>
 *   <li>A {@link Storage} registered with {@code Crm.builder().storage(…)} wins (the builder does not
 *       come here at all).</li>
 *   <li>The provider is the one named in code ({@code Crm.builder().storageProvider(name, settings)}),
 *       else the one named by the system property {@value #PROVIDER_PROPERTY}, else the only one found
 *       through {@link ServiceLoader}. Names are compared ignoring case; two providers with the name
 *       asked for, several and none named, or an unknown name are errors listing the candidates
 *       ({@link ProviderCatalogue}); a provider that fails to load is logged and skipped.</li>
 *   <li>Its settings are those given in code, each key of which wins over the system property
 *       {@value #PROPERTY_PREFIX}{@code <key>} ({@code -Dcrmkit.storage.path=/var/lib/erp/crm}).</li>
 *   <li>When no provider is found and none is named: the in-memory storage, with a warning, since
 *       its data does not survive the process.</li>
 * </ol>
 *
 * A provider decides what its settings mean; it never invents a location the host did not give
 * (the JPA provider, given no database, refuses and says how to name one).
 */
public final class StorageSelection {
    /** The prefix of the system properties that give storage settings: {@code crmkit.storage.path}. */
    public static final String PROPERTY_PREFIX = "crmkit.storage.";
    /** The system property naming the storage provider, e.g. {@code -Dcrmkit.storage.provider=jpa}. */
    public static final String PROVIDER_PROPERTY = PROPERTY_PREFIX + "provider";

    private static final Logger LOG = LoggerFactory.getLogger(StorageSelection.class);

    private StorageSelection() {
    }

    /**
     * The provider's storage by the rules above, reading the JVM's system properties; no fallback.
     *
     * @throws CrmException when no provider fits the rules; its message lists the candidates
     */
    public static Storage select(Optional<String> name, Map<String, String> settings, ClassLoader loader) {
        return select(name, settings, loader, System.getProperties(), () -> {
            throw new CrmException("no storage provider found; register a Storage with Crm.builder().storage(...)");
        });
    }

    /** The same, with {@code fallback} made (and a warning logged) when no provider is found and none is named. */
    public static Storage select(Optional<String> name, Map<String, String> settings, ClassLoader loader, Supplier<Storage> fallback) {
        return select(name, settings, loader, System.getProperties(), fallback);
    }

    /**
     * The same, with the system properties given ({@code System.getProperties()} in production, a
     * fixed set in tests).
     */
    public static Storage select(Optional<String> name, Map<String, String> settings, ClassLoader loader, Properties system,
                                 Supplier<Storage> fallback) {
        Optional<String> chosenName = name.or(() -> Optional.ofNullable(system.getProperty(PROVIDER_PROPERTY)));
        ProviderCatalogue<StorageProvider> found = ProviderCatalogue.builder(StorageProvider.class, StorageProvider::name)
                .noun("storage")
                .howToChoose("choose one with Crm.builder().storageProvider(name), the system property "
                        + PROVIDER_PROPERTY + ", or register a Storage explicitly")
                .classLoader(loader)
                .build();
        if (chosenName.isEmpty() && found.isEmpty()) {
            LOG.warn("no storage provider found; using the in-memory storage, whose data is lost when the process ends");
            return fallback.get();
        }
        StorageProvider provider;
        try {
            provider = found.select(chosenName);
        } catch (ProviderSelectionException | IllegalArgumentException e) {
            throw new CrmException(e.getMessage(), e);
        }
        return provider.create(settings(settings, system));
    }

    /** The settings in code over those of the system properties {@value #PROPERTY_PREFIX}{@code <key>}. */
    static Map<String, String> settings(Map<String, String> inCode, Properties system) {
        Map<String, String> merged = new TreeMap<>();
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith(PROPERTY_PREFIX) && !key.equals(PROVIDER_PROPERTY)) {
                merged.put(key.substring(PROPERTY_PREFIX.length()), system.getProperty(key));
            }
        }
        merged.putAll(inCode);
        return merged;
    }
}
