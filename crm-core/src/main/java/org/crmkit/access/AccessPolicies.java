package org.crmkit.access;

import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.EmployeeId;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;

/** Ready policies. */
public final class AccessPolicies {
    private AccessPolicies() {
    }

    /** Everyone sees and changes every client: the default. */
    public static AccessPolicy everything() {
        return actor -> ClientCriterion.all();
    }

    /**
     * An employee sees the clients whose main manager is they or a member of their team (as the
     * directory says at the time of the call); system actors see everything; an employee unknown to
     * the directory sees only their own clients.
     */
    public static AccessPolicy ownAndTeam(EmployeeDirectory directory) {
        return actor -> actor.employee()
                .<ClientCriterion>map(me -> new ClientCriterion.ManagedBy(team(directory, me)))
                .orElse(ClientCriterion.all());
    }

    private static Set<EmployeeId> team(EmployeeDirectory directory, EmployeeId me) {
        Set<EmployeeId> members = directory.teamOf(me).stream().map(Employee::id).collect(Collectors.toSet());
        members.add(me);
        return members;
    }
}
