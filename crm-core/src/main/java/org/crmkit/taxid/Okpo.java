package org.crmkit.taxid;

/**
 * A Russian statistical enterprise code (ОКПО): 8 digits for an organisation, 10 for a sole
 * proprietor.
 *
 * <p>Invariant: ASCII digits only, not all zeros, and the last digit is Rosstat's check number of
 * the others: their weighted sum mod 11 with weights 1, 2, 3, … (after 10 the weights start again
 * at 1); when that is 10, the sum is taken again with weights starting at 3 (3, 4, …); when that
 * too is 10, the check digit is 0. A typing error is therefore not detected when it moves the
 * first remainder to or from 10 and the second pass happens to give the same digit.
 */
public record Okpo(String value) {

    /** The field name errors are reported under. */
    public static final String FIELD = "okpo";

    /**
     * @throws InvalidTaxIdException when the value is not a valid OKPO
     */
    public Okpo {
        TaxIds.requireDigits(FIELD, value, "OKPO", 8, 10);
        int expected = checkDigit(value);
        if (TaxIds.digit(value, value.length() - 1) != expected) {
            throw InvalidTaxIdException.checksum(FIELD, value, "last digit " + expected);
        }
    }

    /** Parses an OKPO as typed: white space around it is ignored. */
    public static Okpo parse(String raw) {
        return new Okpo(TaxIds.trimmed(FIELD, raw));
    }

    /** {@code true} for the 10-digit code of a sole proprietor. */
    public boolean isSoleProprietor() {
        return value.length() == 10;
    }

    @Override
    public String toString() {
        return value;
    }

    private static int checkDigit(String value) {
        int remainder = remainder(value, 1);
        if (remainder == 10) {
            remainder = remainder(value, 3);
        }
        return remainder == 10 ? 0 : remainder;
    }

    /** The weighted sum mod 11 of all digits but the last, weights from {@code firstWeight} cycling through 1..10. */
    private static int remainder(String value, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < value.length() - 1; i++) {
            int weight = (firstWeight - 1 + i) % 10 + 1;
            sum += TaxIds.digit(value, i) * weight;
        }
        return sum % 11;
    }
}
