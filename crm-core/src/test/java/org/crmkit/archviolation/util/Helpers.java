package org.crmkit.archviolation.util;

/** Deliberately a catch-all package; only the architecture test imports it. */
public final class Helpers {
    private Helpers() {
    }
}
