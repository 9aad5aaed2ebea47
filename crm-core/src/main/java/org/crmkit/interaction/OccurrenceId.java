package org.crmkit.interaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.crmkit.common.ValidationException;

/**
 * Which occurrence of a series: the series' id and the start the rule gave the occurrence (its
 * {@link Timing#startKey()} before any move: an instant for a timed series, midnight UTC of the day
 * for an all-day one). It stays the occurrence's identity when the occurrence is moved.
 */
public record OccurrenceId(InteractionId series, Instant originalStart) {
    public OccurrenceId {
        ValidationException.required(series, "series");
        originalStart = ValidationException.required(originalStart, "originalStart").truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return series + "@" + originalStart;
    }
}
