package org.crmkit.survey;

import java.util.List;
import java.util.Optional;

import org.crmkit.common.ClientId;

/**
 * Keeps one tenant's templates and responses, inside the unit of work that handed it out.
 * {@link #insert(Template)} stores at version 1; {@link #update} only from the stored version
 * (else {@link org.crmkit.common.ConcurrentChangeException}, nothing written), writing the
 * template's questions as its revision (the current one rewritten, or the next one added; earlier
 * revisions stay). {@link #scoreCounts} is one grouping statement in a database; every store
 * answers the same counts (the store kit compares them).
 */
public interface SurveyStore {
    Template insert(Template template);

    Template update(Template template);

    /** The template at its current revision. */
    Optional<Template> template(TemplateId id);

    /**
     * Every template of the tenant at its current revision, in no particular order (the use case
     * sorts them); one statement for a database.
     */
    List<Template> templates();

    /** The template with the questions of one of its revisions (name and version are the current ones). */
    Optional<Template> template(TemplateId id, int revision);

    /** Whether any response answers that revision. */
    boolean answered(TemplateId id, int revision);

    /** Stores a response to {@code revision} (the template the answers were checked against: it says which answers are scores). */
    void insert(Response response, Template revision);

    Optional<Response> response(ResponseId id);

    /** The client's responses, oldest first (ties by id). */
    List<Response> ofClient(ClientId client);

    /**
     * How many scored answers to the query's question fell in each period, per group key and
     * score value, in no particular order; periods and groups without answers have no row.
     */
    List<ScoreCount> scoreCounts(ScoreQuery query);
}
