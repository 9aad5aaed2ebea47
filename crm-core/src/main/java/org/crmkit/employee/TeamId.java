package org.crmkit.employee;

import org.crmkit.common.ValidationException;

/** A team (a department, a sales group) in the host's terms. */
public record TeamId(String value) {
    public TeamId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new ValidationException("team", value, "is not a team key (1–64 characters)");
        }
    }

    public static TeamId of(String value) {
        return new TeamId(value);
    }
}
