package org.crmkit.deal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The tenant's sales pipelines and lost reasons, administered like the schema: a change asks the
 * policy's {@code mayAdminister(actor, "pipeline")} (or {@code "lost-reason"}), is journaled field
 * by field under the subject {@code pipeline:<id>} ({@code lost-reason:<key>}) and fed. Stages are
 * added, renamed and reordered; a stage is retired only by naming the open stage its open deals
 * move to, and they move in the same unit of work, each move journaled, fed and written into the
 * deal's stage history.
 */
public final class Pipelines {
    /** The record kind of pipelines in the feed, and their administration area. */
    public static final String KIND = "pipeline";
    /** The record kind of lost reasons in the feed, and their administration area. */
    public static final String LOST_REASON = "lost-reason";

    private final CrmContext context;

    public Pipelines(CrmContext context) {
        this.context = context;
    }

    /** A new pipeline with its stages in order (at least one open). */
    public Pipeline create(String name, List<NewStage> stages) {
        List<NewStage> given = ValidationException.requiredElements(stages, "stages");
        return administer(KIND, work -> {
            List<Stage> made = new ArrayList<>();
            given.forEach(s -> made.add(s.withId(new StageId(work.newId()))));
            Pipeline created = work.store(PipelineStore.class).insert(new Pipeline(new PipelineId(work.newId()), name, made, 0));
            work.administered(KIND, created.id(), "created", Map.of(), view(created));
            return created;
        });
    }

    public Pipeline rename(PipelineId id, String name) {
        return change(id, "renamed", p -> p.rename(name));
    }

    /** Adds a stage at {@code position} among the active stages (0: first). */
    public Pipeline addStage(PipelineId id, NewStage stage, int position) {
        ValidationException.required(stage, "stage");
        return context.write(work -> {
            requireAdministration(work, KIND);
            Pipeline before = require(work, id, "pipeline");
            return saved(work, before, before.addStage(stage.withId(new StageId(work.newId())), position), "stage-added");
        });
    }

    public Pipeline renameStage(PipelineId id, StageId stage, String name) {
        ValidationException.required(stage, "stage");
        return change(id, "stage-renamed", p -> p.renameStage(stage, name));
    }

    /** Puts the active stages in a new order; conversion is computed by the current order. */
    public Pipeline reorderStages(PipelineId id, List<StageId> order) {
        ValidationException.requiredElements(order, "order");
        return change(id, "reordered", p -> p.reorder(order));
    }

    /**
     * Retires a stage: its open deals first move to {@code destination}, an active open stage of the
     * same pipeline (each move journaled, fed and in the deal's stage history); then no deal enters
     * the stage again. Won and lost deals in it stay there.
     */
    public Pipeline retireStage(PipelineId id, StageId stage, StageId destination) {
        ValidationException.required(stage, "stage");
        if (destination == null) {
            throw new ValidationException("destination", null, "is required: name the open stage the retired stage's open deals move to");
        }
        return context.write(work -> {
            requireAdministration(work, KIND);
            Pipeline before = require(work, id, "pipeline");
            Stage retired = before.enterable(stage, "stage");
            Stage target = before.enterable(destination, "destination");
            if (target.id().equals(retired.id()) || target.kind() != StageKind.OPEN) {
                throw new ValidationException("destination", destination, "must be another open stage of pipeline " + before.name());
            }
            Criterion<DealCriterion> open = Criterion.and(new DealCriterion.InPipeline(id),
                    new DealCriterion.AtStage(java.util.Set.of(stage)), new DealCriterion.StatusIs(StageKind.OPEN));
            Deals.eachPage(work, open, page -> page.forEach(deal ->
                    Deals.stored(work, deal, deal.moveTo(before, destination, work.actor().name(), work.now()), "moved")));
            return saved(work, before, before.retireStage(stage), "stage-retired");
        });
    }

    /** All pipelines, by name, then id. */
    public List<Pipeline> all() {
        return context.read(work -> work.store(PipelineStore.class).all());
    }

    public Pipeline get(PipelineId id) {
        ValidationException.required(id, "id");
        return context.read(work -> work.store(PipelineStore.class).get(id).orElseThrow(() -> new NotFoundException("pipeline", id)));
    }

