package org.crmkit.common;

/**
 * An employee (a manager) of the host, in the host's own terms: crmkit never owns employees, it
 * refers to them by the key the host's user directory uses.
 */
public record EmployeeId(String value) {
    public EmployeeId {
        if (value == null || value.isBlank() || value.length() > 64 || !value.strip().equals(value)) {
            throw new ValidationException("employee", value, "is not an employee key (1–64 characters, no outer spaces)");
        }
    }

    public static EmployeeId of(String value) {
        return new EmployeeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
