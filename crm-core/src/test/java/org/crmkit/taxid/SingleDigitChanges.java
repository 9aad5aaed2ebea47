package org.crmkit.taxid;

import java.util.ArrayList;
import java.util.List;

/** Every number that differs from a given one in exactly one digit: what a single typing error makes. */
final class SingleDigitChanges {

    private SingleDigitChanges() {
    }

    static List<String> of(String digits) {
        List<String> changes = new ArrayList<>(digits.length() * 9);
        for (int position = 0; position < digits.length(); position++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != digits.charAt(position)) {
                    changes.add(digits.substring(0, position) + d + digits.substring(position + 1));
                }
            }
        }
        return changes;
    }
}
