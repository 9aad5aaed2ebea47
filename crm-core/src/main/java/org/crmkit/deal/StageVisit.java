package org.crmkit.deal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * One stay of a deal in a stage: entered at an instant by someone (the journal's actor name), left
 * at a later one by someone, or not yet left; with the deadline the stay had, if any (the last
 * one set while the deal was in the stage: a history of how long each stage was given). Instants
 * are kept to the microsecond, as the databases store them.
 */
public record StageVisit(StageId stage, Instant entered, String enteredBy, Optional<Instant> left, Optional<String> leftBy,
                         Optional<Instant> deadline) {
    public StageVisit {
        deadline = ValidationException.required(deadline, "deadline").map(t -> t.truncatedTo(ChronoUnit.MICROS));
        ValidationException.required(stage, "stage");
        entered = ValidationException.required(entered, "entered").truncatedTo(ChronoUnit.MICROS);
        enteredBy = CleanText.require("enteredBy", enteredBy, 128);
        left = ValidationException.required(left, "left").map(t -> t.truncatedTo(ChronoUnit.MICROS));
        leftBy = ValidationException.required(leftBy, "leftBy").map(b -> CleanText.require("leftBy", b, 128));
        if (left.isPresent() != leftBy.isPresent()) {
            throw new ValidationException("leftBy", leftBy.orElse(null), "is given exactly when the stage was left");
        }
        if (left.isPresent() && left.get().isBefore(entered)) {
            throw new ValidationException("left", left.get(), "is before the stage was entered (" + entered + ")");
        }
    }

    /** A stay without a deadline. */
    public StageVisit(StageId stage, Instant entered, String enteredBy, Optional<Instant> left, Optional<String> leftBy) {
        this(stage, entered, enteredBy, left, leftBy, Optional.empty());
    }

    static StageVisit entering(StageId stage, Instant at, String by) {
        return new StageVisit(stage, at, by, Optional.empty(), Optional.empty());
    }

    StageVisit leaving(Instant at, String by) {
        return new StageVisit(stage, entered, enteredBy, Optional.of(ValidationException.required(at, "at")),
                Optional.of(ValidationException.required(by, "by")), deadline);
    }

    StageVisit due(Optional<Instant> newDeadline) {
        return new StageVisit(stage, entered, enteredBy, left, leftBy, newDeadline);
    }

    public boolean open() {
        return left.isEmpty();
    }
}
