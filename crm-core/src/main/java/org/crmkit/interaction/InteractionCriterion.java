package org.crmkit.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.deal.DealId;

/**
 * The conditions on interactions: {@code Criterion<InteractionCriterion>} trees select
 * interactions (a calendar, a client's history, overdue obligations, an access rule), and, through
 * {@link #OF_CLIENT} in a {@link ClientCriterion.Having}, the clients that have such an
 * interaction ("clients with a meeting this month"). {@link OfClient} goes the other way:
 * interactions with a client that matches a client criterion. Memory evaluates {@link #test}; a
 * database store translates each leaf through the exhaustive {@link Visitor}; the store kit checks
 * that both agree.
 */
public sealed interface InteractionCriterion extends Criterion.Leaf<InteractionCriterion> {

    /** A client's interactions (those it takes part in), for {@link ClientCriterion.Having}. */
    Relation<InteractionCriterion> OF_CLIENT = new Relation<>("interactions", InteractionCriterion.class);

    /** Whether the interaction satisfies this leaf; {@code related} finds the clients for {@link OfClient}. */
    boolean test(Interaction interaction, Related related);

    <R> R accept(Visitor<R> visitor);

    /** Whether the interaction satisfies the tree, in memory. */
    static boolean matches(Criterion<InteractionCriterion> criterion, Interaction interaction, Related related) {
        return criterion.holds(leaf -> leaf.test(interaction, related));
    }

    /** What the leaves on an interaction's clients ask of the records around it. */
    interface Related extends ClientCriterion.Related {
        Optional<Client> client(ClientId id);
    }

    /** One method per leaf: a translator that forgets one does not compile. */
    interface Visitor<R> {
        R idIn(IdIn criterion);

        R ofClient(OfClient criterion);

        R responsibleIn(ResponsibleIn criterion);

        R involves(Involves criterion);

        R authorIs(AuthorIs criterion);

        R kindIn(KindIn criterion);

        R stateIn(StateIn criterion);

        R importanceIs(ImportanceIs criterion);

        R startsIn(StartsIn criterion);

        R startedWithinLastDays(StartedWithinLastDays criterion);

        R overlaps(Overlaps criterion);

        R overdueAt(OverdueAt criterion);

        R subjectContains(SubjectContains criterion);

        R contentContains(ContentContains criterion);

        R forDeal(ForDeal criterion);
    }

    /** The interaction is one of these (none selects nothing). */
    record IdIn(Set<InteractionId> ids) implements InteractionCriterion {
        public IdIn {
            ids = Set.copyOf(ValidationException.requiredElements(ids, "ids"));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return ids.contains(interaction.id());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.idIn(this);
        }
    }

    /** Some client taking part satisfies the client criterion. */
    record OfClient(Criterion<ClientCriterion> client) implements InteractionCriterion, org.crmkit.criteria.ClockDependent<InteractionCriterion> {
        public OfClient {
            ValidationException.required(client, "client");
        }

        /** Depends on the clock when the rule on the client does. */
        @Override
        public boolean dependsOnClock() {
            return Criterion.dependsOnClock(client);
        }

        @Override
        public Criterion<InteractionCriterion> at(java.time.ZonedDateTime now) {
            ValidationException.required(now, "now");
            return dependsOnClock() ? new OfClient(Criterion.at(client, now)) : this;
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.clients().stream()
                    .anyMatch(id -> related.client(id).filter(c -> ClientCriterion.matches(client, c, related)).isPresent());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ofClient(this);
        }
    }

    /** The responsible employee is one of these. */
    record ResponsibleIn(Set<EmployeeId> employees) implements InteractionCriterion {
        public ResponsibleIn {
            employees = Set.copyOf(ValidationException.requiredElements(employees, "employees"));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return employees.contains(interaction.responsible());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.responsibleIn(this);
        }
    }

    /** One of these employees is responsible for it or takes part in it (their calendar). */
    record Involves(Set<EmployeeId> employees) implements InteractionCriterion {
        public Involves {
            employees = Set.copyOf(ValidationException.requiredElements(employees, "employees"));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return employees.stream().anyMatch(interaction::involves);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.involves(this);
        }
    }

    /** This employee recorded it. */
    record AuthorIs(EmployeeId employee) implements InteractionCriterion {
        public AuthorIs {
            ValidationException.required(employee, "employee");
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.author().filter(employee::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.authorIs(this);
        }
    }

