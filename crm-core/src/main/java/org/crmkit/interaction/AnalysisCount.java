package org.crmkit.interaction;

import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;

/**
 * What a store answers for {@link AnalysisSummary}: how many interactions of one kind one employee
 * had with one client (or with none), each interaction once per client; or, with neither client nor
 * kind, how many distinct interactions the employee had in all (an interaction of two clients counts
 * once there). Rows as {@link AnalysisRow} would list them, counted instead of listed.
 */
public record AnalysisCount(EmployeeId responsible, Optional<ClientId> client, Optional<String> clientName, Optional<InteractionKind> kind,
                            long interactions) {
    public AnalysisCount {
        ValidationException.required(responsible, "responsible");
        ValidationException.required(client, "client");
        ValidationException.required(clientName, "clientName");
        ValidationException.required(kind, "kind");
        if (client.isPresent() != clientName.isPresent()) {
            throw new ValidationException("clientName", clientName.orElse(null), "is given exactly with the client");
        }
        if (kind.isEmpty() && client.isPresent()) {
            throw new ValidationException("kind", null, "is required with a client (a row without kind is the employee's total)");
        }
        if (interactions < 1) {
            throw new ValidationException("interactions", interactions, "is not a positive count");
        }
    }

    /** The count of {@code kind} for the employee and client (or none). */
    public static AnalysisCount of(EmployeeId responsible, Optional<ClientId> client, Optional<String> clientName, InteractionKind kind,
                                   long interactions) {
        return new AnalysisCount(responsible, client, clientName, Optional.of(ValidationException.required(kind, "kind")), interactions);
    }

    /** The employee's distinct interactions. */
    public static AnalysisCount total(EmployeeId responsible, long interactions) {
        return new AnalysisCount(responsible, Optional.empty(), Optional.empty(), Optional.empty(), interactions);
    }

    /** Whether this is an employee's total rather than a kind's count. */
    public boolean isTotal() {
        return kind.isEmpty();
    }
}
