package org.crmkit.interaction;

import java.util.List;

/**
 * An interaction as stored after planning or rescheduling, with the free/busy warning: the items
 * of the same employees (responsible or taking part) that are not cancelled and overlap its time,
 * as far as the actor may see them. Overlapping is allowed; the host shows the warning.
 */
public record Scheduled(Interaction interaction, List<Interaction> overlapping) {
    public Scheduled {
        org.crmkit.common.ValidationException.required(interaction, "interaction");
        overlapping = org.crmkit.common.ValidationException.requiredElements(overlapping, "overlapping");
    }

    /** Whether it clashes with another item of the same employees. */
    public boolean busy() {
        return !overlapping.isEmpty();
    }
}
