package org.crmkit.segment;

/** How a saved segment knows its members. */
public enum SegmentKind {
    /** The rule is evaluated on use; its current members are kept as rows for live membership. */
    DYNAMIC,
    /** A snapshot list: member rows frozen at a moment, then added and removed by hand. */
    LIST
}
