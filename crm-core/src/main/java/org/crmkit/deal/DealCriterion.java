package org.crmkit.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;

/**
 * The conditions on deals: {@code Criterion<DealCriterion>} trees select deals (lists, the access
 * policy, the funnel's filters) and, through {@link #OF_CLIENT} in a {@link ClientCriterion.Having},
 * the clients that have such a deal. The in-memory store evaluates {@link #test}; a database store
 * translates each leaf through the exhaustive {@link Visitor}; every leaf is two-valued (a deal
 * without an expected close date is simply not expected in any period), so NOT means the same in both.
 */
public sealed interface DealCriterion extends Criterion.Leaf<DealCriterion> {

    /** A client's deals, for {@link ClientCriterion.Having}: "clients having a deal matching …". */
    Relation<DealCriterion> OF_CLIENT = new Relation<>("deals", DealCriterion.class);

    boolean test(Deal deal, Related related);

    <R> R accept(Visitor<R> visitor);

    /** Whether the deal satisfies the tree, in memory. */
    static boolean matches(Criterion<DealCriterion> criterion, Deal deal, Related related) {
        return criterion.holds(leaf -> leaf.test(deal, related));
    }

    /** What {@link OfClient} asks of the records around a deal. */
    interface Related extends ClientCriterion.Related {
        Optional<Client> client(ClientId id);
    }

    /** One method per leaf: a translator that forgets one does not compile. */
    interface Visitor<R> {
        R idIn(IdIn criterion);

        R ofClient(OfClient criterion);

        R inPipeline(InPipeline criterion);

        R atStage(AtStage criterion);

        R statusIs(StatusIs criterion);

        R responsibleIn(ResponsibleIn criterion);

        R amountBetween(AmountBetween criterion);

        R expectedCloseBetween(ExpectedCloseBetween criterion);

        R sourceIs(SourceIs criterion);

        R closedBetween(ClosedBetween criterion);
    }

    /** The deal is one of these (none selects nothing). */
    record IdIn(Set<DealId> ids) implements DealCriterion {
        public IdIn {
            ids = Set.copyOf(ValidationException.requiredElements(ids, "ids"));
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return ids.contains(deal.id());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.idIn(this);
        }
    }

    /** The deal's client satisfies the client criterion. */
    record OfClient(Criterion<ClientCriterion> client) implements DealCriterion, org.crmkit.criteria.ClockDependent<DealCriterion> {
        public OfClient {
            ValidationException.required(client, "client");
        }

        /** Depends on the clock when the rule on the client does. */
        @Override
        public boolean dependsOnClock() {
            return Criterion.dependsOnClock(client);
        }

        @Override
        public Criterion<DealCriterion> at(java.time.ZonedDateTime now) {
            ValidationException.required(now, "now");
            return dependsOnClock() ? new OfClient(Criterion.at(client, now)) : this;
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return related.client(deal.client()).filter(c -> ClientCriterion.matches(client, c, related)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ofClient(this);
        }
    }

    /** The deal runs in this pipeline. */
    record InPipeline(PipelineId pipeline) implements DealCriterion {
        public InPipeline {
            ValidationException.required(pipeline, "pipeline");
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return deal.pipeline().equals(pipeline);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inPipeline(this);
        }
    }

    /** The deal stands in one of these stages now. */
    record AtStage(Set<StageId> stages) implements DealCriterion {
        public AtStage {
            stages = Set.copyOf(ValidationException.requiredElements(stages, "stages"));
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return stages.contains(deal.stage());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.atStage(this);
        }
    }

    /** The deal is open, won or lost. */
    record StatusIs(StageKind status) implements DealCriterion {
        public StatusIs {
            ValidationException.required(status, "status");
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return deal.status() == status;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.statusIs(this);
        }
    }

    /** One of these employees is responsible for the deal. */
    record ResponsibleIn(Set<EmployeeId> employees) implements DealCriterion {
        public ResponsibleIn {
            employees = Set.copyOf(ValidationException.requiredElements(employees, "employees"));
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return employees.contains(deal.responsible());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.responsibleIn(this);
        }
    }

    /**
     * The amount is in this currency and between the bounds, both included. Amounts are never
     * compared across currencies: a deal in another currency does not match.
     */
    record AmountBetween(Money from, Money to) implements DealCriterion {
        public AmountBetween {
            ValidationException.required(from, "from");
            ValidationException.required(to, "to");
            if (!from.currency().equals(to.currency())) {
                throw new ValidationException("to", to, "is in another currency than " + from + "; amounts are compared per currency");
            }
            if (from.amount().compareTo(to.amount()) > 0) {
                throw new ValidationException("to", to, "is below " + from);
            }
        }

        public Currency currency() {
            return from.currency();
        }

        @Override
        public boolean test(Deal deal, Related related) {
            BigDecimal amount = deal.amount().amount();
            return deal.amount().currency().equals(currency()) && amount.compareTo(from.amount()) >= 0 && amount.compareTo(to.amount()) <= 0;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.amountBetween(this);
        }
    }

    /** The deal is expected to close between the dates, both included (a deal without a date is not). */
    record ExpectedCloseBetween(LocalDate from, LocalDate to) implements DealCriterion {
        public ExpectedCloseBetween {
            checkPeriod(from, to);
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return deal.expectedClose().filter(d -> !d.isBefore(from) && !d.isAfter(to)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.expectedCloseBetween(this);
        }
    }

    /** The deal came from this source (compared exactly, after the text is cleaned as stored). */
    record SourceIs(String source) implements DealCriterion {
        public SourceIs {
            source = CleanText.require("source", source, Deal.SOURCE_MAX);
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return deal.source().filter(source::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sourceIs(this);
        }
    }

    /** The deal was won (or lost) on a date between the two, both included; {@code outcome} is WON or LOST. */
    record ClosedBetween(StageKind outcome, LocalDate from, LocalDate to) implements DealCriterion {
        public ClosedBetween {
            ValidationException.required(outcome, "outcome");
            if (outcome == StageKind.OPEN) {
                throw new ValidationException("outcome", outcome, "must be WON or LOST");
            }
            checkPeriod(from, to);
        }

        @Override
        public boolean test(Deal deal, Related related) {
            return deal.status() == outcome && deal.closedOn().filter(d -> !d.isBefore(from) && !d.isAfter(to)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.closedBetween(this);
        }
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        ValidationException.required(from, "from");
        ValidationException.required(to, "to");
        if (from.isAfter(to)) {
            throw new ValidationException("to", to, "is before " + from);
        }
    }
}
