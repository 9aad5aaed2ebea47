package org.crmkit.mailing.recipient;

import java.util.Map;

import org.crmkit.common.ValidationException;

/** What a resolution gave: how many recipients, how many exclusions per reason, in how many pages of clients. */
public record Resolution(long recipients, Map<ExclusionReason, Long> exclusions, long clients, int pages) {
    public Resolution {
        exclusions = Map.copyOf(ValidationException.required(exclusions, "exclusions"));
    }

    public long excluded(ExclusionReason reason) {
        return exclusions.getOrDefault(ValidationException.required(reason, "reason"), 0L);
    }
}
