package org.crmkit.deal;

/** What reaching a stage means: the deal is still open, was won, or was lost. */
public enum StageKind {
    OPEN, WON, LOST;

    /** The kind as the journal shows it: {@code open}, {@code won}, {@code lost}. */
    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
