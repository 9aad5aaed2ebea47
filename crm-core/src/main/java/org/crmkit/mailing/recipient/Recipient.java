package org.crmkit.mailing.recipient;

import java.util.Optional;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;

/**
 * One message to send: to the client or one of its contact persons, on a channel, at an address in
 * normal form (an e-mail address as {@link org.crmkit.common.EmailAddress} keeps it, a number in
 * E.164), with the name to greet ({@code displayName}) and the client's short name.
 */
public record Recipient(ClientId client, Optional<ContactPersonId> person, Channel channel, String address, String displayName,
                        String clientName) {
    public Recipient {
        ValidationException.required(client, "client");
        ValidationException.required(person, "person");
        ValidationException.required(channel, "channel");
        ValidationException.required(address, "address");
        ValidationException.required(displayName, "displayName");
        ValidationException.required(clientName, "clientName");
        if (address.indexOf('\r') >= 0 || address.indexOf('\n') >= 0) {
            throw new ValidationException("address", address, "contains a line break");
        }
    }
}
