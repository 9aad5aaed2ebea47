package org.crmkit.consent;

import java.util.Locale;

import org.crmkit.common.ValidationException;

/** How a person is reached: consent is given and withdrawn per channel. */
public enum Channel {
    EMAIL,
    SMS,
    PHONE_CALL;

    /** The channel named {@code name} (case does not matter), or a {@link ValidationException} naming {@code field}. */
    public static Channel parse(String name, String field) {
        ValidationException.required(name, field);
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(field, name, "is not a channel (EMAIL, SMS or PHONE_CALL)");
        }
    }
}
