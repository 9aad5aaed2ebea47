package org.crmkit.handover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.usecase.CrmContext;

/**
 * When an employee leaves: every feature's open work of theirs moves to a successor, in one unit of
 * work (all of it or nothing). The actor must administer {@value #AREA}; the successor must be
 * another employee, and an active one when the employee directory knows them.
 */
public final class HandOvers {
    /** The administration area an actor needs to run a hand-over. */
    public static final String AREA = "hand-over";

    private final CrmContext context;
    private final List<HandOver> features;

    public HandOvers(CrmContext context, List<HandOver> features) {
        this.context = context;
        this.features = List.copyOf(features);
    }

    public HandOverReport handOver(EmployeeId from, EmployeeId to) {
        if (from == null) {
            throw new ValidationException("from", null, "is required");
        }
        if (to == null) {
            throw new ValidationException("to", null, "is required");
        }
        if (from.equals(to)) {
            throw new ValidationException("to", to, "is the employee who leaves; hand the work to someone else");
        }
        Optional<Employee> successor = context.employees().find(to);
        if (successor.isPresent() && !successor.get().active()) {
            throw new ValidationException("to", to, "no longer works here (inactive in the employee directory)");
        }
        if (successor.isEmpty() && context.employees().find(from).isPresent()) {
            throw new ValidationException("to", to, "is not in the employee directory");
        }
        return context.write(work -> {
            if (!context.access().mayAdminister(work.actor(), AREA)) {
                throw new AccessDeniedException(work.actor().toString(), "hand over the work of " + from);
            }
            Map<String, Long> moved = new LinkedHashMap<>();
            Map<String, List<Object>> ids = new LinkedHashMap<>();
            for (HandOver feature : features) {
                HandOver.Moved step = feature.step().move(work, from, to);
                moved.merge(feature.feature(), step.count(), Long::sum);
                if (!step.ids().isEmpty()) {
                    ids.computeIfAbsent(feature.feature(), f -> new ArrayList<>()).addAll(step.ids());
                }
            }
            return new HandOverReport(from, to, moved, new LinkedHashMap<String, List<?>>(ids));
        });
    }
}
