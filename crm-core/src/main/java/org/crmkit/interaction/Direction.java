package org.crmkit.interaction;

/** Which way a call, letter or message went: from the client to us, or from us to the client. */
public enum Direction {
    INCOMING,
    OUTGOING
}
