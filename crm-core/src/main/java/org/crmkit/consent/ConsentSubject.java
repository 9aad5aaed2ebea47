package org.crmkit.consent;

import java.util.Optional;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;

/** Whose consent it is: a client itself, or one of the client's contact persons. */
public record ConsentSubject(ClientId client, Optional<ContactPersonId> contactPerson) {
    public ConsentSubject {
        ValidationException.required(client, "client");
        ValidationException.required(contactPerson, "contactPerson");
    }

    public static ConsentSubject client(ClientId client) {
        return new ConsentSubject(client, Optional.empty());
    }

    public static ConsentSubject contactPerson(ClientId client, ContactPersonId person) {
        return new ConsentSubject(client, Optional.of(ValidationException.required(person, "contactPerson")));
    }
}
