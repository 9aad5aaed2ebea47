package org.crmkit.jpa;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageProvider;
import org.crmkit.storage.StorageSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets {@code Crm.builder()} find the JPA storage through {@link java.util.ServiceLoader}, by the
 * name {@code jpa}. Settings (in code, or as system properties {@code crmkit.storage.<key>}, see
 * {@link StorageSelection}): {@code url} (a JDBC URL) with {@code user} and {@code password}, or
 * {@code path} (an H2 database file, {@code .mv.db} added; relative to the working directory);
 * {@code migrate}, {@code true} by default.
 *
 * <p>With neither {@code url} nor {@code path} it refuses ({@link CrmException} saying how to name
 * a database): an embedded library does not create a database in whatever directory its host
 * happens to run in. The H2 file chosen by {@code path} is logged at INFO with its absolute path.
 */
public final class JpaStorageProvider implements StorageProvider {
    /** What the error says when no database is named; the start of {@link CrmException#getMessage()}. */
    static final String NO_DATABASE = "the jpa storage provider is on the class path, but no database is named "
            + "(crmkit creates none in the working directory)";

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
            throw new ValidationException("url", url, "and path (\"" + path + "\") both name a database; give one of them");
        }
        if (url != null && url.isBlank()) {
            throw new ValidationException("url", url, "is blank: give the JDBC URL of the crmkit database");
        }
        if (path != null && path.isBlank()) {
            throw new ValidationException("path", path, "is blank: give the H2 database file, e.g. data/crm");
        }
        if (url == null && path == null) {
            throw new CrmException(NO_DATABASE + ". Name one: Crm.builder().storage(JpaStorage.h2(Path.of(\"data/crm\"))); "
                    + "or Crm.builder().storageProvider(\"jpa\", Map.of(\"path\", \"data/crm\")), or url, user and password "
                    + "for a server; or the system property -D" + StorageSelection.PROPERTY_PREFIX + "path=data/crm (or "
                    + StorageSelection.PROPERTY_PREFIX + "url, .user, .password). For a base kept in memory only: "
                    + "Crm.builder().storage(new InMemoryStorage()).");
        }
        if (url == null) {
            Path file;
            try {
                file = Path.of(path).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new ValidationException("path", path, "is not a file path here: " + e.getReason());
            }
            LOG.info("crmkit keeps its data in the embedded H2 database {}.mv.db (setting path \"{}\")", file, path);
            url = JpaStorage.h2Url(file);
        }
        return JpaStorage.builder().url(url).user(settings.getOrDefault("user", url.startsWith("jdbc:h2:") ? "sa" : null))
                .password(settings.get("password")).migrate(Boolean.parseBoolean(migrate)).build();
    }
}
