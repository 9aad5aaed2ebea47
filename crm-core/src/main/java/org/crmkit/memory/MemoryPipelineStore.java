package org.crmkit.memory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.common.DuplicateException;
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
        unit.writing();
        if (data.pipelines.containsKey(pipeline.id())) {
            throw new DuplicateException("id", pipeline.id());
        }
        Pipeline stored = pipeline.withVersion(1);
        unit.put(data.pipelines, pipeline.id(), stored);
        return stored;
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        unit.writing();
        Pipeline current = data.pipelines.get(pipeline.id());
        MemoryUnit.checkVersion("pipeline", pipeline.id(), current == null ? -1 : current.version(), pipeline.version());
        Pipeline stored = pipeline.withVersion(pipeline.version() + 1);
        unit.put(data.pipelines, pipeline.id(), stored);
        return stored;
    }
}