    /** Its kind is one of these. */
    record KindIn(Set<InteractionKind> kinds) implements InteractionCriterion {
        public KindIn {
            kinds = Set.copyOf(ValidationException.requiredElements(kinds, "kinds"));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return kinds.contains(interaction.kind());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.kindIn(this);
        }
    }

    /** Its state is one of these ({@link InteractionState#OPEN}: still to be done). */
    record StateIn(Set<InteractionState> states) implements InteractionCriterion {
        public StateIn {
            states = Set.copyOf(ValidationException.requiredElements(states, "states"));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return states.contains(interaction.state());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stateIn(this);
        }
    }

    /** Its importance is this one. */
    record ImportanceIs(Importance importance) implements InteractionCriterion {
        public ImportanceIs {
            ValidationException.required(importance, "importance");
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.importance() == importance;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.importanceIs(this);
        }
    }

    /** It starts within the period ({@link Timing#startsIn}). */
    record StartsIn(CalendarPeriod period) implements InteractionCriterion {
        public StartsIn {
            ValidationException.required(period, "period");
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.timing().startsIn(period);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.startsIn(this);
        }
    }

    /** The largest number of days {@link StartedWithinLastDays} reaches back: about 300 years. */
    int MAX_DAYS = 110_000;

    /**
     * It starts on one of the last {@code days} days or today, in the zone of the moment it is
     * read at: from the start of today minus {@code days} until the start of tomorrow (later today
     * included; 0: today). Relative: {@link #at} reads it at the Crm's clock into a
     * {@link StartsIn} of those fixed instants, which a store binds as parameters; evaluating it
     * unread is an error. {@code not has interaction (started within last 30 days)} is "no
     * interaction for 30 days".
     */
    record StartedWithinLastDays(int days) implements InteractionCriterion, org.crmkit.criteria.ClockDependent<InteractionCriterion> {
        public StartedWithinLastDays {
            if (days < 0 || days > MAX_DAYS) {
                throw new ValidationException("days", days, "must be between 0 and " + MAX_DAYS);
            }
        }

        @Override
        public boolean dependsOnClock() {
            return true;
        }

        @Override
        public Criterion<InteractionCriterion> at(java.time.ZonedDateTime now) {
            ValidationException.required(now, "now");
            java.time.LocalDate today = now.toLocalDate();
            java.time.ZoneId zone = now.getZone();
            return new StartsIn(new CalendarPeriod(today.minusDays(days).atStartOfDay(zone).toInstant(),
                    today.plusDays(1).atStartOfDay(zone).toInstant(), zone));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            throw new org.crmkit.common.CrmException("the relative condition \"started within last " + days
                    + " days\" must be read at a moment first (Criterion.at(rule, now)); the Crm's use cases do it with its clock");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.startedWithinLastDays(this);
        }
    }

    /** It takes place, at least in part, within the period ({@link Timing#overlaps}). */
    record Overlaps(CalendarPeriod period) implements InteractionCriterion {
        public Overlaps {
            ValidationException.required(period, "period");
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.timing().overlaps(period);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.overlaps(this);
        }
    }

    /**
     * It is overdue ({@link Interaction#overdueAt}) at {@code now}, whose day in the tenant's zone is
     * {@code today}.
     */
    record OverdueAt(Instant now, LocalDate today) implements InteractionCriterion {
        public OverdueAt {
            now = ValidationException.required(now, "now").truncatedTo(ChronoUnit.MICROS);
            ValidationException.required(today, "today");
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.overdueAt(now, today);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.overdueAt(this);
        }
    }

    /** The subject contains the fragment, ignoring case and ё/е ({@link CleanText#fold}). */
    record SubjectContains(String fragment) implements InteractionCriterion {
        public SubjectContains {
            fragment = CleanText.fold(CleanText.require("subject", fragment, Interaction.SUBJECT_MAX));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return CleanText.fold(interaction.subject()).contains(fragment);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.subjectContains(this);
        }
    }

    /** The content contains the fragment, ignoring case and ё/е; an item without content does not. */
    record ContentContains(String fragment) implements InteractionCriterion {
        public ContentContains {
            fragment = CleanText.fold(CleanText.require("content", fragment, 1_000));
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.content().filter(c -> CleanText.fold(c).contains(fragment)).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.contentContains(this);
        }
    }

    /** It is based on this deal ({@link Interaction#deal}). */
    record ForDeal(DealId deal) implements InteractionCriterion {
        public ForDeal {
            ValidationException.required(deal, "deal");
        }

        @Override
        public boolean test(Interaction interaction, Related related) {
            return interaction.deal().filter(deal::equals).isPresent();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.forDeal(this);
        }
    }
}
