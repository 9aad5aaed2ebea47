package org.crmkit.deal;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** The identity of a pipeline, stable for its whole life. */
public record PipelineId(UUID value) {
    public PipelineId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
