package org.crmkit.interaction;

/** How important an interaction is; {@link #NORMAL} unless someone says otherwise. */
public enum Importance {
    LOW,
    NORMAL,
    HIGH
}
