package org.crmkit.interaction;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.crmkit.client.ClientCriterion;
import org.crmkit.criteria.Criterion;

/**
 * Stores the interactions of one tenant, inside the unit of work that handed it out.
 *
 * <p>Contract (checked by the store kit on every storage): {@link #insert} stores at version 1 (an
 * id or a number already stored: {@link org.crmkit.common.DuplicateException}); {@link #update}
 * only from the stored version, else {@link org.crmkit.common.ConcurrentChangeException} and
 * nothing written; {@link #find}, {@link #count} and {@link #findAfter} answer a criterion exactly
 * as {@link InteractionCriterion#matches} would, in one statement for a database, in the orders of
 * {@link InteractionQuery.Order}. A client's history, an employee's calendar and overdue obligations
 * are queries ({@link InteractionQuery#history}, {@link InteractionQuery#calendar},
 * {@link InteractionQuery#overdue}). The two reports' rows ({@link #analysis},
 * {@link #withoutInteractions}) come from one statement each for a database, and are the same on
 * every store (the kit compares them); they leave series out, since a series counts by its
 * occurrences, which the use case expands from {@link #series}.
 *
 * <p>Series: a recurring interaction is stored once ({@link Interaction#recurrence()}); what one of
 * its occurrences has of its own is an {@link OccurrenceOverride}, stored apart and versioned on
 * its own. {@link #series} reads the series that may reach into a period with their overrides (one
 * statement for a database); the expansion is the use case's, in Java.
 */
public interface InteractionStore {
    Optional<Interaction> get(InteractionId id);

    List<Interaction> find(InteractionQuery query);

    long count(Criterion<InteractionCriterion> where);

    /**
     * Keyset paging by id ({@link org.crmkit.common.SortOrder#UUIDS}): up to {@code limit}
     * interactions matching {@code where} whose id comes after {@code after} (none: from the first).
     */
    List<Interaction> findAfter(Criterion<InteractionCriterion> where, Optional<InteractionId> after, int limit);

    /** Stores a new interaction (version 0); returns it at version 1. */
    Interaction insert(Interaction interaction);

    /** Stores a changed interaction read at {@code interaction.version()}; returns it at the next version. */
    Interaction update(Interaction interaction);

    /**
     * Reserves {@code count} consecutive interaction numbers of this tenant and returns the first.
     * A number is never handed out twice, even when the unit of work rolls back.
     */
    long reserveNumbers(int count);

    /**
     * The rows of {@link InteractionAnalysis} for single interactions: for each interaction that
     * does not recur and matches {@code interactions},
     * one row per distinct client taking part that matches {@code clients}, or one row without a
     * client when none does; in no particular order.
     */
    List<AnalysisRow> analysis(Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients);

    /**
     * The rows of {@link AnalysisSummary}: the rows {@link #analysis} would list, counted per
     * responsible employee, client (or none) and kind, plus one {@link AnalysisCount#total} per
     * employee with their distinct interactions; in no particular order. Series are left out, as there.
     */
    List<AnalysisCount> analysisCounts(Criterion<InteractionCriterion> interactions, Criterion<ClientCriterion> clients);

    /**
     * The rows of {@link ClientsWithoutInteractions}: the clients matching {@code clients} that take
     * part in no single interaction (one that does not recur) matching {@code counting}; in no
     * particular order. Series are left out: their occurrences are counted by the use case.
     */
    List<QuietClient> withoutInteractions(Criterion<ClientCriterion> clients, Criterion<InteractionCriterion> counting);

    /**
     * The series (interactions with a recurrence) matching {@code where} that may have an occurrence
     * in {@code [from, until)}: their first start is before {@code until} and their
     * {@link Interaction#seriesEndBound()} (none: endless) is not before {@code from}, or one of their
     * overrides overlaps the stretch. Each with all its overrides, by original start; series by id.
     */
    List<Series> series(Criterion<InteractionCriterion> where, Instant from, Instant until);

    /** The overrides of a series, by original start. */
    List<OccurrenceOverride> overrides(InteractionId series);

    /**
     * Stores an occurrence's override: a new one (version 0) at version 1 (one already stored for
     * that occurrence: {@link org.crmkit.common.ConcurrentChangeException}), a changed one only
     * from the stored version, else {@link org.crmkit.common.ConcurrentChangeException} and nothing
     * written. The series must be stored.
     */
    OccurrenceOverride saveOverride(OccurrenceOverride override);

    /** Deletes the overrides of a series at these original starts (those it has). */
    void deleteOverrides(InteractionId series, Collection<Instant> originalStarts);
}
