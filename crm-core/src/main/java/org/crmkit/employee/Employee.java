package org.crmkit.employee;

import org.crmkit.common.ValidationException;
import java.time.ZoneId;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;

/**
 * An employee as the host's directory describes them: a name, a team, whether they still work
 * here, and the time zone they work in if it is not the tenant's (an employee in another city:
 * their calendar is exported in their zone).
 */
public record Employee(EmployeeId id, String name, Optional<TeamId> team, boolean active, Optional<ZoneId> zone) {
    public Employee {
        ValidationException.required(id, "id");
        ValidationException.required(team, "team");
        ValidationException.required(zone, "zone");
        name = CleanText.require("employee.name", name, 200);
    }

    /** An employee working in the tenant's zone. */
    public Employee(EmployeeId id, String name, Optional<TeamId> team, boolean active) {
        this(id, name, team, active, Optional.empty());
    }

    public static Employee of(String id, String name, String team) {
        return new Employee(EmployeeId.of(id), name, Optional.ofNullable(team).map(TeamId::of), true);
    }

    /** The same employee working in {@code workZone}. */
    public Employee inZone(ZoneId workZone) {
        return new Employee(id, name, team, active, Optional.of(ValidationException.required(workZone, "zone")));
    }
}
