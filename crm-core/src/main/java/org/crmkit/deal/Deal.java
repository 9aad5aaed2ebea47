package org.crmkit.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.CleanText;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * A deal (aggregate root): a sale to one client, moving through the stages of one pipeline.
 *
 * <p>Immutable: every verb returns the changed deal at the same version, and a store saves it only
 * from that version. Invariants: the stage history is never empty, each stay but the last was left
 * when the next was entered, and the last one is the current stage; {@code status} is the kind of
 * the current stage as it was entered; a won or lost deal has the date it was closed, a lost one
 * its reason, an open one neither. Stage moves go through the verbs that check them against the
 * {@link Pipeline} ({@link #moveTo}, {@link #win}, {@link #lose}, {@link #reopen}); the other
 * fields through {@link #retitle}, {@link #reprice}, {@link #expectClose}, {@link #assign},
 * {@link #withContact} and {@link #withSource} ({@code null} clears the optional ones). An open
 * deal's current stage may have a deadline ({@link #planStageDeadline}, {@link #moveTo(Pipeline,
 * StageId, Instant, String, Instant)}); entering another stage leaves it in the history with the
 * stay it belonged to, and the new stage has none until one is planned; a won or lost deal has none. That the
 * contact person belongs to the client is checked by the use case, which can read both.
 *
 * @param number the tenant's running number of the deal, from 1, never reused
 * @param status the kind of the current stage: open, won or lost
 * @param version 0 for a deal never stored; the store increments it on every save
 */
public record Deal(DealId id, long number, ClientId client, Optional<ContactPersonId> contactPerson, String title, Money amount,
                   Optional<LocalDate> expectedClose, EmployeeId responsible, Optional<String> source, PipelineId pipeline,
                   StageId stage, StageKind status, List<StageVisit> history, Optional<LocalDate> closedOn,
                   Optional<LostReasonId> lostReason, long version) {

    public static final int TITLE_MAX = 250;
    public static final int SOURCE_MAX = 100;

    public Deal {
        ValidationException.required(id, "id");
        ValidationException.required(client, "client");
        ValidationException.required(contactPerson, "contactPerson");
        ValidationException.required(amount, "amount");
        ValidationException.required(expectedClose, "expectedClose");
        ValidationException.required(responsible, "responsible");
        ValidationException.required(source, "source");
        ValidationException.required(pipeline, "pipeline");
        ValidationException.required(stage, "stage");
        ValidationException.required(status, "status");
        ValidationException.required(closedOn, "closedOn");
        ValidationException.required(lostReason, "lostReason");
        title = CleanText.require("title", title, TITLE_MAX);
        source = source.flatMap(s -> CleanText.optional("source", s, SOURCE_MAX));
        history = ValidationException.requiredElements(history, "history");
        if (number < 1) {
            throw new ValidationException("number", number, "must be positive");
        }
        if (history.isEmpty() || !history.get(history.size() - 1).open() || !history.get(history.size() - 1).stage().equals(stage)) {
            throw new ValidationException("history", stage, "must end with the stay in the current stage, not yet left");
        }
        for (int i = 0; i + 1 < history.size(); i++) {
            if (!history.get(i).left().equals(Optional.of(history.get(i + 1).entered()))) {
                throw new ValidationException("history[" + i + "]", history.get(i).stage(), "must be left when the next stage is entered");
            }
        }
        if ((status != StageKind.OPEN) != closedOn.isPresent()) {
            throw new ValidationException("closedOn", closedOn.orElse(null), "is given exactly when the deal is won or lost");
        }
        if (status != StageKind.OPEN && history.get(history.size() - 1).deadline().isPresent()) {
            throw new ValidationException("stageDeadline", history.get(history.size() - 1).deadline().get(),
                    "is given only while the deal is open");
        }
        if ((status == StageKind.LOST) != lostReason.isPresent()) {
            throw new ValidationException("lostReason", lostReason.orElse(null), "is given exactly when the deal is lost");
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    /** A new deal (version 0) in an open stage of the pipeline, entered now by {@code by}. */
    public static Deal open(DealId id, long number, ClientId client, String title, Money amount, EmployeeId responsible,
                            Pipeline pipeline, StageId stage, String by, Instant at) {
        ValidationException.required(pipeline, "pipeline");
        Stage start = pipeline.enterable(stage, "stage");
        requireKind(start, StageKind.OPEN, "a deal starts in an open stage");
        return new Deal(id, number, client, Optional.empty(), title, amount, Optional.empty(), responsible, Optional.empty(),
                pipeline.id(), start.id(), StageKind.OPEN, List.of(StageVisit.entering(start.id(), at, by)), Optional.empty(),
                Optional.empty(), 0);
    }

    /** Moves an open deal to another open stage of its pipeline; the same stage changes nothing. */
    public Deal moveTo(Pipeline in, StageId target, String by, Instant at) {
        Stage next = target(in, target, by, at);
        requireOpen("move");
        requireKind(next, StageKind.OPEN, "win or lose the deal to move it into a closing stage");
        return next.id().equals(stage) ? this : enter(next, Optional.empty(), Optional.empty(), by, at);
    }

    /**
     * Moves an open deal to an open stage of its pipeline, which is due by {@code deadline} (the same
     * stage: its deadline is replaced).
     */
    public Deal moveTo(Pipeline in, StageId target, Instant deadline, String by, Instant at) {
        ValidationException.required(deadline, "stageDeadline");
        return moveTo(in, target, by, at).planStageDeadline(deadline);
    }

    /** The deadline of the current stage, if one was planned since the deal entered it. */
    public Optional<Instant> stageDeadline() {
        return history.get(history.size() - 1).deadline();
    }

    /** The current stage is due by {@code deadline} (replacing an earlier one); only an open deal's. */
    public Deal planStageDeadline(Instant deadline) {
        ValidationException.required(deadline, "stageDeadline");
        if (status != StageKind.OPEN) {
            throw new ValidationException("stageDeadline", deadline, "deal " + number + " is " + status.word()
                    + "; only an open deal's stage has a deadline (reopen it first)");
        }
        return withCurrentDeadline(Optional.of(deadline));
    }

    /** The current stage no longer has a deadline. */
    public Deal dropStageDeadline() {
        return withCurrentDeadline(Optional.empty());
    }

    private Deal withCurrentDeadline(Optional<Instant> deadline) {
        List<StageVisit> visits = new ArrayList<>(history);
        visits.add(visits.remove(visits.size() - 1).due(deadline));
        return new Deal(id, number, client, contactPerson, title, amount, expectedClose, responsible, source, pipeline, stage, status,
                visits, closedOn, lostReason, version);
    }

    /** Wins an open deal: into a won stage of its own pipeline, on a date. */
    public Deal win(Pipeline in, StageId target, LocalDate on, String by, Instant at) {
        Stage next = target(in, target, by, at);
        requireOpen("win");
        requireKind(next, StageKind.WON, "a deal is won only into a won stage");
        return enter(next, Optional.of(ValidationException.required(on, "closedOn")), Optional.empty(), by, at);
    }

    /** Loses an open deal: into a lost stage of its own pipeline, for a reason, on a date. */
    public Deal lose(Pipeline in, StageId target, LostReasonId reason, LocalDate on, String by, Instant at) {
        Stage next = target(in, target, by, at);
        requireOpen("lose");
        requireKind(next, StageKind.LOST, "a deal is lost only into a lost stage");
        return enter(next, Optional.of(ValidationException.required(on, "closedOn")),
                Optional.of(ValidationException.required(reason, "lostReason")), by, at);
    }

    /** Reopens a won or lost deal into an open stage of its pipeline; its close date and reason go. */
    public Deal reopen(Pipeline in, StageId target, String by, Instant at) {
        Stage next = target(in, target, by, at);
        if (status == StageKind.OPEN) {
            throw new ValidationException("status", status.word(), "deal " + number + " is open already; only a won or lost deal is reopened");
        }
        requireKind(next, StageKind.OPEN, "a deal is reopened into an open stage");
        return enter(next, Optional.empty(), Optional.empty(), by, at);
    }

    public Deal retitle(String newTitle) {
        return with(newTitle, amount, expectedClose, responsible, contactPerson, source);
    }

    /** A new amount, maybe in another currency. */
    public Deal reprice(Money newAmount) {
        return with(title, ValidationException.required(newAmount, "amount"), expectedClose, responsible, contactPerson, source);
    }

    /** The date the deal is expected to close; {@code null} for none. */
    public Deal expectClose(LocalDate date) {
        return with(title, amount, Optional.ofNullable(date), responsible, contactPerson, source);
    }

    /** Another responsible employee. */
    public Deal assign(EmployeeId employee) {
        return with(title, amount, expectedClose, ValidationException.required(employee, "responsible"), contactPerson, source);
    }

    /** The client's contact person the deal is with; {@code null} for none. */
    public Deal withContact(ContactPersonId person) {
        return with(title, amount, expectedClose, responsible, Optional.ofNullable(person), source);
    }

    /** Where the deal came from (a campaign, a web form, a referral); {@code null} for not known. */
    public Deal withSource(String newSource) {
        return with(title, amount, expectedClose, responsible, contactPerson, Optional.ofNullable(newSource));
    }

    public Deal withVersion(long storedVersion) {
        return new Deal(id, number, client, contactPerson, title, amount, expectedClose, responsible, source, pipeline, stage, status,
                history, closedOn, lostReason, storedVersion);
    }

    /** Whether the deal stands where it stood in {@code other}: same stage, status, history, close date and reason. */
    public boolean sameStanding(Deal other) {
        ValidationException.required(other, "other");
        return stage.equals(other.stage) && status == other.status && history.equals(other.history) && closedOn.equals(other.closedOn)
                && lostReason.equals(other.lostReason) && pipeline.equals(other.pipeline);
    }

    private Deal with(String newTitle, Money newAmount, Optional<LocalDate> newClose, EmployeeId newResponsible,
                      Optional<ContactPersonId> newContact, Optional<String> newSource) {
        return new Deal(id, number, client, newContact, newTitle, newAmount, newClose, newResponsible, newSource, pipeline, stage, status,
                history, closedOn, lostReason, version);
    }

    private Stage target(Pipeline in, StageId target, String by, Instant at) {
        ValidationException.required(in, "pipeline");
        ValidationException.required(by, "by");
        ValidationException.required(at, "at");
        if (!in.id().equals(pipeline)) {
            throw new ValidationException("pipeline", in.id(), "is not the pipeline of deal " + number + " (" + pipeline + ")");
        }
        return in.enterable(target, "stage");
    }

    private void requireOpen(String verb) {
        if (status != StageKind.OPEN) {
            throw new ValidationException("status", status.word(), "deal " + number + " is closed; reopen it before you " + verb + " it");
        }
    }

    private static void requireKind(Stage stage, StageKind kind, String rule) {
        if (stage.kind() != kind) {
            throw new ValidationException("stage", stage.id(), "is a " + stage.kind().word() + " stage (" + stage.name() + "); " + rule);
        }
    }

    private Deal enter(Stage next, Optional<LocalDate> closed, Optional<LostReasonId> reason, String by, Instant at) {
        List<StageVisit> visits = new ArrayList<>(history);
        StageVisit last = visits.remove(visits.size() - 1);
        visits.add(last.leaving(at, by));
        visits.add(StageVisit.entering(next.id(), at, by));
        return new Deal(id, number, client, contactPerson, title, amount, expectedClose, responsible, source, pipeline, next.id(),
                next.kind(), visits, closed, reason, version);
    }
}
