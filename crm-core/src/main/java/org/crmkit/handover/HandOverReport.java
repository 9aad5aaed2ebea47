package org.crmkit.handover;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crmkit.common.ValidationException;
import org.crmkit.common.EmployeeId;

/** What a hand-over moved: per feature, in the order the features ran, how many records. */
public record HandOverReport(EmployeeId from, EmployeeId to, Map<String, Long> moved) {
    public HandOverReport {
        ValidationException.required(from, "from");
        ValidationException.required(to, "to");
        moved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(moved));
    }

    /** The records moved by all features together. */
    public long total() {
        return moved.values().stream().mapToLong(Long::longValue).sum();
    }
}
