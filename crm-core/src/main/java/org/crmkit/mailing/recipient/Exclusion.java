package org.crmkit.mailing.recipient;

import java.util.Optional;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;

/**
 * A member of the audience who gets no message, and why. {@code channel} and {@code address} are
 * those that were tried, where there was one; {@code note} says more for a person to read (for a
 * duplicate: who has the address).
 */
public record Exclusion(ClientId client, Optional<ContactPersonId> person, Optional<Channel> channel, Optional<String> address,
                        String displayName, ExclusionReason reason, Optional<String> note) {
    public Exclusion {
        ValidationException.required(client, "client");
        ValidationException.required(person, "person");
        ValidationException.required(channel, "channel");
        ValidationException.required(address, "address");
        ValidationException.required(displayName, "displayName");
        ValidationException.required(reason, "reason");
        ValidationException.required(note, "note");
    }
}
