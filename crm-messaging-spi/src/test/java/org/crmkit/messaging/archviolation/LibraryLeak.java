package org.crmkit.messaging.archviolation;

import org.quicktheories.core.Gen;

/** Deliberately uses a library other than slf4j-api, as the SPI's main classes must not; only the architecture test imports it. */
public final class LibraryLeak {
    private LibraryLeak() {
    }

    public static Gen<String> names() {
        return null;
    }
}