    /** The pipeline's journal, oldest first. */
    public List<AuditEntry> history(PipelineId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            require(work, id, "id");
            return work.store(AuditStore.class).ofSubject(AuditEntry.subject(KIND, id));
        });
    }

    /** The tenant's lost reasons, retired ones included, by key. */
    public List<LostReason> lostReasons() {
        return context.read(work -> work.store(LostReasonStore.class).all());
    }

    public LostReason addLostReason(String key, String name) {
        ValidationException.required(key, "lostReason");
        LostReason draft = new LostReason(LostReasonId.of(key), name, false, 0);
        LostReasonId id = draft.id();
        return administer(LOST_REASON, work -> {
            if (reason(work, id).isPresent()) {
                throw new DuplicateException("lostReason", key);
            }
            LostReason added = work.store(LostReasonStore.class).insert(draft);
            work.administered(LOST_REASON, id, "added", Map.of(), view(added));
            return added;
        });
    }

    public LostReason renameLostReason(LostReasonId id, String name) {
        return changeReason(id, "renamed", r -> r.rename(name));
    }

    /** Retires a lost reason: deals lost for it keep it; new losses cannot name it. */
    public LostReason retireLostReason(LostReasonId id) {
        return changeReason(id, "retired", LostReason::retire);
    }

    private LostReason changeReason(LostReasonId id, String change, Function<LostReason, LostReason> verb) {
        ValidationException.required(id, "lostReason");
        return administer(LOST_REASON, work -> {
            LostReason before = reason(work, id).orElseThrow(() -> new ValidationException("lostReason", id, "is not a lost reason"));
            LostReason after = work.store(LostReasonStore.class).update(verb.apply(before));
            work.administered(LOST_REASON, id, change, view(before), view(after));
            return after;
        });
    }

    private Pipeline change(PipelineId id, String change, Function<Pipeline, Pipeline> verb) {
        return context.write(work -> {
            requireAdministration(work, KIND);
            Pipeline before = require(work, id, "pipeline");
            return saved(work, before, verb.apply(before), change);
        });
    }

    private static Pipeline saved(UnitOfWork work, Pipeline before, Pipeline after, String change) {
        Pipeline stored = work.store(PipelineStore.class).update(after);
        work.administered(KIND, stored.id(), change, view(before), view(stored));
        return stored;
    }

    private <T> T administer(String area, Function<UnitOfWork, T> change) {
        return context.write(work -> {
            requireAdministration(work, area);
            return change.apply(work);
        });
    }

    private static void requireAdministration(UnitOfWork work, String area) {
        if (!work.context().access().mayAdminister(work.actor(), area)) {
            throw new AccessDeniedException(work.actor().toString(), "change the " + area + " schema");
        }
    }

    private static Map<String, String> view(Pipeline pipeline) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("name", pipeline.name());
        view.put("stages", pipeline.describeStages());
        return view;
    }

    private static Map<String, String> view(LostReason reason) {
        return Map.of("name", reason.name(), "retired", String.valueOf(reason.retired()));
    }

    /** The pipeline, or a {@link ValidationException} naming {@code field} when the tenant has none of that id. */
    static Pipeline require(UnitOfWork work, PipelineId id, String field) {
        ValidationException.required(id, field);
        return work.store(PipelineStore.class).get(id).orElseThrow(() -> new ValidationException(field, id, "is not a pipeline of this tenant"));
    }

    private static Optional<LostReason> reason(UnitOfWork work, LostReasonId id) {
        return work.store(LostReasonStore.class).all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** A reason of the tenant's list that is not retired; otherwise a {@link ValidationException} naming {@code lostReason}. */
    static LostReason requireUsableReason(UnitOfWork work, LostReasonId id) {
        LostReason reason = reason(work, id).orElseThrow(() -> new ValidationException("lostReason", id, "is not a lost reason of the tenant's list"));
        if (reason.retired()) {
            throw new ValidationException("lostReason", id, "is retired (" + reason.name() + ")");
        }
        return reason;
    }

    /** Pipelines listed by name, then id. */
    public static final Comparator<Pipeline> BY_NAME = Comparator.comparing(Pipeline::name, org.crmkit.common.SortOrder.TEXT)
            .thenComparing(p -> p.id().value(), org.crmkit.common.SortOrder.UUIDS);
}
