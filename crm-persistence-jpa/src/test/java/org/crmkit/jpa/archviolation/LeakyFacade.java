package org.crmkit.jpa.archviolation;

import org.crmkit.jpa.internal.PlantedInternalRow;

/** Deliberately a public API that hands out an internal type; only the architecture test imports it. */
public final class LeakyFacade {
    public PlantedInternalRow exposed;

    public PlantedInternalRow row() {
        return new PlantedInternalRow();
    }

    public void take(PlantedInternalRow row) {
    }
}
