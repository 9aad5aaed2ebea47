package org.crmkit.interaction;

import java.util.List;

import org.crmkit.common.ValidationException;

/** A recurring interaction as stored, with the overrides of its occurrences (in original-start order). */
public record Series(Interaction interaction, List<OccurrenceOverride> overrides) {
    public Series {
        ValidationException.required(interaction, "interaction");
        overrides = ValidationException.requiredElements(overrides, "overrides");
        if (interaction.recurrence().isEmpty()) {
            throw new ValidationException("interaction", interaction.id(), "does not recur");
        }
    }
}
