package org.crmkit.interaction;

import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * What one occurrence of a series has of its own (an RFC 5545 exception): its state, result and
 * timing when it was completed, cancelled or moved apart from the others. An occurrence without an
 * override is as the series says (planned, at the time the rule gives it). Versioned on its own:
 * version 0 is an override not yet stored, and a store saves one only from the version it holds.
 */
public record OccurrenceOverride(OccurrenceId id, Timing timing, InteractionState state, Optional<String> result, long version) {
    public OccurrenceOverride {
        ValidationException.required(id, "id");
        ValidationException.required(timing, "timing");
        ValidationException.required(state, "state");
        result = ValidationException.required(result, "result").flatMap(r -> CleanText.multiline("result", r, Interaction.RESULT_MAX));
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    public OccurrenceOverride withVersion(long storedVersion) {
        return new OccurrenceOverride(id, timing, state, result, storedVersion);
    }

    /** The same override under another series (a "this and following" split re-files kept overrides). */
    public OccurrenceOverride movedTo(InteractionId series) {
        return new OccurrenceOverride(new OccurrenceId(series, id.originalStart()), timing, state, result, 0);
    }
}
