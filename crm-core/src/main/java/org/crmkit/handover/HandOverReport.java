package org.crmkit.handover;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.common.ValidationException;
import org.crmkit.common.EmployeeId;

/**
 * What a hand-over moved: per feature, in the order the features ran, how many records
 * ({@link #moved()}), and the ids of the moved records of the features that name them
 * ({@link #ids(HandOver.Key)}: {@code report.ids(Deals.HANDED_OVER)} is a {@code List<DealId>}).
 */
public record HandOverReport(EmployeeId from, EmployeeId to, Map<String, Long> moved, Map<String, List<?>> movedIds) {
    public HandOverReport {
        ValidationException.required(from, "from");
        ValidationException.required(to, "to");
        ValidationException.required(moved, "moved");
        ValidationException.required(movedIds, "movedIds");
        moved = Collections.unmodifiableMap(new LinkedHashMap<>(moved));
        Map<String, List<?>> ids = new LinkedHashMap<>();
        movedIds.forEach((feature, list) -> ids.put(feature, List.copyOf(list)));
        movedIds = Collections.unmodifiableMap(ids);
    }

    /** A report of counts alone (features whose steps do not name what they moved). */
    public HandOverReport(EmployeeId from, EmployeeId to, Map<String, Long> moved) {
        this(from, to, moved, Map.of());
    }

    /** The records moved by all features together. */
    public long total() {
        return moved.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many records of the feature moved (0 for a feature that did not take part). */
    public long count(HandOver.Key<?> feature) {
        ValidationException.required(feature, "feature");
        return moved.getOrDefault(feature.feature(), 0L);
    }

    /** The ids of the feature's moved records, in the order it moved them (none when it names none). */
    public <I> List<I> ids(HandOver.Key<I> feature) {
        ValidationException.required(feature, "feature");
        return movedIds.getOrDefault(feature.feature(), List.of()).stream().map(feature.idType()::cast).toList();
    }
}
