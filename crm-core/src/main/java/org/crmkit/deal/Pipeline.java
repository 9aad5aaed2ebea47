package org.crmkit.deal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.common.CleanText;
import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;

/**
 * A sales pipeline of the tenant: its stages in order. The order of the active stages is the
 * funnel's order (conversion is computed by it); retired stages keep their place in the list so
 * that old stage histories can still name them.
 *
 * <p>Invariants: stage ids are unique; active stage names are unique (ignoring case); at least one
 * active stage is open, so a new deal always has somewhere to start. Verbs return a changed copy at
 * the same version; the store saves it only from that version.
 */
public record Pipeline(PipelineId id, String name, List<Stage> stages, long version) {
    public static final int NAME_MAX = 100;

    public Pipeline {
        ValidationException.required(id, "id");
        name = CleanText.require("pipeline.name", name, NAME_MAX);
        stages = ValidationException.requiredElements(stages, "stages");
        Set<StageId> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Stage stage : stages) {
            if (!ids.add(stage.id())) {
                throw new ValidationException("stages", stage.id(), "is listed twice");
            }
            if (!stage.retired() && !names.add(CleanText.fold(stage.name()))) {
                throw new ValidationException("stage.name", stage.name(), "is already a stage of pipeline " + name);
            }
        }
        if (stages.stream().noneMatch(s -> !s.retired() && s.kind() == StageKind.OPEN)) {
            throw new ValidationException("stages", name, "needs at least one open stage a deal can start in");
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    /** The stages deals can be in now, in the funnel's order. */
    public List<Stage> activeStages() {
        return stages.stream().filter(s -> !s.retired()).collect(Collectors.toUnmodifiableList());
    }

    /** The stage, retired or not. */
    public Optional<Stage> stage(StageId stage) {
        ValidationException.required(stage, "stage");
        return stages.stream().filter(s -> s.id().equals(stage)).findFirst();
    }

    /**
     * The active stage a deal may enter; a stage of another pipeline or a retired one is refused
     * naming {@code field} and the stage.
     */
    Stage enterable(StageId stage, String field) {
        ValidationException.required(stage, field);
        Stage found = stage(stage).orElseThrow(() -> new ValidationException(field, stage, "is not a stage of pipeline " + name + " (" + id + ")"));
        if (found.retired()) {
            throw new ValidationException(field, stage, "is retired (stage " + found.name() + " of pipeline " + name + ")");
        }
        return found;
    }

    /** The first active open stage: where a new deal starts unless told otherwise. */
    public Stage firstOpenStage() {
        return activeStages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst()
                .orElseThrow(() -> new CrmException("pipeline " + id + " has no open stage"));
    }

    public Pipeline rename(String newName) {
        return new Pipeline(id, newName, stages, version);
    }

    /** Adds a stage at {@code position} among the active stages (0 first; their count: last). */
    public Pipeline addStage(Stage stage, int position) {
        ValidationException.required(stage, "stage");
        List<Stage> active = new ArrayList<>(activeStages());
        if (position < 0 || position > active.size()) {
            throw new ValidationException("position", position, "must be between 0 and " + active.size());
        }
        active.add(position, stage);
        return withOrder(active);
    }

    public Pipeline renameStage(StageId stage, String newName) {
        Stage found = enterable(stage, "stage");
        return replaced(found.rename(newName));
    }

    /** Puts the active stages in this order: every active stage once, nothing else. */
    public Pipeline reorder(List<StageId> order) {
        List<StageId> given = ValidationException.requiredElements(order, "order");
        List<Stage> active = activeStages();
        Set<StageId> activeIds = active.stream().map(Stage::id).collect(Collectors.toSet());
        if (given.size() != active.size() || !activeIds.equals(new HashSet<>(given))) {
            throw new ValidationException("order", given, "must name each active stage of pipeline " + name + " once");
        }
        List<Stage> ordered = new ArrayList<>();
        given.forEach(s -> ordered.add(stage(s).orElseThrow()));
        return withOrder(ordered);
    }

    /** Retires a stage; the use case moves its open deals first (see {@link Pipelines#retireStage}). */
    public Pipeline retireStage(StageId stage) {
        return replaced(enterable(stage, "stage").retire());
    }

    private Pipeline replaced(Stage changed) {
        return new Pipeline(id, name, stages.stream().map(s -> s.id().equals(changed.id()) ? changed : s).collect(Collectors.toList()), version);
    }

    /** The active stages in the given order, the retired ones after them as they were. */
    private Pipeline withOrder(List<Stage> active) {
        List<Stage> all = new ArrayList<>(active);
        stages.stream().filter(Stage::retired).forEach(all::add);
        return new Pipeline(id, name, all, version);
    }

    public Pipeline withVersion(long storedVersion) {
        return new Pipeline(id, name, stages, storedVersion);
    }

    /** The stages as the journal shows them, in order: {@code Квалификация (10%, open) › Предложение (40%, open)}. */
    String describeStages() {
        return stages.stream().map(Stage::describe).collect(Collectors.joining(" › "));
    }
}
