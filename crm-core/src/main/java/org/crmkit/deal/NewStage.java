package org.crmkit.deal;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/** A stage to add to a pipeline; the use case gives it its id. */
public record NewStage(String name, int probability, StageKind kind) {
    public NewStage {
        ValidationException.required(kind, "kind");
        name = CleanText.require("stage.name", name, Stage.NAME_MAX);
        if (probability < 0 || probability > 100) {
            throw new ValidationException("stage.probability", probability, "must be between 0 and 100");
        }
    }

    public static NewStage open(String name, int probability) {
        return new NewStage(name, probability, StageKind.OPEN);
    }

    public static NewStage won(String name) {
        return new NewStage(name, 100, StageKind.WON);
    }

    public static NewStage lost(String name) {
        return new NewStage(name, 0, StageKind.LOST);
    }

    Stage withId(StageId id) {
        return new Stage(id, name, probability, kind, false);
    }
}
