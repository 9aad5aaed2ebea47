package org.crmkit.taxid;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/** Checks shared by the identifiers of this package. */
final class TaxIds {

    /** Longer input is surely not an identifier; it is refused before it is looked at closely. */
    private static final int MAX_INPUT_LENGTH = 64;

    private TaxIds() {
    }

    /**
     * The value with white space (also no-break spaces) removed from both ends; {@code null} and
     * blank are "required", control and invisible characters are refused.
     */
    static String trimmed(String field, String raw) {
        try {
            return CleanText.require(field, raw, MAX_INPUT_LENGTH);
        } catch (ValidationException e) {
            throw new InvalidTaxIdException(field, raw, e.problem());
        }
    }

    /** Requires ASCII digits only and one of the given lengths; names both in the error. */
    static void requireDigits(String field, String value, String name, int... lengths) {
        if (value == null) {
            throw new InvalidTaxIdException(field, null, "is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidTaxIdException(field, value, "must be digits only (" + name + " has "
                        + describe(lengths) + " digits)");
            }
        }
        for (int length : lengths) {
            if (value.length() == length) {
                if (value.chars().allMatch(c -> c == '0')) {
                    throw new InvalidTaxIdException(field, value, "is all zeros, which no " + name + " is");
                }
                return;
            }
        }
        throw new InvalidTaxIdException(field, value, "must have " + describe(lengths) + " digits, not "
                + value.length());
    }

    static int digit(String value, int index) {
        return value.charAt(index) - '0';
    }

    /** The weighted digit sum of {@code value[0 .. weights.length)}. */
    static int weightedSum(String value, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(value, i) * weights[i];
        }
        return sum;
    }

    private static String describe(int... lengths) {
        if (lengths.length == 1) {
            return String.valueOf(lengths[0]);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lengths.length; i++) {
            if (i > 0) {
                out.append(i == lengths.length - 1 ? " or " : ", ");
            }
            out.append(lengths[i]);
        }
        return out.toString();
    }
}
