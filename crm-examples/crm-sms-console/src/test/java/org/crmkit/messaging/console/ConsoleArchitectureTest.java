package org.crmkit.messaging.console;

import org.crmkit.messaging.kit.PluginArchitectureContract;

/** The console plugin uses the SPI and the JDK only. */
class ConsoleArchitectureTest extends PluginArchitectureContract {

    @Override
    protected Class<?> pluginClass() {
        return ConsoleSmsGatewayProvider.class;
    }
}
