package org.crmkit.jpa;

import java.nio.file.Path;
import java.util.Map;

import org.crmkit.common.ValidationException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets {@code Crm.builder()} find the JPA storage through {@link java.util.ServiceLoader}, by the
 * name {@code jpa}. Settings: {@code url} (a JDBC URL) with {@code user} and {@code password}, or
 * {@code path} (an H2 database file); with neither, the embedded default: an H2 file at
 * {@value #DEFAULT_PATH} under the working directory. {@code migrate} is {@code true} by default.
 */
public final class JpaStorageProvider implements StorageProvider {
    /** Where the embedded default keeps its data when the host names no database. */
    public static final String DEFAULT_PATH = "crmkit-data/crm";

    private static final Logger LOG = LoggerFactory.getLogger(JpaStorageProvider.class);

    @Override
    public String name() {
        return "jpa";
    }

    @Override
    public Storage create(Map<String, String> settings) {
        String migrate = settings.getOrDefault("migrate", "true");
        if (!migrate.equals("true") && !migrate.equals("false")) {
            throw new ValidationException("migrate", migrate, "must be true or false");
        }
        String url = settings.get("url");
        String path = settings.get("path");
        if (url != null && path != null) {
            throw new ValidationException("url", url, "and path both name a database; give one of them");
        }
        if (url != null && url.isBlank()) {
            throw new ValidationException("url", url, "is blank: give the JDBC URL of the crmkit database");
        }
        if (url == null) {
            Path file = Path.of(path == null || path.isBlank() ? DEFAULT_PATH : path).toAbsolutePath();
            LOG.info("crmkit keeps its data in the embedded H2 database {}.mv.db", file);
            url = JpaStorage.h2Url(file);
        }
        return JpaStorage.builder().url(url).user(settings.getOrDefault("user", url.startsWith("jdbc:h2:") ? "sa" : null))
                .password(settings.get("password")).migrate(Boolean.parseBoolean(migrate)).build();
    }
}
