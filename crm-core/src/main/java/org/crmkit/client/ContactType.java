package org.crmkit.client;

/**
 * The channels of contact information. Phone-like channels keep E.164 numbers, {@link #EMAIL}
 * a normalised address, addresses free multi-line text.
 */
public enum ContactType {
    PHONE(Format.PHONE),
    MOBILE(Format.PHONE),
    FAX(Format.PHONE),
    EMAIL(Format.EMAIL),
    LEGAL_ADDRESS(Format.ADDRESS),
    ACTUAL_ADDRESS(Format.ADDRESS),
    POSTAL_ADDRESS(Format.ADDRESS),
    WEBSITE(Format.WEBSITE),
    SKYPE(Format.HANDLE),
    TELEGRAM(Format.HANDLE),
    WHATSAPP(Format.PHONE),
    ICQ(Format.HANDLE),
    SOCIAL_PROFILE(Format.WEBSITE),
    OTHER(Format.HANDLE);

    /** How values of a channel are checked and normalised. */
    public enum Format { PHONE, EMAIL, ADDRESS, WEBSITE, HANDLE }

    private final Format format;

    ContactType(Format format) {
        this.format = format;
    }

    public Format format() {
        return format;
    }

    public boolean isPhone() {
        return format == Format.PHONE;
    }
}
