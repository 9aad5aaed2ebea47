package org.crmkit.taxid;

/**
 * A Russian taxpayer number (ИНН): 10 digits for a legal entity, 12 for an individual or a sole
 * proprietor.
 *
 * <p>Invariant: ASCII digits only, not all zeros, and the check digits agree with the Federal Tax
 * Service's algorithm. For 10 digits the last is the weighted sum of the first nine (weights
 * 2, 4, 10, 3, 5, 9, 4, 6, 8) mod 11 mod 10. For 12 digits the 11th is the same over the first ten
 * (weights 7, 2, 4, 10, 3, 5, 9, 4, 6, 8) and the 12th over the first eleven (weights 3, 7, 2, 4, 10,
 * 3, 5, 9, 4, 6, 8). The final {@code mod 10} maps remainder 10 to 0, so in a 10-digit INN a typing
 * error that turns one of these remainders into the other is not detected (about 2% of single-digit
 * errors); every other single-digit error is. In a 12-digit INN every single-digit error is
 * detected: no position has weights that could move both remainders to their partners at once.
 */
public record Inn(String value) {

    /** The field name errors are reported under. */
    public static final String FIELD = "inn";

    private static final int[] LEGAL_ENTITY = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INDIVIDUAL_11TH = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INDIVIDUAL_12TH = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    /**
     * @throws InvalidTaxIdException when the value is not a valid INN
     */
    public Inn {
        TaxIds.requireDigits(FIELD, value, "INN", 10, 12);
        if (value.length() == 10) {
            int expected = check(value, LEGAL_ENTITY);
            if (TaxIds.digit(value, 9) != expected) {
                throw InvalidTaxIdException.checksum(FIELD, value, "last digit " + expected);
            }
        } else {
            int expected11 = check(value, INDIVIDUAL_11TH);
            // the 12th digit is computed over the 11th as it should be, so the hint is a whole correction
            String corrected = value.substring(0, 10) + expected11;
            int expected12 = check(corrected + '0', INDIVIDUAL_12TH);
            if (TaxIds.digit(value, 10) != expected11) {
                throw InvalidTaxIdException.checksum(FIELD, value, "last two digits " + expected11 + expected12);
            }
            if (TaxIds.digit(value, 11) != expected12) {
                throw InvalidTaxIdException.checksum(FIELD, value, "last digit " + expected12);
            }
        }
    }

    /** Parses an INN as typed: white space around it is ignored. */
    public static Inn parse(String raw) {
        return new Inn(TaxIds.trimmed(FIELD, raw));
    }

    /** {@code true} for the 10-digit INN of an organisation, {@code false} for a person's 12 digits. */
    public boolean isLegalEntity() {
        return value.length() == 10;
    }

    @Override
    public String toString() {
        return value;
    }

    private static int check(String value, int[] weights) {
        return TaxIds.weightedSum(value, weights) % 11 % 10;
    }
}
