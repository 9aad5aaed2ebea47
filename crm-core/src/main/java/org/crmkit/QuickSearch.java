package org.crmkit;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.taxid.Inn;

/**
 * Turns what a user typed into a search box into one criterion: every reading of the text that
 * parses (a name fragment, a code, an INN, a phone number, an e-mail) joined by OR, so the store
 * answers all of them in one query.
 */
final class QuickSearch {
    private QuickSearch() {
    }

    static ClientCriterion parse(String text, String phoneRegion) {
        String query = CleanText.require("search", text, 150);
        List<ClientCriterion> readings = new ArrayList<>();
        if (query.contains("@")) {
            attempt(readings, () -> new ClientCriterion.EmailIs(EmailAddress.parse("search", query)));
        } else {
            readings.add(new ClientCriterion.NameContains(query));
            attempt(readings, () -> new ClientCriterion.CodeIs(ClientCode.of(query)));
            String digits = query.replaceAll("[\\s()+.-]", "");
            if (digits.matches("\\d{10}|\\d{12}")) {
                attempt(readings, () -> new ClientCriterion.InnIs(Inn.parse(digits)));
            }
            if (digits.matches("\\d{6,15}")) {
                attempt(readings, () -> new ClientCriterion.PhoneIs(PhoneNumber.parse("search", query, phoneRegion)));
            }
        }
        if (readings.isEmpty()) {
            throw new ValidationException("search", text, "is neither a name, a code, an INN, a phone number nor an e-mail address");
        }
        return readings.size() == 1 ? readings.get(0) : new ClientCriterion.Or(readings);
    }

    private interface Reading {
        ClientCriterion get();
    }

    private static void attempt(List<ClientCriterion> readings, Reading reading) {
        try {
            readings.add(reading.get());
        } catch (ValidationException notThisReading) {
            // the text does not read this way; the other readings still apply
        }
    }
}
