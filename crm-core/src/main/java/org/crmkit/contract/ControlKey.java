package org.crmkit.contract;

import org.crmkit.common.ValidationException;

/**
 * The Bank of Russia's control key of a 20-digit account number (the procedure of 08.09.1997
 * N 515): the three digits of the conditional number ({@link Bic#accountPrefix()}) followed by the
 * account's 20 digits are multiplied by the weights 7, 1, 3 repeated; the account is right when the
 * sum of the products ends in 0. The key itself is the account's ninth digit: with that digit set
 * to 0, it is the last digit of three times the last digit of the sum.
 */
final class ControlKey {
    private static final int[] WEIGHTS = {7, 1, 3};

    private ControlKey() {
    }

    /** Refuses the account, naming {@code field}, when its key does not match the prefix. */
    static String check(String field, String account, String prefix, String against) {
        String digits = Bic.digits(field, account, 20);
        if (sum(prefix + digits) % 10 != 0) {
            String zeroed = digits.substring(0, 8) + "0" + digits.substring(9);
            int expected = sum(prefix + zeroed) % 10 * 3 % 10;
            throw new ValidationException(field, account, "fails the control key against " + against
                    + " (expected " + expected + " as its ninth digit)");
        }
        return digits;
    }

    private static int sum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i % 3];
        }
        return sum;
    }
}
