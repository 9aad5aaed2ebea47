package org.crmkit.client;

import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * The human code of a client, unique in its tenant: auto-numbered as nine digits
 * ({@code 000000012}) or taken over from another system on import.
 */
public record ClientCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё_./-]{0,19}");

    public ClientCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("code", value, "is not a client code (1–20 letters, digits, _ . / -)");
        }
    }

    public static ClientCode of(String value) {
        return new ClientCode(value == null ? null : value.strip());
    }

    /** The code for the n-th client: zero-padded to nine digits. */
    public static ClientCode numbered(long n) {
        if (n < 1) {
            throw new ValidationException("code", n, "must be a positive number");
        }
        return new ClientCode(String.format("%09d", n));
    }

    @Override
    public String toString() {
        return value;
    }
}
