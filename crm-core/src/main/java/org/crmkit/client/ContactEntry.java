package org.crmkit.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;

/**
 * One entry of contact information: a channel, its value in normalised form (E.164 for phones, a
 * normalised address for e-mail), an optional label ("бухгалтерия") and a primary mark. Build one
 * with {@link #parse}; the canonical constructor accepts only already-normalised values.
 */
public record ContactEntry(ContactType type, String value, Optional<String> label, boolean primary) {
    public ContactEntry {
        ValidationException.required(type, "type");
        ValidationException.required(label, "label");
        label = label.flatMap(l -> CleanText.optional("label", l, 100));
        String normalised = normalised(type, value);
        if (!normalised.equals(value)) {
            throw new ValidationException("value", value, "is not in normalised form (" + normalised + "); use ContactEntry.parse");
        }
    }

    /**
     * Parses raw input: {@code 8 (916) 123-45-67} for a phone in region {@code RU} becomes
     * {@code +79161234567}; errors name the field {@code value} and the input.
     */
    public static ContactEntry parse(ContactType type, String raw, String phoneRegion) {
        ValidationException.required(type, "type");
        return new ContactEntry(type, normalise(type, raw, phoneRegion), Optional.empty(), false);
    }

    public ContactEntry labelled(String newLabel) {
        return new ContactEntry(type, value, Optional.ofNullable(newLabel), primary);
    }

    public ContactEntry asPrimary(boolean isPrimary) {
        return new ContactEntry(type, value, label, isPrimary);
    }

    /** Whether both entries denote the same channel and value, whatever their labels. */
    public boolean sameAs(ContactEntry other) {
        return type == other.type && value.equals(other.value);
    }

    /** What a person reads: phones in international format, e-mail with a Unicode domain. */
    public String display() {
        switch (type.format()) {
            case PHONE:
                return new PhoneNumber(value).international();
            case EMAIL:
                return new EmailAddress(value).unicodeDomainForm();
            default:
                return value;
        }
    }

    /** The normal form of a value that should already be normal: the value objects' own checks, without re-parsing. */
    private static String normalised(ContactType type, String value) {
        switch (type.format()) {
            case PHONE:
                return new PhoneNumber(value).e164();
            case EMAIL:
                return new EmailAddress(value).value();
            default:
                return normalise(type, value, null);
        }
    }

    private static String normalise(ContactType type, String raw, String phoneRegion) {
        switch (type.format()) {
            case PHONE:
                return PhoneNumber.parse("value", raw, phoneRegion).e164();
            case EMAIL:
                return EmailAddress.parse("value", raw).value();
            case ADDRESS:
                return CleanText.multiline("value", raw, 500)
                        .orElseThrow(() -> new ValidationException("value", raw, "is required"));
            case WEBSITE:
                return website(raw);
            default:
                return CleanText.require("value", raw, 200);
        }
    }

    private static String website(String raw) {
        String text = CleanText.require("value", raw, 500);
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || !uri.getHost().contains(".")) {
                throw new ValidationException("value", raw, "is not a web address (http or https with a host name)");
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + Optional.ofNullable(uri.getRawPath()).orElse("")
                    + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("");
        } catch (URISyntaxException e) {
            throw new ValidationException("value", raw, "is not a web address: " + e.getReason());
        }
    }
}
