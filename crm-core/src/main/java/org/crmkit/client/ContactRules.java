package org.crmkit.client;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.common.EmailAddress;
import org.crmkit.common.PhoneNumber;

import org.crmkit.common.ValidationException;

/**
 * The rules of a list of contact entries, shared by clients and contact persons: no channel holds
 * a value twice, at most one entry per channel is primary, the first entry of a channel is primary.
 */
final class ContactRules {
    private ContactRules() {
    }

    static List<ContactEntry> check(List<ContactEntry> contacts) {
        ValidationException.required(contacts, "contacts");
        List<ContactEntry> copy = List.copyOf(contacts);
        for (int i = 0; i < copy.size(); i++) {
            ContactEntry entry = copy.get(i);
            for (int j = 0; j < i; j++) {
                ContactEntry earlier = copy.get(j);
                if (earlier.sameAs(entry)) {
                    throw new ValidationException("contacts[" + i + "].value", entry.value(),
                            "is already listed as " + entry.type());
                }
                if (earlier.primary() && entry.primary() && earlier.type() == entry.type()) {
                    throw new ValidationException("contacts[" + i + "].primary", entry.value(),
                            "is a second primary " + entry.type() + "; only one entry of a channel is primary");
                }
            }
        }
        return copy;
    }

    /** A primary entry takes the mark from the channel's previous primary; a channel's first entry is primary. */
    static List<ContactEntry> add(List<ContactEntry> contacts, ContactEntry entry) {
        ValidationException.required(entry, "contact");
        List<ContactEntry> next = new ArrayList<>(contacts);
        boolean firstOfType = contacts.stream().noneMatch(c -> c.type() == entry.type());
        ContactEntry added = firstOfType ? entry.asPrimary(true) : entry;
        if (added.primary()) {
            next.replaceAll(c -> c.type() == entry.type() ? c.asPrimary(false) : c);
        }
        next.add(added);
        return next;
    }

    /** Removes the entry with the same channel and value; the next entry of the channel becomes primary. */
    static List<ContactEntry> remove(List<ContactEntry> contacts, ContactEntry entry, String owner) {
        ValidationException.required(entry, "contact");
        List<ContactEntry> next = new ArrayList<>(contacts);
        if (!next.removeIf(c -> c.sameAs(entry))) {
            throw new ValidationException("contacts", entry.value(), "is not a contact of " + owner);
        }
        if (next.stream().noneMatch(c -> c.type() == entry.type() && c.primary())) {
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i).type() == entry.type()) {
                    next.set(i, next.get(i).asPrimary(true));
                    break;
                }
            }
        }
        return next;
    }

    /** Whether a list holds this number on a phone-like channel (phone, mobile, fax, WhatsApp). */
    static boolean hasPhone(List<ContactEntry> contacts, PhoneNumber phone) {
        return contacts.stream().anyMatch(c -> c.type().isPhone() && c.value().equals(phone.e164()));
    }

    /** Whether a list holds this e-mail address, compared by {@link EmailAddress#searchKey()}. */
    static boolean hasEmail(List<ContactEntry> contacts, EmailAddress email) {
        return hasEmailKey(contacts, email.searchKey()::equals);
    }

    /** Whether a list holds an e-mail address whose {@link EmailAddress#searchKey() search key} passes the test. */
    static boolean hasEmailKey(List<ContactEntry> contacts, java.util.function.Predicate<String> test) {
        return contacts.stream().anyMatch(c -> c.type() == ContactType.EMAIL && test.test(EmailAddress.searchKeyOf(c.value())));
    }

    /** Whether a list holds a number on a phone-like channel that ends with the digits. */
    static boolean hasPhoneEndingWith(List<ContactEntry> contacts, String digits) {
        return contacts.stream().anyMatch(c -> c.type().isPhone() && c.value().endsWith(digits));
    }
}
