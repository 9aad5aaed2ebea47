package org.crmkit.common;

import java.util.Comparator;
import java.util.UUID;

/**
 * The orders stores sort by, defined once so the in-memory store sorts exactly as SQL does: ids as
 * unsigned 128-bit numbers (as H2 and PostgreSQL compare {@code uuid}), texts by code point (as
 * {@code COLLATE "C"} and H2's default compare them).
 */
public final class SortOrder {
    /** UUIDs as unsigned numbers; {@link UUID#compareTo} compares signed and disagrees with databases. */
    public static final Comparator<UUID> UUIDS = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** Texts by Unicode code point; {@link String#compareTo} compares UTF-16 units and differs above U+FFFF. */
    public static final Comparator<String> TEXT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private SortOrder() {
    }
}
