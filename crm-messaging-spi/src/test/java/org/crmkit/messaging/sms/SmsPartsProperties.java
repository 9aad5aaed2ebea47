package org.crmkit.messaging.sms;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SmsPartsProperties {

    /** Characters of every kind: GSM-7 basic, GSM-7 extension, Cyrillic, non-GSM Latin, emoji. */
    private static final List<String> MIXED = List.of(
            "a", "Z", "0", " ", "@", "é", "\n", "Δ", "€", "[", "]", "{", "}", "^", "~", "\\", "|",
            "Ж", "ё", "щ", "ç", "👍", "🎉", "𝄞");
    /** GSM-7 only, extension characters frequent, so escapes land on part boundaries. */
    private static final List<String> GSM7 = List.of("a", "b", " ", ".", "é", "Ø", "€", "[", "]", "{", "^", "|");

    @Test
    void partsRejoinToTheText() {
        qt().forAll(texts()).check(text -> String.join("", SmsParts.split(text)).equals(text));
    }

    @Test
    void countEqualsTheNumberOfSplitParts() {
        qt().forAll(texts()).check(text -> SmsParts.of(text).count() == SmsParts.split(text).size());
    }

    @Test
    void eachPartFitsItsLimit() {
        qt().forAll(texts()).check(text -> {
            SmsParts whole = SmsParts.of(text);
            List<String> parts = SmsParts.split(text);
            int limit = parts.size() == 1 ? whole.encoding().singlePartLimit() : whole.encoding().multiPartLimit();
            return parts.stream().allMatch(part -> units(part, whole.encoding()) <= limit);
        });
    }

    @Test
    void partsAreNeverEmptyAndNeverCutASurrogatePair() {
        qt().forAll(texts()).check(text -> SmsParts.split(text).size() == 1
                || SmsParts.split(text).stream().allMatch(part -> !part.isEmpty()
                        && !Character.isLowSurrogate(part.charAt(0))
                        && !Character.isHighSurrogate(part.charAt(part.length() - 1))));
    }

    @Test
    void unitsOfTheWholeAreTheSumOfThePartsUnits() {
        qt().forAll(texts()).check(text -> {
            SmsParts whole = SmsParts.of(text);
            return SmsParts.split(text).stream().mapToInt(part -> units(part, whole.encoding())).sum() == whole.units();
        });
    }

    private static Gen<String> texts() {
        Gen<String> mixed = lists().of(Generate.pick(MIXED)).ofSizeBetween(0, 400).map(SmsPartsProperties::join);
        Gen<String> gsm7 = lists().of(Generate.pick(GSM7)).ofSizeBetween(0, 700).map(SmsPartsProperties::join);
        return mixed.mix(gsm7).describedAs(text -> "\"" + text + "\" " + SmsParts.of(text));
    }

    private static String join(List<String> pieces) {
        return String.join("", pieces);
    }

    /** Units of a part counted independently of SmsParts: septets for GSM-7, UTF-16 units for UCS-2. */
    private static int units(String part, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS2) {
            return part.length();
        }
        return part.chars().map(c -> "€[]{}^~\\|\f".indexOf(c) >= 0 ? 2 : 1).sum();
    }
}
