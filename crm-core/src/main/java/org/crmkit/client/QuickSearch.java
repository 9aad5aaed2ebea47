package org.crmkit.client;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.taxid.Inn;

/**
 * Reads what a user typed into a search box every way it parses: a code, an INN, a phone number
 * or its last digits, an e-mail address or the start or the domain of one (the readings), and a
 * name ({@link NameSearch}). A search box never refuses a text: one that reads no way finds nothing.
 */
final class QuickSearch {
    /** The longest text read at all: the longest e-mail address a card accepts. */
    static final int MAX_TEXT = 254;
    /** The longest text searched in names: no name is longer. */
    static final int MAX_NAME = 150;
    /** Separators people type between the digits of a number (after NFKC, which maps fullwidth forms to these). */
    private static final String NUMBER_SEPARATORS = "()+-.‐‑‒–—―−/";
    /** Compiled once: {@code String.matches} compiles its pattern on every call, and these run on every search. */
    private static final Pattern INN_DIGITS = Pattern.compile("\\+?[0-9]{10}|\\+?[0-9]{12}");
    private static final Pattern PHONE_DIGITS = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern PHONE_ENDING = Pattern.compile("[0-9]{4,7}");

    private QuickSearch() {
    }

    /**
     * The readings of a search text: exact and partial ones (code, INN, phone, the last digits of a
     * phone, e-mail, its start or domain), answered from their indexes, and the text as typed for a
     * name search, if it can be a name.
     */
    record Readings(List<Criterion<ClientCriterion>> exact, Optional<String> name) {
        static final Readings NOTHING = new Readings(List.of(), Optional.empty());

        /** Whether the text has no letters: a number (phone, INN, numeric code) rather than a name. */
        boolean numeric() {
            return name.map(text -> text.codePoints().noneMatch(Character::isLetter)).orElse(true);
        }

        /** The exact readings as one criterion, if any. */
        Optional<Criterion<ClientCriterion>> exactCriterion() {
            return exact.isEmpty() ? Optional.empty()
                    : Optional.of(exact.size() == 1 ? exact.get(0) : new Criterion.Or<>(List.copyOf(exact)));
        }
    }

    static Readings parse(String text, String phoneRegion) {
        if (text == null || text.length() > MAX_TEXT * 4) {
            return Readings.NOTHING;
        }
        String query;
        try {
            query = CleanText.require("search", text, MAX_TEXT);
        } catch (ValidationException blankTooLongOrControl) {
            return Readings.NOTHING;
        }
        List<Criterion<ClientCriterion>> exact = new ArrayList<>();
        if (query.contains("@")) {
            email(query, exact);
            return new Readings(exact, Optional.empty());
        }
        attempt(exact, () -> new ClientCriterion.CodeIs(ClientCode.of(query)));
        number(query).ifPresent(digits -> {
            if (INN_DIGITS.matcher(digits).matches()) {
                attempt(exact, () -> new ClientCriterion.InnIs(Inn.parse(digits.replace("+", ""))));
            }
            if (PHONE_DIGITS.matcher(digits).matches()) {
                PhoneNumber.searchable(digits, phoneRegion).ifPresent(phone -> exact.add(new ClientCriterion.PhoneIs(phone)));
            }
            if (PHONE_ENDING.matcher(digits).matches()) {
                exact.add(new ClientCriterion.PhoneEndsWith(digits));
            }
        });
        return new Readings(exact, query.length() <= MAX_NAME ? Optional.of(query) : Optional.empty());
    }

    /** An address, the start of one ({@code ivan@}, {@code ivan@pri}) or a domain ({@code @prime.ru}); {@code @} alone is none. */
    private static void email(String query, List<Criterion<ClientCriterion>> exact) {
        String typed = query.strip();
        attempt(exact, () -> new ClientCriterion.EmailIs(EmailAddress.parse("search", typed)));
        if (typed.equals("@") || typed.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
            return;
        }
        // an address is also the start of longer ones; sales@romashka may be a whole address or half of one
        attempt(exact, () -> typed.startsWith("@") ? new ClientCriterion.EmailEndsWith(typed) : new ClientCriterion.EmailStartsWith(typed));
    }

    /**
     * The text as a number, if it is one: its digits in ASCII (fullwidth and other decimal digits
     * too), a leading {@code +} kept, every space (no-break, thin…) and separator dropped.
     */
    static Optional<String> number(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        StringBuilder digits = new StringBuilder();
        int i = 0;
        while (i < normal.length()) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                digits.append((char) ('0' + Character.digit(cp, 10)));
            } else if (cp == '+' && digits.length() == 0) {
                digits.append('+');
            } else if (!(Character.isWhitespace(cp) || Character.isSpaceChar(cp) || NUMBER_SEPARATORS.indexOf(cp) >= 0)) {
                return Optional.empty();
            }
        }
        String number = digits.toString();
        return number.replace("+", "").isEmpty() ? Optional.empty() : Optional.of(number);
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
