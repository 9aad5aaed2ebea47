package org.crmkit.messaging.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.messaging.sms.SmsEncoding;
import org.crmkit.messaging.sms.SmsParts;

/**
 * The {@code short_message} bodies one SMS is submitted as, and their {@code data_coding}.
 *
 * <p>The alphabet and the part boundaries are {@link SmsParts}'s: GSM-7 goes as unpacked septets
 * with {@code data_coding} 0 (the SMSC default alphabet), UCS-2 as UTF-16BE with {@code data_coding}
 * 8. A text of one part goes as it is; a longer one as parts each starting with a six-octet user
 * data header (IEI 0x00, concatenated message with an 8-bit reference: reference, total, sequence
 * from 1), to be sent with the UDHI bit set in {@code esm_class}. Every body fits the 140-octet
 * user data of one SMS.
 *
 * @param encoding   the alphabet of every part
 * @param dataCoding the SMPP {@code data_coding} value for it
 * @param bodies     the {@code short_message} of each part, in order (at least one)
 * @param udh        whether the bodies start with a user data header
 */
record Submission(SmsEncoding encoding, byte dataCoding, List<byte[]> bodies, boolean udh) {

    static final byte DATA_CODING_GSM7 = 0x00;
    static final byte DATA_CODING_UCS2 = 0x08;

    Submission {
        bodies = List.copyOf(bodies);
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("a submission has at least one part");
        }
    }

    /** The parts of {@code text}; {@code reference} (0–255) ties the parts of one message together. */
    static Submission of(String text, int reference) {
        SmsEncoding encoding = SmsParts.encodingOf(text);
        List<String> parts = SmsParts.split(text);
        byte dataCoding = encoding == SmsEncoding.GSM7 ? DATA_CODING_GSM7 : DATA_CODING_UCS2;
        List<byte[]> bodies = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            byte[] payload = encode(parts.get(i), encoding);
            if (parts.size() == 1) {
                bodies.add(payload);
                continue;
            }
            byte[] body = new byte[6 + payload.length];
            body[0] = 0x05;                      // UDHL: five octets follow
            body[1] = 0x00;                      // IEI: concatenated short message, 8-bit reference
            body[2] = 0x03;                      // IEI length
            body[3] = (byte) reference;
            body[4] = (byte) parts.size();
            body[5] = (byte) (i + 1);
            System.arraycopy(payload, 0, body, 6, payload.length);
            bodies.add(body);
        }
        return new Submission(encoding, dataCoding, bodies, parts.size() > 1);
    }

    int parts() {
        return bodies.size();
    }

    private static byte[] encode(String text, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS2) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        return Gsm7Alphabet.encode(text).orElseThrow(() -> new IllegalStateException(
                "SmsParts chose GSM-7 for a text the GSM 03.38 table cannot encode: \"" + text + "\""));
    }
}
