package org.crmkit.interaction;

import java.time.LocalDate;
import java.util.Optional;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;

/** One line of {@link ClientsWithoutInteractions}: a client, its main manager and relationship type, and when it was registered. */
public record QuietClient(ClientId client, ClientCode code, String shortName, Optional<EmployeeId> manager,
                          Optional<RelationshipTypeId> relationship, LocalDate registeredOn) {
    public QuietClient {
        ValidationException.required(client, "client");
        ValidationException.required(code, "code");
        ValidationException.required(shortName, "shortName");
        ValidationException.required(manager, "manager");
        ValidationException.required(relationship, "relationship");
        ValidationException.required(registeredOn, "registeredOn");
    }

    /** The line of a whole client. */
    public static QuietClient of(Client client) {
        ValidationException.required(client, "client");
        return new QuietClient(client.id(), client.code(), client.shortName(), client.manager(), client.relationship(), client.registeredOn());
    }
}
