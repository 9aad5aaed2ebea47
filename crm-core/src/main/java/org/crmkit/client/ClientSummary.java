package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.util.Optional;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.PhoneNumber;
import org.crmkit.taxid.Inn;

/**
 * A client as a list or a quick search shows it, one line each: enough to recognise the client
 * and open its card by {@link #id}. A store reads a page of summaries in one query, without the
 * clients' contact lists and property values; only the {@linkplain Client#mainPhone() main phone}
 * comes along.
 *
 * @param phone the client's {@linkplain Client#mainPhone() main phone}, if it has a phone
 */
public record ClientSummary(ClientId id, ClientCode code, ClientKind kind, String shortName, Optional<ClientGroupId> group,
                            Optional<RelationshipTypeId> relationship, Optional<EmployeeId> manager, Optional<Inn> inn,
                            Optional<PhoneNumber> phone, boolean archived) {
    public ClientSummary {
        ValidationException.required(id, "id");
        ValidationException.required(code, "code");
        ValidationException.required(kind, "kind");
        ValidationException.required(group, "group");
        ValidationException.required(relationship, "relationship");
        ValidationException.required(manager, "manager");
        ValidationException.required(inn, "inn");
        ValidationException.required(phone, "phone");
        shortName = CleanText.require("shortName", shortName, Client.SHORT_NAME_MAX);
    }

    /** The summary of a whole client. */
    public static ClientSummary of(Client client) {
        return new ClientSummary(client.id(), client.code(), client.kind(), client.shortName(), client.group(), client.relationship(),
                client.manager(), client.taxIds().inn(), client.mainPhone().map(e -> new PhoneNumber(e.value())), client.archived());
    }
}
