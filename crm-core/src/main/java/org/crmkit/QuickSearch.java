package org.crmkit;

import java.util.ArrayList;
import java.util.Comparator;
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
         * The names in which the fragment starts a word, as one criterion the word index answers in
         * word order; punctuation around the fragment is ignored ({@code радуга-} and {@code «радуга}
         * look for {@code радуга}). For one word, the names with a word that starts with it. For
         * several ({@code полюс-ст}, {@code ип иванов}), the names with a word that starts with
         * the longest of them and whose short name contains the whole fragment: the store walks that
         * word's entries and tests the name on each entry before it reads a client, where a search
         * for names containing the fragment would read and sort every one of them. Empty for a
         * fragment without letters or digits.
         */
        Optional<ClientCriterion> wordPrefix() {
            return nameFragment.map(text -> NameWords.trim(CleanText.fold(text))).filter(text -> !text.isEmpty()).map(text -> {
                if (NameWords.isWord(text)) {
                    return new ClientCriterion.NameWordStartsWith(text);
                }
                List<String> words = NameWords.of(text);
                String longest = words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
                return ClientCriterion.and(new ClientCriterion.NameWordStartsWith(longest), new ClientCriterion.ShortNameContains(text));
            });
        }

        /** Whether the name fragment, without punctuation around it, is one word ({@code «радуга-}, not {@code полюс-ст}). */
        boolean oneWord() {
            return nameFragment.map(text -> NameWords.isWord(NameWords.trim(CleanText.fold(text)))).orElse(false);
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
