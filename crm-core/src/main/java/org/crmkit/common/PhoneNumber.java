package org.crmkit.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmkit.messaging.sms.SmsDestination;

/**
 * A phone number in E.164 form ({@code +79161234567}): the one form crmkit stores, compares and
 * hands to an SMS gateway.
 *
 * <p>Invariant: the value is a {@code +}, a country code that does not start with 0 and at most 15
 * digits in all. {@link #parse} accepts only numbers that libphonenumber holds valid for their
 * country, so {@code 8 (916) 123-45-67}, {@code +7 916 1234567} and {@code 89161234567} typed in
 * Russia all become the same {@code +79161234567}. The constructor checks only the form, so a
 * number stored before a country changed its numbering plan can still be read back.
 *
 * <p>Not every phone can take an SMS: a landline or a toll-free number is a phone all the same.
 * {@link #smsDestination()} tells which can.
 */
public record PhoneNumber(String e164) {

    /** The field name the constructor reports errors under. */
    public static final String FIELD = "phone";

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final int MAX_INPUT_LENGTH = 64;
    /** Lines an SMS reaches; where a plan cannot tell mobile from fixed numbers (USA, Canada) it may. */
    private static final Set<PhoneNumberType> SMS_LINES = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    /** Thread-safe and expensive to build (it loads the metadata): one for the whole library. */
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * @throws ValidationException when the value is not in E.164 form
     */
    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new ValidationException(FIELD, e164,
                    "is not a phone number in E.164 form (a '+', the country code and the number, "
                            + "digits only, e.g. +79161234567)");
        }
    }

    /**
     * Parses a number as a person types it. A number without a leading {@code +} is read as
     * dialled in {@code defaultRegion} (ISO 3166 code such as {@code RU}); one with {@code +} is
     * read by its country code. Extensions are refused, since E.164 cannot hold them. With a
     * {@code null} region only numbers with a country code are read.
     *
     * @throws ValidationException naming {@code field} and {@code raw} when it is not a valid number
     */
    public static PhoneNumber parse(String field, String raw, String defaultRegion) {
        String text = CleanText.require(field, raw, MAX_INPUT_LENGTH);
        String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(text, region);
        } catch (NumberParseException e) {
            throw new ValidationException(field, raw, unparseable(e, text, region));
        }
        if (number.hasExtension()) {
            throw new ValidationException(field, raw,
                    "has an extension (" + number.getExtension() + "); store the extension separately");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new ValidationException(field, raw, "is not a valid phone number for " + checkedAgainst(number, text, region));
        }
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        if (!E164.matcher(e164).matches()) {
            // libphonenumber holds some German numbers valid that have more digits than E.164 allows
            throw new ValidationException(field, raw, "has " + (e164.length() - 1)
                    + " digits with its country code; E.164 allows at most 15");
        }
        return new PhoneNumber(e164);
    }

    /**
     * The stored form a search text would have if it is a phone number: read as {@link #parse}
     * reads it (country code, or dialled in {@code defaultRegion}), but without asking whether the
     * numbering plan holds it valid, and empty rather than an exception when it does not read. A
     * search looks the result up among stored numbers, which were all valid when stored, so an
     * invalid reading only finds nothing; skipping the check (about a tenth of a phone search's
     * JVM time) and the exception is all this saves.
     */
    public static Optional<PhoneNumber> searchable(String raw, String defaultRegion) {
        if (raw == null || raw.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT));
            String e164 = UTIL.format(number, PhoneNumberFormat.E164);
            return number.hasExtension() || !E164.matcher(e164).matches() ? Optional.empty() : Optional.of(new PhoneNumber(e164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** The number for people to read: {@code +7 916 123-45-67}. Falls back to E.164 for numbers libphonenumber no longer knows. */
    public String international() {
        try {
            return UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /**
     * Where an SMS to this number goes, when one can reach it: the number has a form the messaging
     * SPI's {@link SmsDestination} accepts (its one rule, which an {@code SmsMessage} checks too), and
     * libphonenumber's numbering plan puts it on a mobile line, or on a line its country does not tell
     * from a mobile one. Empty for landlines, toll-free, premium-rate, shared-cost and VoIP numbers, and
     * for numbers the current plan does not know.
     */
    public Optional<SmsDestination> smsDestination() {
        if (!SmsDestination.accepts(e164)) {
            return Optional.empty();
        }
        try {
            return SMS_LINES.contains(UTIL.getNumberType(UTIL.parse(e164, "ZZ")))
                    ? Optional.of(new SmsDestination(e164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether an SMS can reach this number: {@link #smsDestination()} is present. */
    public boolean smsReachable() {
        return smsDestination().isPresent();
    }

    /** The digits without the {@code +}: {@code 79161234567}, as many SMS gateways want them. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }

    private static String checkedAgainst(Phonenumber.PhoneNumber number, String text, String region) {
        if (!text.startsWith("+") && !"ZZ".equals(region)) {
            return "region " + region;
        }
        String numberRegion = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        return "country code +" + number.getCountryCode()
                + ("ZZ".equals(numberRegion) ? "" : " (" + numberRegion + ")");
    }

    private static String unparseable(NumberParseException e, String text, String region) {
        switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE:
                if (text.startsWith("+")) {
                    return "is not a phone number: no known country code follows the '+'";
                }
                return "ZZ".equals(region)
                        ? "is not a phone number: without a default region it needs a '+' and the country code"
                        : "is not a phone number: " + region + " is not a known region, so it needs a '+' and the country code";
            case TOO_SHORT_AFTER_IDD:
            case TOO_SHORT_NSN:
                return "is too short to be a phone number for region " + region;
            case TOO_LONG:
                return "is too long to be a phone number";
            case NOT_A_NUMBER:
            default:
                return "is not a phone number";
        }
    }
}
