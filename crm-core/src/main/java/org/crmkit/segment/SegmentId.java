package org.crmkit.segment;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** Identifies a saved segment of a tenant. */
public record SegmentId(UUID value) {
    public SegmentId {
        ValidationException.required(value, "segment id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
