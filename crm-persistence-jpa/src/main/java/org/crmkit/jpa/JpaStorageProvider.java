package org.crmkit.jpa;

import java.util.Map;

import org.crmkit.common.ValidationException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageProvider;

/**
 * Lets {@code Crm.builder()} find the JPA storage through {@link java.util.ServiceLoader}, by the
 * name {@code jpa}. Settings: {@code url} (JDBC URL, required), {@code user}, {@code password},
 * {@code migrate} ({@code true} by default).
 */
public final class JpaStorageProvider implements StorageProvider {
    @Override
    public String name() {
        return "jpa";
    }

    @Override
    public Storage create(Map<String, String> settings) {
        String url = settings.get("url");
        if (url == null || url.isBlank()) {
            throw new ValidationException("url", url, "is required: the JDBC URL of the crmkit database");
        }
        String migrate = settings.getOrDefault("migrate", "true");
        if (!migrate.equals("true") && !migrate.equals("false")) {
            throw new ValidationException("migrate", migrate, "must be true or false");
        }
        return JpaStorage.builder().url(url).user(settings.get("user")).password(settings.get("password"))
                .migrate(Boolean.parseBoolean(migrate)).build();
    }
}
