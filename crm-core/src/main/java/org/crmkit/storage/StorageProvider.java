package org.crmkit.storage;

import java.util.Map;

/**
 * Makes a {@link Storage} from settings (SPI, found through {@link java.util.ServiceLoader}).
 * The constructor must be cheap; connecting happens in {@link #create}.
 */
public interface StorageProvider {
    /**
     * A short name to choose this provider by, e.g. {@code jpa}; compared ignoring case, so two providers
     * on one class path must differ by more than case.
     */
    String name();

    Storage create(Map<String, String> settings);
}
