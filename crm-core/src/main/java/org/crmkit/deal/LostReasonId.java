package org.crmkit.deal;

import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/** The key of a lost reason of the tenant's list: a lower-case word such as {@code price} or {@code no-budget}. */
public record LostReasonId(String value) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public LostReasonId {
        if (value == null || !KEY.matcher(value).matches()) {
            throw new ValidationException("lostReason", value, "is not a lost reason key (a lower-case word of up to 40 letters, digits and hyphens)");
        }
    }

    public static LostReasonId of(String value) {
        return new LostReasonId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
