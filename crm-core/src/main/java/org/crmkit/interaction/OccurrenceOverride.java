package org.crmkit.interaction;

import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;

/**
 * What one occurrence of a series has of its own (an RFC 5545 exception): its state, result and
 * timing when it was completed, cancelled or moved apart from the others. An occurrence without an
 * override is as the series says (planned, at the time the rule gives it). Versioned on its own:
 * version 0 is an override not yet stored, and a store saves one only from the version it holds.
 * {@code responsible} is set when the occurrence keeps an employee of its own: a done or cancelled
 * occurrence of a series handed over keeps the leaver (history is not rewritten); otherwise the
 * series' responsible employee is the occurrence's.
 */
public record OccurrenceOverride(OccurrenceId id, Timing timing, InteractionState state, Optional<String> result,
                                 Optional<EmployeeId> responsible, long version) {
    public OccurrenceOverride {
        ValidationException.required(id, "id");
        ValidationException.required(timing, "timing");
        ValidationException.required(state, "state");
        ValidationException.required(responsible, "responsible");
        result = ValidationException.required(result, "result").flatMap(r -> CleanText.multiline("result", r, Interaction.RESULT_MAX));
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    public OccurrenceOverride withVersion(long storedVersion) {
        return new OccurrenceOverride(id, timing, state, result, responsible, storedVersion);
    }

    /** The same override under another series (a "this and following" split re-files kept overrides). */
    public OccurrenceOverride movedTo(InteractionId series) {
        return new OccurrenceOverride(new OccurrenceId(series, id.originalStart()), timing, state, result, responsible, 0);
    }

    /** The same override keeping {@code employee} as the occurrence's responsible employee. */
    public OccurrenceOverride keptBy(EmployeeId employee) {
        return new OccurrenceOverride(id, timing, state, result, Optional.of(ValidationException.required(employee, "employee")), version);
    }
}
