package org.crmkit.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.crmkit.common.CleanText;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * The name part of a quick search: which names it finds and in which order. This is the relevance
 * contract every {@link ClientStore#searchNames store} keeps (the store kit checks it on a fixed
 * corpus); how a store finds them fast is its own business.
 *
 * <p>Names and text are compared by their {@linkplain NameWords#core core}: the words, folded (case
 * and ё/е aside), legal forms left out, one space between them whatever punctuation stood there.
 * A name matches in the first of these tiers that holds:
 * <ol start="0">
 * <li>its core equals the text ({@code прайм}, {@code ООО Прайм}, {@code ооо "прайм"} all find
 *     {@code ООО «Прайм»} here);</li>
 * <li>its core starts with the text ({@code Прайм-Сервис});</li>
 * <li>its core has a word where the text starts ({@code Торговый дом «Прайм»}; for several words,
 *     {@code береза ду} in {@code ЗАО «Береза-Дуб»});</li>
 * <li>its short or full name, folded, contains the {@linkplain #fragment fragment} typed
 *     ({@code айм}).</li>
 * </ol>
 * Within a tier, names are listed by core, then by folded name, then by code (code point order).
 * If the text names legal forms ({@code ИП Иванов}), only names whose own legal form is one of
 * them, or that have none, match: a legal form narrows the result but never empties it for a
 * client whose name omits it.
 *
 * @param text       the core of the text: folded words without legal forms, one space between them
 *                   (the legal forms themselves if the text has no other word)
 * @param legalForms the legal forms the text names (empty when they are all it has)
 * @param fragment   the folded text without punctuation at its ends, for tier 3
 */
public record NameSearch(String text, Set<String> legalForms, String fragment) {
    /** The tier of names that contain the fragment only. */
    public static final int CONTAINS = 3;

    public NameSearch {
        ValidationException.required(text, "text");
        ValidationException.required(fragment, "fragment");
        legalForms = Set.copyOf(ValidationException.required(legalForms, "legalForms"));
        if (text.isEmpty() || !text.equals(String.join(" ", NameWords.sequence(text)))) {
            throw new ValidationException("text", text, "is not a folded core of words");
        }
        if (fragment.isEmpty()) {
            throw new ValidationException("fragment", fragment, "is required");
        }
    }

    /** The name search of a typed text, if it has a word ({@code null}: nothing typed, none). */
    public static Optional<NameSearch> of(String typed) {
        List<String> words = NameWords.sequence(typed);
        List<String> core = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        for (String word : words) {
            (NameWords.LEGAL_FORMS.contains(word) ? forms : core).add(word);
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (core.isEmpty()) {
            return Optional.of(new NameSearch(String.join(" ", words), Set.of(), NameWords.trim(CleanText.fold(typed))));
        }
        return Optional.of(new NameSearch(String.join(" ", core), Set.copyOf(forms), NameWords.trim(CleanText.fold(typed))));
    }

    /**
     * The same keys typed in the other keyboard layout ({@code ghfqv} → {@code прайм}; {@code кщьфы}
     * → {@code romas}), if the text is all in one of the two and reads differently.
     */
    public static Optional<NameSearch> ofOtherLayout(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        return KeyboardLayout.switched(typed).flatMap(NameSearch::of);
    }

    /** Whether the legal forms of the text admit the name (see the class comment). */
    public boolean admits(String shortName) {
        return legalForms.isEmpty() || NameWords.legalForm(shortName).map(legalForms::contains).orElse(true);
    }

    /** The tier (0–3) in which a name matches, or empty if it does not. */
    public OptionalInt tier(String shortName, Optional<String> fullName) {
        if (!admits(shortName)) {
            return OptionalInt.empty();
        }
        String core = NameWords.core(shortName);
        if (core.equals(text)) {
            return OptionalInt.of(0);
        }
        if (core.startsWith(text)) {
            return OptionalInt.of(1);
        }
        if ((" " + core).contains(" " + text)) {
            return OptionalInt.of(2);
        }
        if (CleanText.fold(shortName).contains(fragment) || fullName.map(CleanText::fold).filter(f -> f.contains(fragment)).isPresent()) {
            return OptionalInt.of(CONTAINS);
        }
        return OptionalInt.empty();
    }

    /** The tier of a client, or empty if its name does not match. */
    public OptionalInt tier(Client client) {
        return tier(client.shortName(), client.fullName());
    }

    /** The order within a tier: by core, folded name, then code. */
    public static final Comparator<Client> WITHIN_TIER = Comparator.comparing((Client c) -> NameWords.core(c.shortName()), SortOrder.TEXT)
            .thenComparing(c -> CleanText.fold(c.shortName()), SortOrder.TEXT)
            .thenComparing(c -> c.code().value(), SortOrder.TEXT);

    /** The clients among {@code candidates} that match, in relevance order, at most {@code limit}: the contract in code. */
    public List<Client> rank(List<Client> candidates, int limit) {
        List<Client> matching = new ArrayList<>();
        for (Client client : candidates) {
            if (tier(client).isPresent()) {
                matching.add(client);
            }
        }
        matching.sort(Comparator.comparingInt((Client c) -> tier(c).getAsInt()).thenComparing(WITHIN_TIER));
        return List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
    }
}
