package org.crmkit.messaging.sms;

import java.util.regex.Pattern;
import org.crmkit.messaging.InvalidMessageException;

/**
 * A number an SMS can be addressed to, in E.164 form: a {@code +}, then 7 to 15 ASCII digits, the first
 * not 0 ({@code +79161234567}).
 *
 * <p>This is crmkit's one rule for "a phone an SMS can reach", as far as the written form can tell:
 * {@link SmsMessage} checks its destination with it, and crm-core's phone number asks it before it calls
 * a stored number SMS-reachable (crm-core adds only what a numbering plan knows and this SPI, which
 * depends on the JDK alone, cannot: whether the number is a mobile one). 15 digits is E.164's maximum;
 * 7 is the shortest mobile number in use: Tokelau ({@code +690 7290}) and Niue ({@code +683 5012}) have
 * four-digit subscriber numbers behind a three-digit country code.
 *
 * @param e164 the number, exactly in E.164 form: no spaces, brackets or dashes
 */
public record SmsDestination(String e164) {

    /** The field name errors are reported under: the {@link SmsMessage} field that holds a destination. */
    public static final String FIELD = "destination";

    private static final Pattern FORM = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /**
     * @throws InvalidMessageException naming {@value #FIELD} and the value when {@link #accepts} refuses it
     */
    public SmsDestination {
        if (!accepts(e164)) {
            throw new InvalidMessageException(FIELD, e164, FIELD + " must be E.164 (+ then 7-15 digits, the first"
                    + " not 0, e.g. +79161234567), got \"" + e164 + "\"");
        }
    }

    /** Whether {@code e164} is a number an SMS can be addressed to; {@code null} is not. */
    public static boolean accepts(String e164) {
        return e164 != null && FORM.matcher(e164).matches();
    }

    @Override
    public String toString() {
        return e164;
    }
}
