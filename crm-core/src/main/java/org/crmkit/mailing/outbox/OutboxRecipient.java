package org.crmkit.mailing.outbox;

import java.util.Optional;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentAddress;

/**
 * One recipient to enqueue: the client, the contact person if the message goes to one, the channel (e-mail
 * or SMS) and the address on that channel, in the normal form the consent ledger keeps ({@link ConsentAddress}:
 * so consent is checked for exactly this value); one in another form, or holding a line break, is refused
 * naming {@code address}. {@link #of} normalises a raw address.
 */
public record OutboxRecipient(ClientId client, Optional<ContactPersonId> person, Channel channel, String address) {
    /** The longest address kept. */
    public static final int ADDRESS_MAX = 320;

    public OutboxRecipient {
        ValidationException.required(client, "client");
        ValidationException.required(person, "person");
        ValidationException.required(channel, "channel");
        ValidationException.required(address, "address");
        if (channel == Channel.PHONE_CALL) {
            throw new ValidationException("channel", channel, "is not a mailing channel (EMAIL or SMS)");
        }
        if (address.length() > ADDRESS_MAX || address.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("address", address, "must be one line of at most " + ADDRESS_MAX + " characters");
        }
        try {
            new ConsentAddress(ConsentAddress.kindOf(channel), address);
        } catch (ValidationException notNormal) {
            throw new ValidationException("address", address, "is not a normalised " + channel + " address (" + notNormal.problem()
                    + "); build the recipient with OutboxRecipient.of to normalise it");
        }
    }

    /** A recipient whose address is normalised as the consent ledger keeps it ({@code region} reads national phones). */
    public static OutboxRecipient of(ClientId client, Optional<ContactPersonId> person, Channel channel, String address, String region) {
        ValidationException.required(channel, "channel");
        ValidationException.required(region, "region");
        if (channel == Channel.PHONE_CALL) {
            throw new ValidationException("channel", channel, "is not a mailing channel (EMAIL or SMS)");
        }
        return new OutboxRecipient(client, person, channel, ConsentAddress.forChannel(channel, address, region).value());
    }

    /** The unique key of an entry within its mailing: client, person or none, channel. */
    public String key() {
        return client.value() + "/" + person.map(p -> p.value().toString()).orElse("-") + "/" + channel;
    }
}
