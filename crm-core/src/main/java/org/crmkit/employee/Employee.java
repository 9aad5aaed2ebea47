package org.crmkit.employee;

import org.crmkit.common.ValidationException;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;

/** An employee as the host's directory describes them: a name, a team, and whether they still work here. */
public record Employee(EmployeeId id, String name, Optional<TeamId> team, boolean active) {
    public Employee {
        ValidationException.required(id, "id");
        ValidationException.required(team, "team");
        name = CleanText.require("employee.name", name, 200);
    }

    public static Employee of(String id, String name, String team) {
        return new Employee(EmployeeId.of(id), name, Optional.ofNullable(team).map(TeamId::of), true);
    }
}
