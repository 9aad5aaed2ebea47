package org.crmkit.client;

import java.util.Locale;

import org.crmkit.common.ValidationException;

/**
 * The way a client or a contact person prefers to be reached ("наиболее удобный способ общения"):
 * e-mail, SMS or a call. Its constants are named as {@code org.crmkit.consent.Channel}'s, one for
 * one, so a mailing maps one to the other by name; it lives here because the client package may
 * not depend on the consent package (consent depends on clients).
 */
public enum PreferredChannel {
    EMAIL,
    SMS,
    PHONE_CALL;

    /** The channel named {@code name} (case does not matter), or a {@link ValidationException} naming {@code field}. */
    public static PreferredChannel parse(String name, String field) {
        ValidationException.required(name, field);
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(field, name, "is not a channel (EMAIL, SMS or PHONE_CALL)");
        }
    }
}
