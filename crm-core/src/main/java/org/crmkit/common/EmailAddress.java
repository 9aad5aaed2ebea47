package org.crmkit.common;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An e-mail address in the one form crmkit stores and compares: {@code local@domain}.
 *
 * <p>Invariant: the value is exactly what {@link #parse} makes of it. The local part is an
 * unquoted dot-atom in NFC of at most 64 UTF-8 octets, kept as typed (its case may matter to the
 * receiving server); the domain is in ASCII (IDN labels as punycode), lower case, has at least two
 * labels of 1 to 63 letters, digits and inner hyphens, and a top-level label that is not all
 * digits; the whole address is at most 254 octets. No white space, control or format character
 * can be in it, so it is safe in a mail header. Two addresses are equal when their values are.
 *
 * <p>International domains are converted with {@link IDN#toASCII(String, int)}, which implements
 * IDNA 2003: characters newer than Unicode 3.2 are refused, and so are {@code ß} and final
 * {@code ς}, which IDNA 2003 and IDNA 2008 map to different domains (type those in xn-- form).
 */
public record EmailAddress(String value) {

    /** The field name used by {@link #parse(String)}. */
    public static final String FIELD = "email";

    private static final int MAX_LOCAL_OCTETS = 64;
    private static final int MAX_TOTAL_OCTETS = 254;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final int MAX_INPUT_LENGTH = 1000;
    private static final String ASCII_ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    /**
     * @throws ValidationException when the value is not an address in its normalised form
     */
    public EmailAddress {
        String normalised = normalise(FIELD, value);
        if (!normalised.equals(value)) {
            throw new ValidationException(FIELD, value,
                    "is not in normalised form (expected \"" + normalised + "\"); use EmailAddress.parse");
        }
    }

    /**
     * The form searches compare: the whole address in lower case ({@link Locale#ROOT}). Stores keep
     * it beside the address, and the in-memory store compares the same, so both find the same.
     */
    public String searchKey() {
        return searchKeyOf(value);
    }

    /** {@link #searchKey()} of an address already in normal form. */
    public static String searchKeyOf(String normalised) {
        return normalised.toLowerCase(Locale.ROOT);
    }

    /** Parses an address typed by a person or read from a file, reporting errors under {@code email}. */
    public static EmailAddress parse(String raw) {
        return parse(FIELD, raw);
    }

    /**
     * Parses an address, reporting errors under the given field: trims, normalises to NFC, converts
     * an international domain to punycode and lower-cases it.
     *
     * @throws ValidationException naming {@code field} and {@code raw} when it is not a usable address
     */
    public static EmailAddress parse(String field, String raw) {
        try {
            return new EmailAddress(normalise(field, raw));
        } catch (ValidationException e) {
            throw e.field().equals(field) ? e : new ValidationException(field, raw, e.problem());
        }
    }

    /** The local part, as typed. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /** The domain in ASCII, e.g. {@code xn--e1afmkfd.xn--p1ai}. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /**
     * The address with its domain in Unicode, for showing to people: {@code Info@пример.рф} for
     * {@code Info@xn--e1afmkfd.xn--p1ai}. Not for sending or comparing; use {@link #value()}.
     */
    public String unicodeDomainForm() {
        return localPart() + "@" + IDN.toUnicode(domain(), IDN.USE_STD3_ASCII_RULES);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String field, String raw) {
        if (raw == null) {
            throw new ValidationException(field, null, "is required");
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            throw new ValidationException(field, raw, "is too long for an e-mail address");
        }
        // a line break is refused even at the ends: a second line in an address field means a
        // paste of two things, or an attempt to add a mail header
        if (raw.indexOf('\r') >= 0 || raw.indexOf('\n') >= 0) {
            throw new ValidationException(field, raw, "contains a line break");
        }
        String text = Normalizer.normalize(strip(raw), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            throw new ValidationException(field, raw, "is required");
        }
        checkCharacters(field, raw, text);
        if (text.indexOf('"') >= 0) {
            throw new ValidationException(field, raw,
                    "has a quoted local part or a quote character; quoted addresses are not supported");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            throw new ValidationException(field, raw, "has no '@'; an e-mail address looks like name@example.com");
        }
        if (text.indexOf('@', at + 1) >= 0) {
            throw new ValidationException(field, raw, "has more than one '@'");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        checkLocalPart(field, raw, local);
        String asciiDomain = asciiDomain(field, raw, domain);
        String result = local + "@" + asciiDomain;
        int octets = result.getBytes(StandardCharsets.UTF_8).length;
        if (octets > MAX_TOTAL_OCTETS) {
            throw new ValidationException(field, raw,
                    "is too long: " + octets + " bytes, at most " + MAX_TOTAL_OCTETS + " allowed");
        }
        return result;
    }

    private static String strip(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && CleanText.isWhiteSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && CleanText.isWhiteSpace(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static void checkCharacters(String field, String raw, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == '\r' || cp == '\n') {
                throw new ValidationException(field, raw, "contains a line break");
            }
            if (CleanText.isWhiteSpace(cp)) {
                throw new ValidationException(field, raw,
                        "contains a space; an e-mail address has none (is it two addresses, or a name?)");
            }
            if (Character.isISOControl(cp)) {
                throw new ValidationException(field, raw, "contains a control character (U+"
                        + String.format(Locale.ROOT, "%04X", cp) + ")");
            }
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.SURROGATE) {
                throw new ValidationException(field, raw, "contains an invisible character (U+"
                        + String.format(Locale.ROOT, "%04X", cp) + ")");
            }
            i += Character.charCount(cp);
        }
    }

    private static void checkLocalPart(String field, String raw, String local) {
        if (local.isEmpty()) {
            throw new ValidationException(field, raw, "has nothing before the '@'");
        }
        if (local.startsWith(".") || local.endsWith(".")) {
            throw new ValidationException(field, raw, "has a dot at the start or end of the part before the '@'");
        }
        if (local.contains("..")) {
            throw new ValidationException(field, raw, "has two dots in a row before the '@'");
        }
        int octets = local.getBytes(StandardCharsets.UTF_8).length;
        if (octets > MAX_LOCAL_OCTETS) {
            throw new ValidationException(field, raw, "has a part before the '@' of " + octets
                    + " bytes; at most " + MAX_LOCAL_OCTETS + " are allowed");
        }
        boolean afterLetterOrDigit = false;
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            boolean ok;
            if (cp < 0x80) {
                ok = cp == '.' || isAsciiLetterOrDigit(cp) || ASCII_ATEXT_SYMBOLS.indexOf(cp) >= 0;
                afterLetterOrDigit = isAsciiLetterOrDigit(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                ok = true;
                afterLetterOrDigit = true;
            } else {
                // combining marks belong to the letter before them (Devanagari vowel signs, accents)
                ok = afterLetterOrDigit && isMark(cp);
            }
            if (!ok) {
                throw new ValidationException(field, raw, "has a character not allowed before the '@': '"
                        + new String(Character.toChars(cp)) + "'");
            }
            i += Character.charCount(cp);
        }
    }

    /** Letters, digits and inner hyphens of ASCII, and not an {@code xn--} label, which IDN must check. */
    private static boolean isPlainAsciiLabel(String label) {
        int n = label.length();
        if (n == 0 || label.charAt(0) == '-' || label.charAt(n - 1) == '-'
                || (n >= 4 && label.regionMatches(true, 0, "xn--", 0, 4))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String asciiDomain(String field, String raw, String domain) {
        if (domain.isEmpty()) {
            throw new ValidationException(field, raw, "has nothing after the '@'");
        }
        if (domain.startsWith("[")) {
            throw new ValidationException(field, raw, "has an IP address as its domain; that is not supported");
        }
        // IDNA treats the ideographic and full-width full stops as dots; so do we, before splitting
        String dotted = domain.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
        String[] labels = dotted.split("\\.", -1);
        if (labels.length < 2) {
            throw new ValidationException(field, raw,
                    "has a domain without a dot (\"" + domain + "\"); a full domain such as example.com is needed");
        }
        for (char deviation : new char[] {'\u00DF', '\u03C2'}) {
            if (dotted.indexOf(deviation) >= 0) {
                throw new ValidationException(field, raw, "has '" + deviation + "' in its domain, which the two "
                        + "IDNA standards convert to different domains; give the domain in its xn-- form");
            }
        }
        List<String> ascii = new ArrayList<>(labels.length);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new ValidationException(field, raw,
                        "has an empty part in its domain (a dot at the start or end, or two dots in a row)");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw labelTooLong(field, raw, label);
            }
            String converted;
            try {
                // a plain letters-digits-hyphens label is its own ASCII form; IDN is needed only for the others
                converted = (isPlainAsciiLabel(label) ? label : IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES)).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                if (String.valueOf(e.getMessage()).contains("too long")) {
                    throw labelTooLong(field, raw, label);
                }
                throw new ValidationException(field, raw, "has an invalid domain part \"" + label
                        + "\": only letters, digits and inner hyphens are allowed");
            }
            if (converted.length() > MAX_LABEL_LENGTH) {
                throw labelTooLong(field, raw, label);
            }
            if (converted.isEmpty()) {
                throw new ValidationException(field, raw, "has an empty part in its domain (\"" + label
                        + "\" has no letters or digits)");
            }
            if (!isLdhLabel(converted)) {
                throw new ValidationException(field, raw, "has an invalid domain part \"" + label
                        + "\": only letters, digits and inner hyphens are allowed");
            }
            ascii.add(converted);
        }
        String tld = ascii.get(ascii.size() - 1);
        if (tld.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(field, raw, "has a top-level domain of digits only (\"" + tld + "\")");
        }
        return String.join(".", ascii);
    }

    private static ValidationException labelTooLong(String field, String raw, String label) {
        return new ValidationException(field, raw, "has a domain part \"" + label
                + "\" that is too long (at most " + MAX_LABEL_LENGTH + " characters in ASCII form)");
    }

    private static boolean isLdhLabel(String label) {
        if (label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
