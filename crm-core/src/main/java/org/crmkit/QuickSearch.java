package org.crmkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
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
        /** The shortest word of a several-word fragment that leads a walk of the word index. */
        static final int SELECTIVE_WORD = 3;
        /**
         * Legal forms (folded), which start a word in most names of a Russian client base (ООО in
         * 56% of the benchmark's million, ИП in 20%): never the word that leads a walk.
         */
        static final Set<String> LEGAL_FORMS = Set.of("ооо", "оао", "зао", "пао", "нао", "ао", "ип", "чп", "нко", "ано", "гуп", "муп",
                "фгуп", "тоо", "кфх", "тсж", "снт", "пк");

        /** Whether the text has no letters: a number (phone, INN, numeric code) rather than a name. */
        boolean numeric() {
            return nameFragment.map(text -> text.codePoints().noneMatch(Character::isLetter)).orElse(true);
        }

        /**
         * The phases that list names in which the fragment starts a word, in the order they fill
         * the page; punctuation around the fragment is ignored ({@code радуга-} and {@code «радуга}
         * look for {@code радуга}). For one word, the names with a word that starts with it, in word
         * order. For several ({@code полюс-ст}, {@code ип иванов}): the names that start with the
         * fragment, by name (the ordered index of names); then the names with a word that starts
         * with the longest of its words (the first of equally long ones) and whose short name
         * contains the fragment, in word order:
         * the store walks that word's index entries and tests the name on each before it reads a
         * client. That second phase needs a word of {@value #SELECTIVE_WORD} letters or more that is
         * not a legal form: {@code ооо} starts a word in 56% of the names, and walking them to find
         * {@code ооо «я} took 200 ms on a million clients.
         */
        List<Phase> wordStarts() {
            Optional<String> trimmed = nameFragment.map(text -> NameWords.trim(CleanText.fold(text))).filter(text -> !text.isEmpty());
            if (trimmed.isEmpty()) {
                return nameFragment.map(text -> List.of(new Phase(new ClientCriterion.NameStartsWith(text), ClientQuery.Order.NAME)))
                        .orElse(List.of());
            }
            String text = trimmed.get();
            if (NameWords.isWord(text)) {
                return List.of(new Phase(new ClientCriterion.NameWordStartsWith(text), ClientQuery.Order.WORD));
            }
            ClientCriterion starts = new ClientCriterion.NameStartsWith(text);
            Optional<String> lead = NameWords.of(text).stream()
                    .filter(word -> word.codePointCount(0, word.length()) >= SELECTIVE_WORD && !LEGAL_FORMS.contains(word))
                    .max(Comparator.comparingInt(String::length));
            if (lead.isEmpty()) {
                return List.of(new Phase(starts, ClientQuery.Order.NAME));
            }
            return List.of(new Phase(starts, ClientQuery.Order.NAME), new Phase(ClientCriterion.and(new ClientCriterion.NameWordStartsWith(
                    lead.get()), new ClientCriterion.ShortNameContains(text), new ClientCriterion.Not(starts)), ClientQuery.Order.WORD));
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

    /** One query of a search: which clients, in which order. */
    record Phase(ClientCriterion criterion, ClientQuery.Order order) {
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
