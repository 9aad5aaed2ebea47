package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.deal.Pipeline;
import org.crmkit.deal.PipelineId;
import org.crmkit.deal.PipelineStore;
import org.crmkit.deal.Pipelines;
import org.crmkit.deal.Stage;
import org.crmkit.deal.StageId;
import org.crmkit.deal.StageKind;

/**
 * Pipelines in {@code crm_pipeline} and their stages in {@code crm_pipeline_stage} by position. An
 * update first moves the pipeline row from the read version to the next (locking it), then
 * rewrites its stage rows.
 */
final class JpaPipelineStore implements PipelineStore {
    private final JpaStores u;

    JpaPipelineStore(JpaStores unit) {
        this.u = unit;
    }

    /** A pipeline row before its stages are attached. */
    private record Head(UUID id, String name, long version) {
    }

    /** A stage row. */
    private record StageRow(UUID pipeline, int position, Stage stage) {
    }

    @Override
    public Optional<Pipeline> get(PipelineId id) {
        u.checkOpen();
        return read(" AND id = ?2", " AND pipeline_id = ?2", List.of(u.tenant, id.value())).stream().findFirst();
    }

    @Override
    public List<Pipeline> all() {
        u.checkOpen();
        return read("", "", List.of(u.tenant)).stream().sorted(Pipelines.BY_NAME).collect(Collectors.toList());
    }

    private List<Pipeline> read(String headWhere, String stageWhere, List<Object> parameters) {
        List<Head> heads = u.select(new JpaStores.Select("SELECT id, name, version FROM crm_pipeline WHERE tenant_id = ?1" + headWhere,
                parameters), rs -> new Head(rs.getObject("id", UUID.class), rs.getString("name"), rs.getLong("version")));
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Stage>> stages = new LinkedHashMap<>();
        u.select(new JpaStores.Select("SELECT * FROM crm_pipeline_stage WHERE tenant_id = ?1" + stageWhere
                + " ORDER BY pipeline_id, position", parameters), JpaPipelineStore::stage)
                .forEach(r -> stages.computeIfAbsent(r.pipeline(), k -> new ArrayList<>()).add(r.stage()));
        return heads.stream().map(h -> new Pipeline(new PipelineId(h.id()), h.name(), stages.getOrDefault(h.id(), List.of()), h.version()))
                .collect(Collectors.toList());
    }

    private static StageRow stage(ResultSet rs) throws SQLException {
        return new StageRow(rs.getObject("pipeline_id", UUID.class), rs.getInt("position"), new Stage(new StageId(rs.getObject("id", UUID.class)),
                rs.getString("name"), rs.getInt("probability"), StageKind.valueOf(rs.getString("kind")), rs.getBoolean("retired")));
    }

    @Override
    public Pipeline insert(Pipeline pipeline) {
        u.writing();
        DealJdbc.execute(u, "INSERT INTO crm_pipeline (tenant_id, id, name, version) VALUES (?, ?, ?, 1)", u.tenant, pipeline.id().value(),
                pipeline.name());
        writeStages(pipeline);
        return pipeline.withVersion(1);
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        u.writing();
        long next = pipeline.version() + 1;
        DealJdbc.updateVersioned(u, "pipeline", pipeline.id(), pipeline.version(),
                "UPDATE crm_pipeline SET name = ?, version = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                pipeline.name(), next, u.tenant, pipeline.id().value(), pipeline.version());
        DealJdbc.execute(u, "DELETE FROM crm_pipeline_stage WHERE tenant_id = ? AND pipeline_id = ?", u.tenant, pipeline.id().value());
        writeStages(pipeline);
        return pipeline.withVersion(next);
    }

    private void writeStages(Pipeline pipeline) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < pipeline.stages().size(); i++) {
            Stage s = pipeline.stages().get(i);
            rows.add(new Object[] {u.tenant, pipeline.id().value(), i, s.id().value(), s.name(), s.probability(), s.kind().name(), s.retired()});
        }
        DealJdbc.batch(u, "INSERT INTO crm_pipeline_stage (tenant_id, pipeline_id, position, id, name, probability, kind, retired)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
}
