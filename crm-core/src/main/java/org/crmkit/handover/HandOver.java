package org.crmkit.handover;

import org.crmkit.common.ValidationException;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.usecase.UnitOfWork;

/**
 * One feature's part of a hand-over: its name in the {@link HandOverReport} (e.g. {@code client})
 * and the step that moves the open work of one employee to another.
 */
public record HandOver(String feature, Step step) {
    public HandOver {
        feature = CleanText.require("feature", feature, 100);
        ValidationException.required(step, "step");
    }

    /**
     * Moves the open work of {@code from} to {@code to} inside the hand-over's unit of work,
     * journaling and feeding each record it changes, and answers how many records it moved. It acts
     * for the administrator who runs the hand-over, so it moves every record of the employee, not
     * only those the administrator may see.
     */
    @FunctionalInterface
    public interface Step {
        long moveWork(UnitOfWork work, EmployeeId from, EmployeeId to);
    }
}
