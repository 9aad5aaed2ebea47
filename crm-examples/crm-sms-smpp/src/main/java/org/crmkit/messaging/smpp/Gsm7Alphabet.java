package org.crmkit.messaging.smpp;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GSM 03.38 default alphabet and its extension table, as SMPP carries it with
 * {@code data_coding} 0: one septet per octet (unpacked), an extension character as the escape
 * septet {@code 0x1B} followed by its code. The SMSC packs septets for the air interface.
 *
 * <p>Only characters of the two tables encode; anything else (Cyrillic, emoji, a lone escape
 * character) makes {@link #encode} return empty, and the text must go as UCS-2.
 */
final class Gsm7Alphabet {

    static final int ESCAPE = 0x1B;

    /** Code points of the basic table in septet order; index 0x1B is the escape and maps no character. */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** Extension table: character, then its code after the escape septet. */
    private static final Object[][] EXTENSION = {
            {'\f', 0x0A}, {'^', 0x14}, {'{', 0x28}, {'}', 0x29}, {'\\', 0x2F},
            {'[', 0x3C}, {'~', 0x3D}, {']', 0x3E}, {'|', 0x40}, {'€', 0x65},
    };

    private static final Map<Character, Integer> BASIC_CODES = new HashMap<>();
    private static final Map<Character, Integer> EXTENSION_CODES = new HashMap<>();

    static {
        if (BASIC.length() != 128) {
            throw new ExceptionInInitializerError("GSM 03.38 basic table must have 128 entries, has " + BASIC.length());
        }
        for (int septet = 0; septet < BASIC.length(); septet++) {
            if (septet != ESCAPE) {
                BASIC_CODES.put(BASIC.charAt(septet), septet);
            }
        }
        for (Object[] entry : EXTENSION) {
            EXTENSION_CODES.put((Character) entry[0], (Integer) entry[1]);
        }
    }

    private Gsm7Alphabet() {
    }

    /** The unpacked septets of {@code text}, or empty when a character is in neither table. */
    static Optional<byte[]> encode(String text) {
        ByteArrayOutputStream septets = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer basic = BASIC_CODES.get(c);
            if (basic != null) {
                septets.write(basic);
                continue;
            }
            Integer extension = EXTENSION_CODES.get(c);
            if (extension == null) {
                return Optional.empty();
            }
            septets.write(ESCAPE);
            septets.write(extension);
        }
        return Optional.of(septets.toByteArray());
    }

    /** Whether every character of {@code text} is in the basic or the extension table. */
    static boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!BASIC_CODES.containsKey(c) && !EXTENSION_CODES.containsKey(c)) {
                return false;
            }
        }
        return true;
    }
}
