package org.crmkit.archviolation;

import org.crmkit.messaging.kit.PlantedPluginViolation;

/** Deliberately uses crmkit code outside crm-core and the SPI, as a plugin would be; only the architecture test imports it. */
public final class PluginLeak {
    private PluginLeak() {
    }

    public static PlantedPluginViolation plugin() {
        return null;
    }
}
