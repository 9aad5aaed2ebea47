package org.crmkit.common;

import java.util.Optional;

/**
 * Who performs a use case: a user of one tenant, usually an employee, or a system process (an
 * import, a scheduled job). The audit journal records {@link #name()}; the access policy decides by
 * {@link #employee()}.
 */
public record Actor(TenantId tenant, String name, Optional<EmployeeId> employee) {
    public Actor {
        ValidationException.required(tenant, "tenant");
        ValidationException.required(employee, "employee");
        name = CleanText.require("actor", name, 128);
    }

    /** An employee acting in a tenant; the actor's name is the employee key. */
    public static Actor employee(TenantId tenant, EmployeeId employee) {
        ValidationException.required(employee, "employee");
        return new Actor(tenant, employee.value(), Optional.of(employee));
    }

    /** A process acting in a tenant on nobody's behalf, e.g. {@code system:import}. */
    public static Actor system(TenantId tenant, String name) {
        return new Actor(tenant, name, Optional.empty());
    }

    @Override
    public String toString() {
        return name + "@" + tenant;
    }
}
