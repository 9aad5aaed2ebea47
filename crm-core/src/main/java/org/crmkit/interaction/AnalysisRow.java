package org.crmkit.interaction;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.client.Client;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;

/**
 * What a store answers for {@link InteractionAnalysis}: one interaction under one of its clients
 * (each client once, however many of its persons take part), or under no client when none of its
 * clients is among those asked for. {@code start} is {@link Timing#startKey()}.
 */
public record AnalysisRow(EmployeeId responsible, Optional<ClientId> client, Optional<String> clientName, InteractionKind kind,
                          InteractionId interaction, long number, String subject, Instant start) {
    public AnalysisRow {
        ValidationException.required(responsible, "responsible");
        ValidationException.required(client, "client");
        ValidationException.required(clientName, "clientName");
        ValidationException.required(kind, "kind");
        ValidationException.required(interaction, "interaction");
        ValidationException.required(subject, "subject");
        ValidationException.required(start, "start");
        if (client.isPresent() != clientName.isPresent()) {
            throw new ValidationException("clientName", clientName.orElse(null), "is given exactly with the client");
        }
    }

    /** The row of an interaction under a client (with its short name), or under none. */
    public static AnalysisRow of(Interaction interaction, Optional<Client> client) {
        ValidationException.required(interaction, "interaction");
        ValidationException.required(client, "client");
        return new AnalysisRow(interaction.responsible(), client.map(Client::id), client.map(Client::shortName), interaction.kind(),
                interaction.id(), interaction.number(), interaction.subject(), interaction.timing().startKey());
    }
}
