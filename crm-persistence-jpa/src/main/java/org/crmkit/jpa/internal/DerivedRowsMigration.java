package org.crmkit.jpa.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration that fills derived rows or columns (name words, search keys) for data stored
 * before they existed, with the same code the store writes them with; its checksum is its version,
 * and it runs in the migration's transaction.
 */
public abstract class DerivedRowsMigration implements JavaMigration {
    private final int version;
    private final String description;

    DerivedRowsMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
