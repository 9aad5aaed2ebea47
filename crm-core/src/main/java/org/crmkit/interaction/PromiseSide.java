package org.crmkit.interaction;

/** Who gave a promise: the business to the client, or the client to the business. */
public enum PromiseSide {
    WE_PROMISED,
    CLIENT_PROMISED
}
