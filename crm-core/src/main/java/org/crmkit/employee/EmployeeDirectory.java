package org.crmkit.employee;

import org.crmkit.common.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmkit.common.EmployeeId;

/**
 * The host's user directory, as crmkit needs it: who an employee is, which team they are in, and
 * whether they still work. Implementations must be thread-safe; they are asked on every call of a
 * team-based access policy, so cache if the host's directory is slow.
 */
public interface EmployeeDirectory {
    Optional<Employee> find(EmployeeId id);

    /** Every employee the host knows, active or not. */
    List<Employee> all();

    /** The members of the employee's team, the employee included; only the employee when teamless. */
    default List<Employee> teamOf(EmployeeId id) {
        Optional<Employee> employee = find(id);
        if (employee.isEmpty()) {
            return List.of();
        }
        Optional<TeamId> team = employee.get().team();
        if (team.isEmpty()) {
            return List.of(employee.get());
        }
        return all().stream().filter(e -> e.team().equals(team)).collect(Collectors.toList());
    }

    /** A directory that knows nobody: the default when the host supplies none. */
    static EmployeeDirectory none() {
        return of(List.of());
    }

    /** A fixed directory, for tests, examples and small hosts. */
    static EmployeeDirectory of(Collection<Employee> employees) {
        Map<EmployeeId, Employee> byId = ValidationException.requiredElements(employees, "employees").stream()
                .collect(Collectors.toUnmodifiableMap(Employee::id, Function.identity()));
        List<Employee> list = List.copyOf(employees);
        return new EmployeeDirectory() {
            @Override
            public Optional<Employee> find(EmployeeId id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public List<Employee> all() {
                return list;
            }
        };
    }
}
