package org.crmkit.messaging.smpp;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.crmkit.messaging.sms.SmsEncoding;
import org.crmkit.messaging.sms.SmsParts;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The bytes the plugin submits, against {@link SmsParts} and against the test SMSC's own GSM 03.38
 * decoder: whatever the text, the parts decode back to it, there are as many as SmsParts counts, each
 * fits one SMS, and a concatenated part carries a correct header.
 */
class SubmissionProperties {

    /** Every GSM 03.38 character of the basic table (escape left out) and of the extension table. */
    private static final List<String> GSM7 = List.of(
            "@", "£", "$", "¥", "è", "é", "ù", "ì", "ò", "Ç", "\n", "Ø", "ø", "\r", "Å", "å",
            "Δ", "_", "Φ", "Γ", "Λ", "Ω", "Π", "Ψ", "Σ", "Θ", "Ξ", "Æ", "æ", "ß", "É",
            " ", "!", "\"", "#", "¤", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/",
            "0", "7", ":", ";", "<", "=", ">", "?", "¡", "A", "Q", "Z", "Ä", "Ö", "Ñ", "Ü", "§",
            "¿", "a", "q", "z", "ä", "ö", "ñ", "ü", "à",
            "\f", "^", "{", "}", "\\", "[", "~", "]", "|", "€");
    /** GSM-7 plus what forces UCS-2: Cyrillic, other Latin, emoji (surrogate pairs). */
    private static final List<String> MIXED = List.of(
            "a", " ", "@", "€", "[", "Ж", "ё", "щ", "Ъ", "ç", "ő", "👍", "🎉", "𝄞");

    @Test
    void gsm7EncodingTakesOneSeptetPerCharacterAndTwoPerExtensionCharacter() {
        qt().forAll(gsm7Texts()).check(text -> Gsm7Alphabet.encode(text)
                .map(septets -> septets.length == SmsParts.of(text).units()
                        && InProcessSmsc.Gsm0338.decode(septets).equals(text))
                .orElse(false));
    }

    @Test
    void thePluginAndSmsPartsAgreeOnWhatGsm7Can() {
        qt().forAll(gsm7Texts().mix(mixedTexts()))
                .check(text -> Gsm7Alphabet.canEncode(text) == (SmsParts.encodingOf(text) == SmsEncoding.GSM7));
    }

    @Test
    void partsDecodeBackToTheTextAndFitOneSmsEach() {
        qt().forAll(gsm7Texts().mix(mixedTexts()), integers().between(0, 255)).check((text, reference) -> {
            Submission submission = Submission.of(text, reference);
            SmsParts parts = SmsParts.of(text);
            if (submission.parts() != parts.count() || submission.encoding() != parts.encoding()) {
                return false;
            }
            int limit = parts.encoding() == SmsEncoding.UCS2 ? 140 : submission.parts() == 1 ? 160 : 6 + 153;
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int i = 0; i < submission.parts(); i++) {
                byte[] body = submission.bodies().get(i);
                if (body.length > limit) {
                    return false;
                }
                if (submission.parts() == 1) {
                    joined.writeBytes(body);
                    continue;
                }
                byte[] header = {0x05, 0x00, 0x03, (byte) (int) reference, (byte) submission.parts(), (byte) (i + 1)};
                if (!Arrays.equals(Arrays.copyOf(body, 6), header)) {
                    return false;
                }
                joined.writeBytes(Arrays.copyOfRange(body, 6, body.length));
            }
            return submission.udh() == (submission.parts() > 1)
                    && InProcessSmsc.decode(submission.dataCoding(), joined.toByteArray()).equals(text);
        });
    }

    private static Gen<String> gsm7Texts() {
        return lists().of(Generate.pick(GSM7)).ofSizeBetween(1, 700).map(SubmissionProperties::join)
                .describedAs(SubmissionProperties::describe);
    }

    private static Gen<String> mixedTexts() {
        return lists().of(Generate.pick(MIXED)).ofSizeBetween(1, 400).map(SubmissionProperties::join)
                .describedAs(SubmissionProperties::describe);
    }

    private static String join(List<String> characters) {
        return String.join("", characters);
    }

    private static String describe(String text) {
        return "\"" + text + "\" " + SmsParts.of(text);
    }
}
