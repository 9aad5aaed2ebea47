package org.crmkit.jpa.internal;

import java.sql.Types;
import java.util.UUID;

import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;

/**
 * EclipseLink's PostgreSQL platform, except that a null {@link UUID} is bound as an untyped value
 * ({@link Types#OTHER}) instead of a VARCHAR, which PostgreSQL refuses for a {@code uuid} column
 * (EclipseLink 5.0.0 types null parameters by the field's class and has no UUID mapping for it).
 */
public class PostgresPlatform extends PostgreSQLPlatform {
    private static final long serialVersionUID = 1L;

    @Override
    public int getJDBCTypeForSetNull(DatabaseField field) {
        if (field.getType() == UUID.class) {
            return Types.OTHER;
        }
        return super.getJDBCTypeForSetNull(field);
    }
}
