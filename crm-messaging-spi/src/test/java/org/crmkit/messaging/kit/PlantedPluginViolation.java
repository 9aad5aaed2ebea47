package org.crmkit.messaging.kit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A deliberate offender against {@link PluginArchitecture}: crmkit code outside the SPI (this kit) and
 * JDBC, as a plugin's main classes must not use them. Only the architecture tests import it.
 */
public final class PlantedPluginViolation {

    private PlantedPluginViolation() {
    }

    /** Uses the kit from main code. */
    public static List<String> spiPackages() {
        return PluginArchitecture.SPI_PACKAGES;
    }

    /** Uses JDBC. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
