package org.crmkit.storage;

import org.crmkit.common.CrmException;

/**
 * The storage does not keep a feature the host called: {@code Crm.builder().features(...)} names
 * it at build time; otherwise the first use case of the feature throws this, before it touches
 * anything. The message names the feature, the storage and the stores it lacks.
 */
public final class FeatureUnavailableException extends CrmException {
    private final String feature;
    private final String storage;

    public FeatureUnavailableException(String feature, String storage, String missing) {
        super("storage " + storage + " does not keep the feature \"" + feature + "\" (it lacks " + missing
                + "); use a storage that does, such as JpaStorage or InMemoryStorage of this crmkit version");
        this.feature = feature;
        this.storage = storage;
    }

    public String feature() {
        return feature;
    }

    public String storage() {
        return storage;
    }
}
