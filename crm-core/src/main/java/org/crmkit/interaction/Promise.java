package org.crmkit.interaction;

import java.time.LocalDate;

import org.crmkit.common.ValidationException;

/**
 * What a {@link InteractionKind#PROMISE promise} adds to an interaction: the day by which it is to
 * be kept, and who gave it. An open promise whose due day has passed is overdue.
 */
public record Promise(LocalDate due, PromiseSide side) {
    public Promise {
        ValidationException.required(due, "promise.due");
        ValidationException.required(side, "promise.side");
    }
}
