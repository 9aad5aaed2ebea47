package org.crmkit.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one gate free text passes before it is stored: names, titles, notes, addresses.
 *
 * <p>Text that leaves {@link #require}, {@link #optional} or {@link #multiline} is in Unicode NFC,
 * has no white space at either end, holds at most the given number of code points and carries no
 * character that could hide or reorder what a reader sees: no ISO control character (in
 * {@code multiline} text only LF and TAB remain), no bidi mark, embedding, override or isolate,
 * no other invisible format character except the zero-width joiner and non-joiner (which some
 * scripts and emoji need), no line or paragraph separator and no unpaired surrogate. Applying a
 * method to its own output gives the same output.
 *
 * <p>{@link #fold} makes the search key that the in-memory search compares and a database column
 * stores; it depends on nothing but its input (no default locale), so both places agree.
 */
public final class CleanText {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int LINE_SEPARATOR = 0x2028;
    private static final int PARAGRAPH_SEPARATOR = 0x2029;
    private static final char SMALL_IE = '\u0435';
    private static final char COMBINING_DIAERESIS = '\u0308';

    private CleanText() {
    }

    /**
     * The cleaned value of a required single-line field.
     *
     * @throws ValidationException when the value is missing or blank, holds a forbidden character or
     *     is longer than {@code maxLength} code points
     */
    public static String require(String field, String value, int maxLength) {
        if (value == null || isBlank(value)) {
            throw new ValidationException(field, value, "is required");
        }
        return clean(field, value, maxLength, false);
    }

    /** Like {@link #require}, but a missing or blank value is simply absent. */
    public static Optional<String> optional(String field, String value, int maxLength) {
        if (value == null || isBlank(value)) {
            return Optional.empty();
        }
        return Optional.of(clean(field, value, maxLength, false));
    }

    /**
     * Like {@link #optional}, for text with several lines: LF and TAB are kept, CR LF becomes LF.
     * A CR on its own is rejected: it is not a line break any reader of the stored text agrees on.
     */
    public static Optional<String> multiline(String field, String value, int maxLength) {
        if (value == null || isBlank(value)) {
            return Optional.empty();
        }
        return Optional.of(clean(field, value, maxLength, true));
    }

    /**
     * The search key of a text: NFC, lower case by {@link Locale#ROOT}, {@code ё} read as
     * {@code е} (so «Фёдоров» and «Федоров» match), runs of white space as one space, no space at
     * either end. {@code null} folds to the empty string. {@code fold(fold(x)).equals(fold(x))}.
     * The result depends on the Unicode tables of the JDK only for characters newer than those it
     * knows; Cyrillic and Latin text folds the same on every Java 17+ runtime.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // Work on the decomposed form, where ё is always е + U+0308, however it was typed.
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        decomposed = Normalizer.normalize(decomposed, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        int i = 0;
        while (i < decomposed.length()) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhiteSpace(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
            if (cp == SMALL_IE) {
                i = appendMarksWithoutDiaeresis(decomposed, i, out);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * Copies the combining marks that follow a base letter, leaving out every U+0308. Canonical
     * order may put a mark below (such as U+0323) before the diaeresis, so it is looked for among
     * all the marks, not only the next one; and all of them go, so that folding twice changes
     * nothing.
     */
    private static int appendMarksWithoutDiaeresis(String s, int from, StringBuilder out) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isCombiningMark(cp)) {
                break;
            }
            if (cp != COMBINING_DIAERESIS) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** White space in the Unicode sense (property White_Space): TAB, LF, VT, FF, CR, NEL, the Z* categories. */
    static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || Character.isSpaceChar(cp);
    }

    private static boolean isBlank(String value) {
        return value.codePoints().allMatch(CleanText::isWhiteSpace);
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhiteSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isWhiteSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    private static String clean(String field, String raw, int maxLength, boolean multiline) {
        String text = strip(Normalizer.normalize(raw, Normalizer.Form.NFC));
        if (multiline) {
            text = text.replace("\r\n", "\n");
        }
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            position++;
            String problem = forbidden(cp, multiline);
            if (problem != null) {
                throw new ValidationException(field, raw,
                        "contains " + problem + " (U+" + hex(cp) + ") at character " + position
                                + "; remove it");
            }
            i += Character.charCount(cp);
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw new ValidationException(field, raw,
                    "is too long: " + length + " characters, at most " + maxLength + " allowed");
        }
        return text;
    }

    /** What is wrong with a character, or {@code null} when it may stay. */
    private static String forbidden(int cp, boolean multiline) {
        if (multiline && (cp == '\n' || cp == '\t')) {
            return null;
        }
        if (cp == '\r') {
            return multiline ? "a carriage return that is not followed by a line feed" : "a line break";
        }
        if (cp == '\n' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == LINE_SEPARATOR
                || cp == PARAGRAPH_SEPARATOR) {
            return multiline ? "a line break other than LF or CR LF" : "a line break";
        }
        if (Character.isISOControl(cp)) {
            return "a control character";
        }
        if (isBidiControl(cp)) {
            return "a bidirectional control character";
        }
        if (Character.getType(cp) == Character.FORMAT && cp != ZWNJ && cp != ZWJ) {
            return "an invisible format character";
        }
        if (Character.getType(cp) == Character.SURROGATE) {
            return "a broken character (an unpaired surrogate)";
        }
        return null;
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "%04X", cp);
    }
}
