package org.crmkit.contract;

import org.crmkit.common.ValidationException;

/**
 * A Russian bank identification code (БИК): nine digits. Digits 7–9 are the bank's conditional
 * number within its Bank of Russia division; {@code 000}, {@code 001} and {@code 002} mark a
 * division of the Bank of Russia itself (a cash settlement centre, РКЦ), whose conditional number is
 * {@code 0} followed by digits 5–6.
 */
public record Bic(String value) {
    public Bic {
        value = digits("bic", value, 9);
    }

    public static Bic of(String value) {
        return new Bic(value);
    }

    /** Whether the code is a Bank of Russia division's (a cash settlement centre) rather than a bank's. */
    public boolean bankOfRussiaDivision() {
        String last = value.substring(6);
        return last.equals("000") || last.equals("001") || last.equals("002");
    }

    /**
     * The three digits an account's control key is computed over before the account itself: the
     * bank's conditional number (digits 7–9), or for an account held at a cash settlement centre
     * {@code 0} and digits 5–6.
     */
    String accountPrefix() {
        return bankOfRussiaDivision() ? divisionPrefix() : value.substring(6);
    }

    /** {@code 0} and digits 5–6: the prefix of a correspondent account, which a bank holds at its division. */
    String divisionPrefix() {
        return "0" + value.substring(4, 6);
    }

    /** The value, stripped, when it is exactly {@code length} ASCII digits; else a {@link ValidationException} naming the field. */
    static String digits(String field, String value, int length) {
        ValidationException.required(value, field);
        String stripped = value.strip();
        if (stripped.length() != length || !stripped.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(field, value, "must be exactly " + length + " digits");
        }
        return stripped;
    }

    @Override
    public String toString() {
        return value;
    }
}
