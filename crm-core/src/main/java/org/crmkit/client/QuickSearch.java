package org.crmkit.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
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
    record Readings(List<Criterion<ClientCriterion>> exact, Optional<String> nameFragment) {
        /** The shortest word (in code points) of a several-word fragment that leads a walk of the word index. */
        static final int SELECTIVE_WORD = 3;
        /**
         * Legal forms of three letters or more (folded), which start a word in most names of a
         * Russian client base (ООО in 56% of the benchmark's million): never the word that leads a
         * walk. The two-letter ones (АО, ИП) are below {@link #SELECTIVE_WORD} anyway.
         */
        static final Set<String> LEGAL_FORMS = Set.of("ооо", "оао", "зао", "пао", "нао", "нко", "ано", "гуп", "муп", "фгуп", "тоо",
                "кфх", "тсж", "снт");

        /** Whether the text has no letters: a number (phone, INN, numeric code) rather than a name. */
        boolean numeric() {
            return nameFragment.map(text -> text.codePoints().noneMatch(Character::isLetter)).orElse(true);
        }

        /**
         * How the name fragment is searched, if the text can be one; punctuation around the
         * fragment is ignored ({@code радуга-} and {@code «радуга} look for {@code радуга}).
         *
         * <p>One word: the names with a word that starts with it, in word order; then, while the page
         * has room, the other names that contain it (short or full name) by name, so {@code строй}
         * also finds Пермьстрой.
         *
         * <p>Several words ({@code полюс-ст}, {@code ип иванов}): the names that start with the
         * fragment, by name (the ordered index of names); then the names with a word that starts
         * with the longest of its words (the first of equally long ones) and whose short name
         * contains the fragment, in word order: the store walks that word's index entries and tests
         * the name on each before it reads a client. That phase needs a word of
         * {@value #SELECTIVE_WORD} letters or more that is not a legal form: {@code ооо} starts a
         * word in most names, and walking all of them to find {@code ооо «я} took 200 ms on a
         * million clients. A text of several words says where a word starts, so the names that
         * merely contain it come only when neither phase found any: that scan reads every name
         * holding its words (thousands for {@code ростов-н}) and in the benchmark never added a name.
         */
        Optional<NamePlan> namePlan() {
            return nameFragment.map(fragment -> {
                String text = NameWords.trim(CleanText.fold(fragment));
                ClientCriterion contains = new ClientCriterion.NameContains(fragment);
                if (text.isEmpty()) {
                    ClientCriterion starts = new ClientCriterion.NameStartsWith(fragment);
                    return new NamePlan(List.of(new Phase(starts, ClientQuery.Order.NAME)), contains, false);
                }
                if (NameWords.isWord(text)) {
                    ClientCriterion words = new ClientCriterion.NameWordStartsWith(text);
                    return new NamePlan(List.of(new Phase(words, ClientQuery.Order.WORD)),
                            Criterion.and(contains, Criterion.not(words)), true);
                }
                ClientCriterion starts = new ClientCriterion.NameStartsWith(text);
                List<Phase> phases = new ArrayList<>(List.of(new Phase(starts, ClientQuery.Order.NAME)));
                NameWords.of(text).stream().filter(word -> length(word) >= SELECTIVE_WORD && !LEGAL_FORMS.contains(word))
                        .max(Comparator.comparingInt(Readings::length))
                        .ifPresent(lead -> phases.add(new Phase(Criterion.and(new ClientCriterion.NameWordStartsWith(lead),
                                new ClientCriterion.ShortNameContains(text), Criterion.not(starts)), ClientQuery.Order.WORD)));
                return new NamePlan(phases, contains, false);
            });
        }

        private static int length(String word) {
            return word.codePointCount(0, word.length());
        }

        /** The exact readings as one criterion, if any. */
        Optional<Criterion<ClientCriterion>> exactCriterion() {
            return exact.isEmpty() ? Optional.empty()
                    : Optional.of(exact.size() == 1 ? exact.get(0) : new Criterion.Or<>(List.copyOf(exact)));
        }
    }

    /** One query of a search: which clients, in which order. */
    record Phase(Criterion<ClientCriterion> criterion, ClientQuery.Order order) {
    }

    /**
     * The name part of a search: the phases that list names in which the text starts a word, in
     * the order they fill the page, then the fill-up with names that contain it, by name, which runs
     * while the page has room if {@code fillUpAfterMatches}, else only when the phases found nobody.
     */
    record NamePlan(List<Phase> wordStarts, Criterion<ClientCriterion> fillUp, boolean fillUpAfterMatches) {
    }

    static Readings parse(String text, String phoneRegion) {
        String query = CleanText.require("search", text, 150);
        List<Criterion<ClientCriterion>> exact = new ArrayList<>();
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

    private static void attempt(List<Criterion<ClientCriterion>> readings, Reading reading) {
        try {
            readings.add(reading.get());
        } catch (ValidationException notThisReading) {
            // the text does not read this way; the other readings still apply
        }
    }
}
