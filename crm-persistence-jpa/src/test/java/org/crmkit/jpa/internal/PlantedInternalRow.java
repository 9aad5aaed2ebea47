package org.crmkit.jpa.internal;

/** A test-only type in the internal package, for the architecture test's planted violation. */
public final class PlantedInternalRow {
}
