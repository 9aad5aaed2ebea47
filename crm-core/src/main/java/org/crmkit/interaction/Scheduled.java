package org.crmkit.interaction;

import java.util.List;

import org.crmkit.common.ValidationException;

/**
 * An interaction as stored after planning or rescheduling, with the free/busy warning: the single
 * items of the same employees (responsible or taking part) that are not cancelled and overlap its
 * time, and the occurrences of their recurring series that do (a cancelled occurrence or series
 * does not count), as far as the actor may see them. Overlapping is allowed; the host shows the
 * warning.
 */
public record Scheduled(Interaction interaction, List<Interaction> overlapping, List<Occurrence> overlappingOccurrences) {
    public Scheduled {
        ValidationException.required(interaction, "interaction");
        overlapping = ValidationException.requiredElements(overlapping, "overlapping");
        overlappingOccurrences = ValidationException.requiredElements(overlappingOccurrences, "overlappingOccurrences");
    }

    /** With no overlapping occurrences of series. */
    public Scheduled(Interaction interaction, List<Interaction> overlapping) {
        this(interaction, overlapping, List.of());
    }

    /** Whether it clashes with another item or an occurrence of a series of the same employees. */
    public boolean busy() {
        return !overlapping.isEmpty() || !overlappingOccurrences.isEmpty();
    }
}
