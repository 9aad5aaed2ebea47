package org.crmkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.NameWords;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.taxid.Inn;

/**
 * Reads what a user typed into a search box every way it parses: a code, an INN, a phone number or
 * an e-mail (exact readings), and a name fragment.
 */
final class QuickSearch {
    private QuickSearch() {
    }

    /**
     * The readings of a search text: exact ones (code, INN, phone, e-mail), answered from their
     * indexes, and a name fragment, if the text can be one.
     */
    record Readings(List<ClientCriterion> exact, Optional<String> nameFragment) {
        /** Whether the text has no letters: a number (phone, INN, numeric code) rather than a name. */
        boolean numeric() {
            return nameFragment.map(text -> text.codePoints().noneMatch(Character::isLetter)).orElse(true);
        }

        /**
         * For a fragment of one word (punctuation around it ignored: {@code радуга-} and
         * {@code «радуга} look for {@code радуга}), the names with a word that starts with it.
         * Empty for a fragment of several words ({@code полюс-ст}): the names that start with it,
         * then those that contain it (trigram index), find those faster than the thousands of names
         * with a word starting with its first word.
         */
        Optional<ClientCriterion> wordPrefix() {
            return nameFragment.map(text -> NameWords.trim(CleanText.fold(text))).filter(NameWords::isWord)
                    .map(ClientCriterion.NameWordStartsWith::new);
        }

        /** The exact readings as one criterion, if any. */
        Optional<ClientCriterion> exactCriterion() {
            return exact.isEmpty() ? Optional.empty()
                    : Optional.of(exact.size() == 1 ? exact.get(0) : new ClientCriterion.Or(exact));
        }
    }

    static Readings parse(String text, String phoneRegion) {
        String query = CleanText.require("search", text, 150);
        List<ClientCriterion> exact = new ArrayList<>();
        Optional<String> name = Optional.empty();
        if (query.contains("@")) {
            attempt(exact, () -> new ClientCriterion.EmailIs(EmailAddress.parse("search", query)));
        } else {
            name = Optional.of(query);
            attempt(exact, () -> new ClientCriterion.CodeIs(ClientCode.of(query)));
            String digits = query.replaceAll("[\\s()+.-]", "");
            if (digits.matches("\\d{10}|\\d{12}")) {
                attempt(exact, () -> new ClientCriterion.InnIs(Inn.parse(digits)));
            }
            if (digits.matches("\\d{6,15}")) {
                attempt(exact, () -> new ClientCriterion.PhoneIs(PhoneNumber.parse("search", query, phoneRegion)));
            }
        }
        if (exact.isEmpty() && name.isEmpty()) {
            throw new ValidationException("search", text, "is neither a name, a code, an INN, a phone number nor an e-mail address");
        }
        return new Readings(exact, name);
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
