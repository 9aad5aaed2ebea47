package org.crmkit.deal;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * A stage of a pipeline: its name, the probability (0–100 %) that a deal standing there is won,
 * and its kind. A retired stage stays in its pipeline so that the stage history of deals can name
 * it, but no deal enters it again.
 */
public record Stage(StageId id, String name, int probability, StageKind kind, boolean retired) {
    public static final int NAME_MAX = 100;

    public Stage {
        ValidationException.required(id, "id");
        ValidationException.required(kind, "kind");
        name = CleanText.require("stage.name", name, NAME_MAX);
        if (probability < 0 || probability > 100) {
            throw new ValidationException("stage.probability", probability, "must be between 0 and 100");
        }
    }

    Stage rename(String newName) {
        return new Stage(id, newName, probability, kind, retired);
    }

    Stage retire() {
        return new Stage(id, name, probability, kind, true);
    }

    /** The stage as the journal shows it: {@code Предложение (40%, open)}. */
    String describe() {
        return name + " (" + probability + "%, " + kind.word() + (retired ? ", retired" : "") + ")";
    }
}
