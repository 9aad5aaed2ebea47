package org.crmkit.memory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.deal.Pipeline;
import org.crmkit.deal.PipelineId;
import org.crmkit.deal.PipelineStore;
import org.crmkit.deal.Pipelines;

/** Pipelines in a tenant's map. */
final class MemoryPipelineStore implements PipelineStore {
    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryPipelineStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Optional<Pipeline> get(PipelineId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.pipelines.get(id));
    }

    @Override
    public List<Pipeline> all() {
        unit.checkOpen();
        return data.pipelines.values().stream().sorted(Pipelines.BY_NAME).collect(Collectors.toList());
    }

    @Override
    public Pipeline insert(Pipeline pipeline) {
        return unit.insertNew(data.pipelines, pipeline.id(), pipeline.withVersion(1), "id", pipeline.id());
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        return unit.replaceVersioned(data.pipelines, pipeline.id(), pipeline.version(), Pipeline::version,
                pipeline.withVersion(pipeline.version() + 1), "pipeline");
    }
}
