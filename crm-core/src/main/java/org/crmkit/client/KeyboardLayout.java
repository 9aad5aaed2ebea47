package org.crmkit.client;

import java.util.Optional;

/**
 * The Russian ЙЦУКЕН and the English QWERTY layouts, key by key: a text typed with the wrong
 * layout on ({@code ghfqv} for {@code прайм}) read as the other one, as Russian users expect of any
 * search box.
 */
final class KeyboardLayout {
    private static final String LATIN = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.";
    private static final String CYRILLIC = "ёйцукенгшщзхъфывапролджэячсмитьбю";

    private KeyboardLayout() {
    }

    /**
     * The text with every key read in the other layout: Latin letters (and the punctuation keys that
     * are Cyrillic letters) as Cyrillic, when the text has no Cyrillic letter; Cyrillic letters as
     * Latin, when it has no Latin one. Empty if the text has letters of both or of neither, or
     * reads the same.
     */
    static Optional<String> switched(String text) {
        boolean latin = text.codePoints().anyMatch(cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
        boolean cyrillic = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC);
        if (latin == cyrillic) {
            return Optional.empty();
        }
        String from = latin ? LATIN : CYRILLIC;
        String to = latin ? CYRILLIC : LATIN;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            char lower = Character.toLowerCase(ch);
            int at = from.indexOf(lower);
            boolean key = at >= 0 && (latin || Character.isLetter(ch));
            out.append(key ? to.charAt(at) : ch);
        }
        String switched = out.toString();
        return switched.equalsIgnoreCase(text) ? Optional.empty() : Optional.of(switched);
    }
}
