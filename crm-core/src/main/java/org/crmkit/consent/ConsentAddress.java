package org.crmkit.consent;

import java.util.Set;

import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactType;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;

/**
 * The address or number a consent is given for, in normal form: an e-mail address as
 * {@link EmailAddress} keeps it, a phone number in E.164. A consent for one number says nothing
 * about another. Build one with {@link #email}, {@link #phone} or {@link #forChannel}; the
 * canonical constructor accepts only normal forms.
 */
public record ConsentAddress(Kind kind, String value) {
    /** E-mail addresses and phone numbers: the two kinds a consent or a suppression names. */
    public enum Kind {
        EMAIL(Set.of(ContactType.EMAIL)),
        PHONE(Set.of(ContactType.PHONE, ContactType.MOBILE));

        private final Set<ContactType> contactTypes;

        Kind(Set<ContactType> contactTypes) {
            this.contactTypes = contactTypes;
        }

        /** The contact types of a card whose values are addresses of this kind. */
        public Set<ContactType> contactTypes() {
            return contactTypes;
        }
    }

    public ConsentAddress {
        ValidationException.required(kind, "kind");
        ValidationException.required(value, "address");
        String normal = kind == Kind.EMAIL ? EmailAddress.parse("address", value).value() : PhoneNumber.parse("address", value, null).e164();
        if (!normal.equals(value)) {
            throw new ValidationException("address", value, "is not in normal form (" + normal + "); use ConsentAddress.email or phone");
        }
    }

    /** An e-mail address typed by a person; errors name the field {@code address}. */
    public static ConsentAddress email(String raw) {
        return new ConsentAddress(Kind.EMAIL, EmailAddress.parse("address", raw).value());
    }

    /** A phone number typed by a person, read in {@code region} when it has no country code. */
    public static ConsentAddress phone(String raw, String region) {
        return new ConsentAddress(Kind.PHONE, PhoneNumber.parse("address", raw, region).e164());
    }

    /** The address a consent on {@code channel} is given for: an e-mail address for e-mail, a number otherwise. */
    public static ConsentAddress forChannel(Channel channel, String raw, String region) {
        ValidationException.required(channel, "channel");
        return kindOf(channel) == Kind.EMAIL ? email(raw) : phone(raw, region);
    }

    /** The kind of address a channel reaches. */
    public static Kind kindOf(Channel channel) {
        ValidationException.required(channel, "channel");
        return channel == Channel.EMAIL ? Kind.EMAIL : Kind.PHONE;
    }

    /** Whether a card's contact entry is this address. */
    public boolean isIn(ContactEntry entry) {
        ValidationException.required(entry, "entry");
        return kind.contactTypes().contains(entry.type()) && entry.value().equals(value);
    }

    /** The address of a card's contact entry, if it is an e-mail address or a phone number consent can be given for. */
    public static java.util.Optional<ConsentAddress> of(ContactEntry entry) {
        ValidationException.required(entry, "entry");
        for (Kind kind : Kind.values()) {
            if (kind.contactTypes().contains(entry.type())) {
                return java.util.Optional.of(new ConsentAddress(kind, entry.value()));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
