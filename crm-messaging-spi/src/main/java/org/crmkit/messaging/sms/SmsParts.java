package org.crmkit.messaging.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an SMS text is encoded and how many parts it costs.
 *
 * <p>Rules (3GPP TS 23.038 / 23.040): a text made only of characters of the GSM 03.38 default alphabet and
 * its extension table is sent as {@link SmsEncoding#GSM7}: each character is one septet, each extension
 * character ({@code € [ ] { } ^ ~ \ |} and form feed) two (escape + character); one part holds 160 septets,
 * a concatenated part 153. Any other character (Cyrillic, emoji, most accented letters) forces
 * {@link SmsEncoding#UCS2}: each UTF-16 unit counts one, so a surrogate pair (an emoji) counts two; one part
 * holds 70 units, a concatenated part 67.
 *
 * <p>{@link #split(String)} cuts greedily and never inside an escape pair or a surrogate pair, so its parts
 * re-joined are the text, each part fits its limit, and {@code of(text).count() == split(text).size()}.
 * An empty text is one (empty) part.
 *
 * @param encoding the alphabet the text needs
 * @param units    septets (GSM-7) or UTF-16 units (UCS-2) of the whole text
 * @param count    number of parts, at least 1
 */
public record SmsParts(SmsEncoding encoding, int units, int count) {

    /** The GSM 03.38 default alphabet, in code order (0x1B, the escape, is left out). */
    private static final String GSM7_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u0000ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The GSM 03.38 extension table (each sent as escape + character). */
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    public SmsParts {
        Objects.requireNonNull(encoding, "encoding");
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative, got " + units);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
    }

    public static SmsParts of(String text) {
        Objects.requireNonNull(text, "text");
        SmsEncoding encoding = encodingOf(text);
        int units = encoding == SmsEncoding.GSM7 ? gsm7Units(text) : text.length();
        int count = units <= encoding.singlePartLimit() ? 1 : cuts(text, encoding).size() - 1;
        return new SmsParts(encoding, units, count);
    }

    /** The texts of the parts, in order; re-joined they are {@code text}. */
    public static List<String> split(String text) {
        Objects.requireNonNull(text, "text");
        SmsEncoding encoding = encodingOf(text);
        int units = encoding == SmsEncoding.GSM7 ? gsm7Units(text) : text.length();
        if (units <= encoding.singlePartLimit()) {
            return List.of(text);
        }
        List<Integer> cuts = cuts(text, encoding);
        List<String> parts = new ArrayList<>(cuts.size() - 1);
        for (int i = 1; i < cuts.size(); i++) {
            parts.add(text.substring(cuts.get(i - 1), cuts.get(i)));
        }
        return List.copyOf(parts);
    }

    /** GSM-7 if every character is in the default alphabet or its extension table, UCS-2 otherwise. */
    public static SmsEncoding encodingOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isGsm7(text.charAt(i))) {
                return SmsEncoding.UCS2;
            }
        }
        return SmsEncoding.GSM7;
    }

    /** Whether {@code c} can be sent in GSM-7 (default alphabet or extension table). */
    public static boolean isGsm7(char c) {
        return (c != '\u0000' && GSM7_BASIC.indexOf(c) >= 0) || isGsm7Extension(c);
    }

    /** Whether {@code c} is in the GSM-7 extension table and so takes two septets. */
    public static boolean isGsm7Extension(char c) {
        return GSM7_EXTENSION.indexOf(c) >= 0;
    }

    private static int gsm7Units(String text) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += isGsm7Extension(text.charAt(i)) ? 2 : 1;
        }
        return units;
    }

    /** Part boundaries: 0, then the end index of each part; filled greedily up to the multi-part limit. */
    private static List<Integer> cuts(String text, SmsEncoding encoding) {
        int limit = encoding.multiPartLimit();
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int width;
            int size;
            if (encoding == SmsEncoding.GSM7) {
                width = 1;
                size = isGsm7Extension(text.charAt(i)) ? 2 : 1;
            } else {
                width = Character.charCount(text.codePointAt(i));
                size = width;
            }
            if (used + size > limit) {
                cuts.add(i);
                used = 0;
            }
            used += size;
            i += width;
        }
        cuts.add(text.length());
        return cuts;
    }
}
