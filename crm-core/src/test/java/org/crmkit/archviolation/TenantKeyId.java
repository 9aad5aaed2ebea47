package org.crmkit.archviolation;

/** Deliberately an id that is not a record; only the architecture test imports it. */
public final class TenantKeyId {
    public final String value = "x";
}
