package org.crmkit.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.common.CleanText;

/**
 * The words of a name as quick search matches them: the name folded like every name key (case and
 * ё/е ignored), cut at every character that is not a letter, a digit or a combining mark. So
 * {@code ООО «Пермь-63»} has the words {@code ооо}, {@code пермь} and {@code 63}, and a user typing
 * {@code перм} finds it although the name does not start so. A database store keeps these words in
 * an index of their own, next to the folded name they sort by.
 */
public final class NameWords {
    private NameWords() {
    }

    /**
     * Legal forms (folded), which quick search sets aside: a name is matched and ordered by its
     * other words ({@link #core}), and a legal form typed in the search text narrows the result
     * to names of that form or of none.
     */
    public static final Set<String> LEGAL_FORMS = Set.of("ооо", "оао", "зао", "пао", "нао", "ао", "ип", "нко", "ано", "гуп", "муп",
            "фгуп", "тоо", "кфх", "тсж", "снт");

    /** The distinct words of the name, folded, in the order they first appear. */
    public static List<String> of(String name) {
        return new ArrayList<>(new LinkedHashSet<>(sequence(name)));
    }

    /** All words of the name, folded, in order, repeats included ({@code Иванов И.И.}: иванов, и, и). */
    public static List<String> sequence(String name) {
        String folded = CleanText.fold(name);
        List<String> words = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i <= folded.length()) {
            int cp = i < folded.length() ? folded.codePointAt(i) : ' ';
            if (isWordPart(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            i += i < folded.length() ? Character.charCount(cp) : 1;
        }
        return words;
    }

    /**
     * The name as quick search compares and orders it: its words without legal forms, folded,
     * joined by one space, whatever punctuation stood between them ({@code ЗАО «БЕРЕЗА-ДУБ»} →
     * {@code береза дуб}). A name of legal forms alone keeps them; a name without words is empty.
     */
    public static String core(String name) {
        List<String> words = sequence(name);
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!LEGAL_FORMS.contains(word)) {
                kept.add(word);
            }
        }
        return String.join(" ", kept.isEmpty() ? words : kept);
    }

    /** The name's legal form: the first of its words that is one, if any. */
    public static Optional<String> legalForm(String name) {
        return sequence(name).stream().filter(LEGAL_FORMS::contains).findFirst();
    }

    /** The text without what cannot be part of a word at its start and end ({@code «радуга-»} → {@code радуга}). */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !isWordPart(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && !isWordPart(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Whether a folded text is one word: not empty, and nothing in it that would cut a name into words. */
    public static boolean isWord(String folded) {
        return !folded.isEmpty() && folded.codePoints().allMatch(NameWords::isWordPart);
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
