package org.crmkit.taxid;

import java.math.BigInteger;

/**
 * A second, independent statement of the check-digit rules, written from the published algorithms
 * without looking at (or calling) the production classes: the property tests compare the two.
 * It also exposes the remainders, which the properties about undetected errors need.
 */
final class TaxIdReference {

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] OKPO_FIRST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3};
    private static final int[] OKPO_SECOND = {3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5};

    private TaxIdReference() {
    }

    private static int dot(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += Character.getNumericValue(digits.charAt(i)) * weights[i];
        }
        return sum;
    }

    /** Remainder mod 11 behind the check digit of a 10-digit INN, from its first 9 digits. */
    static int inn10Remainder(String number) {
        return dot(number.substring(0, 9), INN10) % 11;
    }

    static String completeInn10(String body9) {
        return body9 + inn10Remainder(body9 + "0") % 10;
    }

    /** Remainder mod 11 behind the 11th digit of a 12-digit INN. */
    static int inn12FirstRemainder(String number) {
        return dot(number.substring(0, 10), INN12_FIRST) % 11;
    }

    /** Remainder mod 11 behind the 12th digit of a 12-digit INN. */
    static int inn12SecondRemainder(String number) {
        return dot(number.substring(0, 11), INN12_SECOND) % 11;
    }

    static String completeInn12(String body10) {
        String eleven = body10 + inn12FirstRemainder(body10 + "00") % 10;
        return eleven + inn12SecondRemainder(eleven + "0") % 10;
    }

    /** Remainder of the number before the check digit, mod 11 (OGRN) or mod 13 (OGRNIP). */
    static int ogrnRemainder(String number) {
        BigInteger body = new BigInteger(number.substring(0, number.length() - 1));
        return body.mod(BigInteger.valueOf(number.length() == 13 ? 11 : 13)).intValueExact();
    }

    static String completeOgrn(String body) {
        return body + ogrnRemainder(body + "0") % 10;
    }

    /** First-pass remainder mod 11 of an OKPO (weights 1, 2, 3, …). */
    static int okpoFirstRemainder(String number) {
        return dot(number.substring(0, number.length() - 1), OKPO_FIRST) % 11;
    }

    static int okpoCheckDigit(String number) {
        int first = okpoFirstRemainder(number);
        if (first < 10) {
            return first;
        }
        int second = dot(number.substring(0, number.length() - 1), OKPO_SECOND) % 11;
        return second < 10 ? second : 0;
    }

    static String completeOkpo(String body) {
        return body + okpoCheckDigit(body + "0");
    }

    /** The number with the digit at {@code position} replaced by {@code (digit + delta) mod 10}. */
    static String changeDigit(String number, int position, int delta) {
        char changed = (char) ('0' + (number.charAt(position) - '0' + delta) % 10);
        return number.substring(0, position) + changed + number.substring(position + 1);
    }
}
