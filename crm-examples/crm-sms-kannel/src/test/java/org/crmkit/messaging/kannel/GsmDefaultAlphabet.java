package org.crmkit.messaging.kannel;

/** Reads GSM 03.38 text sent one septet per octet (as Kannel's SMPP link sends it), for the test SMSC. */
final class GsmDefaultAlphabet {

    /** The 128 characters in code order; position 0x1B, the escape to the extension table, holds a placeholder. */
    private static final String TABLE = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table: code after the escape, then the character. */
    private static final String EXTENSION = "\n\f\u0014^({)}/\\<[=~>]@|e€";

    private GsmDefaultAlphabet() {
    }

    static String decode(byte[] septets) {
        if (TABLE.length() != 128) {
            throw new IllegalStateException("GSM table has " + TABLE.length() + " characters");
        }
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code != 0x1B) {
                text.append(TABLE.charAt(code));
                continue;
            }
            int extended = i + 1 < septets.length ? septets[++i] & 0x7F : -1;
            int at = EXTENSION.indexOf((char) extended);
            if (at < 0 || at % 2 != 0) {
                throw new IllegalArgumentException("not a GSM 03.38 extension code: " + extended);
            }
            text.append(EXTENSION.charAt(at + 1));
        }
        return text.toString();
    }
}
