package org.crmkit.interaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.client.Client;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;

/**
 * What a store answers for {@link InteractionAnalysis}: one interaction under one of its clients
 * (each client once, however many of its persons take part), or under no client when none of its
 * clients is among those asked for. {@code start} is {@link Timing#startKey()}.
 *
 * <p>A row is of a single interaction ({@code originalStart} empty) or of one occurrence of a series
 * ({@code interaction} the series, {@code originalStart} where its rule put the occurrence: together
 * the occurrence's {@link OccurrenceId}); an occurrence has its own responsible employee and start,
 * and counts as an interaction of its own.
 */
public record AnalysisRow(EmployeeId responsible, Optional<ClientId> client, Optional<String> clientName, InteractionKind kind,
                          InteractionId interaction, Optional<Instant> originalStart, long number, String subject, Instant start) {
    public AnalysisRow {
        ValidationException.required(responsible, "responsible");
        ValidationException.required(client, "client");
        ValidationException.required(clientName, "clientName");
        ValidationException.required(kind, "kind");
        ValidationException.required(interaction, "interaction");
        originalStart = ValidationException.required(originalStart, "originalStart").map(o -> o.truncatedTo(ChronoUnit.MICROS));
        ValidationException.required(subject, "subject");
        ValidationException.required(start, "start");
        if (client.isPresent() != clientName.isPresent()) {
            throw new ValidationException("clientName", clientName.orElse(null), "is given exactly with the client");
        }
    }

    /** The row of a single interaction under a client (with its short name), or under none. */
    public static AnalysisRow of(Interaction interaction, Optional<Client> client) {
        ValidationException.required(interaction, "interaction");
        ValidationException.required(client, "client");
        return new AnalysisRow(interaction.responsible(), client.map(Client::id), client.map(Client::shortName), interaction.kind(),
                interaction.id(), Optional.empty(), interaction.number(), interaction.subject(), interaction.timing().startKey());
    }

    /**
     * The row of one occurrence of a series under a client (its id and short name), or under none
     * (both empty): the series' kind, number and subject, the occurrence's own responsible employee
     * and start.
     */
    public static AnalysisRow of(Occurrence occurrence, Optional<ClientId> client, Optional<String> clientName) {
        ValidationException.required(occurrence, "occurrence");
        if (!occurrence.recurring()) {
            throw new ValidationException("occurrence", occurrence.id(), "is a single interaction, not an occurrence of a series");
        }
        Interaction series = occurrence.interaction();
        return new AnalysisRow(occurrence.responsible(), client, clientName, series.kind(), series.id(), Optional.of(occurrence.originalStart()),
                series.number(), series.subject(), occurrence.timing().startKey());
    }

    /** The occurrence this row is of; empty for a single interaction. */
    public Optional<OccurrenceId> occurrence() {
        return originalStart.map(o -> new OccurrenceId(interaction, o));
    }
}
