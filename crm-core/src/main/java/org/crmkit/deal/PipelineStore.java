package org.crmkit.deal;

import java.util.List;
import java.util.Optional;

/**
 * Stores the pipelines of one tenant with their stages in order: insert at version 1, update only
 * from the stored version (else {@link org.crmkit.common.ConcurrentChangeException}); {@link #all()}
 * by name, then id.
 */
public interface PipelineStore {
    Optional<Pipeline> get(PipelineId id);

    List<Pipeline> all();

    Pipeline insert(Pipeline pipeline);

    Pipeline update(Pipeline pipeline);
}
