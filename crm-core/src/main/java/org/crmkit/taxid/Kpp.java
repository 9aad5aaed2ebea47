package org.crmkit.taxid;

import java.util.regex.Pattern;

/**
 * A Russian tax registration reason code (КПП) of an organisation: nine characters, four digits
 * (the tax office), two digits or capital Latin letters (the reason), three digits (the number).
 *
 * <p>Invariant: the value matches {@code \d{4}[0-9A-Z]{2}\d{3}}. A KPP has no check digit.
 */
public record Kpp(String value) {

    /** The field name errors are reported under. */
    public static final String FIELD = "kpp";

    private static final Pattern FORMAT = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");

    /**
     * @throws InvalidTaxIdException when the value does not have the form of a KPP
     */
    public Kpp {
        if (value == null) {
            throw new InvalidTaxIdException(FIELD, null, "is required");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidTaxIdException(FIELD, value, "must be 9 characters: 4 digits, 2 digits or capital "
                    + "Latin letters, 3 digits (e.g. 773601001)");
        }
    }

    /** Parses a KPP as typed: white space around it is ignored. */
    public static Kpp parse(String raw) {
        return new Kpp(TaxIds.trimmed(FIELD, raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
