package org.crmkit.common;

import java.util.regex.Pattern;

/**
 * One business using the client base. Every stored row belongs to exactly one tenant; the host
 * supplies the key (a company code of the ERP, for example): 1–64 letters, digits, {@code . _ -}.
 */
public record TenantId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The tenant of a host that keeps one business only. */
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("tenant", value, "is not a tenant key (1–64 of A-Z a-z 0-9 . _ -)");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
