package org.crmkit.interaction;

import java.util.Optional;

import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;

/**
 * A client taking part in an interaction, optionally through one of its contact persons, and the
 * channel used to reach them (the phone number dialled, the address written to: its type and value;
 * labels and primary marks belong to the card, not to the interaction). That the person
 * is a contact person of that client is checked by the use case against the stored persons.
 */
public record Participant(ClientId client, Optional<ContactPersonId> person, Optional<ContactEntry> channel) {
    public Participant {
        ValidationException.required(client, "client");
        ValidationException.required(person, "person");
        channel = ValidationException.required(channel, "channel").map(c -> new ContactEntry(c.type(), c.value(), Optional.empty(), false));
        channel.ifPresent(c -> {
            if (!c.type().isPhone() && c.type() != ContactType.EMAIL) {
                throw new ValidationException("channel", c.value(), "is a " + c.type() + " entry; the channel used is a phone or an e-mail address");
            }
        });
    }

    /** The client itself, no person, no channel noted. */
    public static Participant of(ClientId client) {
        return new Participant(client, Optional.empty(), Optional.empty());
    }

    /** A contact person of the client, reached through {@code channel} ({@code null}: not noted). */
    public static Participant of(ClientId client, ContactPersonId person, ContactEntry channel) {
        ValidationException.required(person, "person");
        return new Participant(client, Optional.of(person), Optional.ofNullable(channel));
    }

    /** The same participant reached through {@code used} ({@code null}: not noted). */
    public Participant reachedBy(ContactEntry used) {
        return new Participant(client, person, Optional.ofNullable(used));
    }
}
