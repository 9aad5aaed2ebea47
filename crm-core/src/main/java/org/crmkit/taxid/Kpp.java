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

    /**
     * Parses a KPP as typed: white space around it is ignored and Latin letters are written in
     * capitals, as the tax office writes them ({@code 7736ab001} is {@code 7736AB001}). Only the
     * letters a–z are raised: a look-alike from another script (Cyrillic {@code а}, Turkish dotless
     * {@code ı}) stays what it is and is refused.
     *
     * @throws InvalidTaxIdException naming {@value #FIELD} and the value as typed
     */
    public static Kpp parse(String raw) {
        String trimmed = TaxIds.trimmed(FIELD, raw);
        StringBuilder upper = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        if (!FORMAT.matcher(upper).matches()) {
            throw new InvalidTaxIdException(FIELD, raw, "must be 9 characters: 4 digits, 2 digits or Latin letters, "
                    + "3 digits (e.g. 773601001 or 7736AB001)");
        }
        return new Kpp(upper.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
