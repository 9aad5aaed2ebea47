package org.crmkit.taxid;

/**
 * A Russian primary state registration number: the 13-digit ОГРН of an organisation or the
 * 15-digit ОГРНИП of a sole proprietor.
 *
 * <p>Invariant: ASCII digits only, not all zeros, and the last digit is the number formed by the
 * others mod 11 (13 digits) or mod 13 (15 digits), then mod 10. The final {@code mod 10} makes
 * remainders 0 and 10 (and for OGRNIP also 1 and 11, 2 and 12) give the same digit, so a typing
 * error that moves the remainder to its partner is not detected; every other single-digit error is.
 */
public record Ogrn(String value) {

    /** The field name errors are reported under. */
    public static final String FIELD = "ogrn";

    /**
     * @throws InvalidTaxIdException when the value is not a valid OGRN or OGRNIP
     */
    public Ogrn {
        TaxIds.requireDigits(FIELD, value, "OGRN", 13, 15);
        int last = value.length() - 1;
        long body = Long.parseLong(value.substring(0, last));
        int expected = (int) (body % (value.length() == 13 ? 11 : 13) % 10);
        if (TaxIds.digit(value, last) != expected) {
            throw InvalidTaxIdException.checksum(FIELD, value, "last digit " + expected);
        }
    }

    /** Parses an OGRN or OGRNIP as typed: white space around it is ignored. */
    public static Ogrn parse(String raw) {
        return new Ogrn(TaxIds.trimmed(FIELD, raw));
    }

    /** {@code true} for the 15-digit OGRNIP of a sole proprietor. */
    public boolean isSoleProprietor() {
        return value.length() == 15;
    }

    @Override
    public String toString() {
        return value;
    }
}
