package org.crmkit.survey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealId;
import org.crmkit.deal.DealStore;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Satisfaction surveys: templates (administered: the access policy's {@code mayAdminister(actor,
 * "surveys")}), responses recorded for a client the actor may see and change, and the CSAT/NPS
 * reports (also the {@code surveys} area: they compare employees). A refused call names the field
 * and the value and stores nothing. Template changes are journaled as administered records
 * ({@code survey-template:<id>}); a response is journaled under its client
 * ({@code survey-response:<id>}); both are fed and published after commit.
 */
public final class Surveys {
    public static final Feature FEATURE = Feature.of("surveys", SurveyStore.class);
    /** The administration area of templates and reports. */
    public static final String AREA = "surveys";
    static final String TEMPLATE = "survey-template";
    static final String RESPONSE = "survey-response";

    private final CrmContext context;

    public Surveys(CrmContext context) {
        this.context = context;
    }

    /** Stores a new template at revision 1, version 1. */
    public Template addTemplate(String name, List<Question> questions) {
        return context.write(work -> {
            requireArea(work);
            Template stored = work.store(SurveyStore.class).insert(Template.create(new TemplateId(work.newId()), name, questions));
            work.administered(TEMPLATE, stored.id(), "added", Map.of(), stored.auditView());
            work.publish(new SurveyEvent.TemplateChanged(work.actor().tenant(), stored.id(), stored.revision(), work.now(), work.actor().name()));
            return stored;
        });
    }

    /**
     * Stores a changed template read at {@code changed.version()}: when the current revision has
     * responses, the change becomes the next revision (the answered one stays as it was);
     * otherwise the current revision is rewritten. A stale version is refused
     * ({@link ConcurrentChangeException}) with nothing written.
     */
    public Template changeTemplate(Template changed) {
        ValidationException.required(changed, "template");
        return context.write(work -> {
            requireArea(work);
            SurveyStore store = work.store(SurveyStore.class);
            Template current = store.template(changed.id()).orElseThrow(() -> new NotFoundException(TEMPLATE, changed.id()));
            if (current.version() != changed.version() || current.revision() != changed.revision()) {
                throw new ConcurrentChangeException(TEMPLATE, changed.id(), changed.version());
            }
            if (current.equals(changed)) {
                return current;
            }
            boolean frozen = !current.questions().equals(changed.questions()) && store.answered(current.id(), current.revision());
            Template stored = store.update(frozen ? changed.atRevision(current.revision() + 1) : changed);
            work.administered(TEMPLATE, stored.id(), "changed", current.auditView(), stored.auditView());
            work.publish(new SurveyEvent.TemplateChanged(work.actor().tenant(), stored.id(), stored.revision(), work.now(), work.actor().name()));
            return stored;
        });
    }

    /** The template at its current revision. */
    public Optional<Template> template(TemplateId id) {
        ValidationException.required(id, "id");
        return context.read(work -> work.store(SurveyStore.class).template(id));
    }

    /**
     * The tenant's templates at their current revisions, by name (code point order, as
     * {@link SortOrder#TEXT}), equal names by id: the same order on every storage.
     */
    public List<Template> templates() {
        return context.read(work -> work.store(SurveyStore.class).templates().stream()
                .sorted(Comparator.comparing(Template::name, SortOrder.TEXT).thenComparing(t -> t.id().value(), SortOrder.UUIDS))
                .collect(Collectors.toList()));
    }

    /** The template with the questions of an earlier (or the current) revision. */
    public Optional<Template> template(TemplateId id, int revision) {
        ValidationException.required(id, "id");
        return context.read(work -> work.store(SurveyStore.class).template(id, revision));
    }

    /**
     * Records what a client answered to {@code revision} of a template (which must be the
     * template's current revision: answering an older one is refused as stale), asked by
     * {@code employee} at {@code at}, optionally after a deal and/or an interaction of that client.
     * Refused, naming the field and the value and storing nothing: an unknown or unseen client,
     * template, deal or interaction (or one of another client), a stale revision, a question not in
     * the template, an answer outside its scale or not one of the options, a required question
     * without an answer.
     */
    public Response record(TemplateId template, int revision, ClientId client, Optional<DealId> deal, Optional<InteractionId> interaction,
                           EmployeeId employee, Instant at, List<Answer> answers) {
        ValidationException.required(template, "template");
        ValidationException.required(client, "client");
        ValidationException.required(deal, "deal");
        ValidationException.required(interaction, "interaction");
        ValidationException.required(employee, "employee");
        ValidationException.required(at, "at");
        List<Answer> given = ValidationException.requiredElements(answers, "answers");
        return context.write(work -> {
            SurveyStore store = work.store(SurveyStore.class);
            Template current = store.template(template)
                    .orElseThrow(() -> new ValidationException("template", template, "is not a survey template of this tenant"));
            if (current.revision() != revision) {
                throw new ValidationException("revision", revision, "is stale: template " + template + " is at revision " + current.revision());
            }
            requireClient(work, client);
            if (deal.isPresent() && !work.store(DealStore.class).get(deal.get()).map(d -> d.client().equals(client)).orElse(false)) {
                throw new ValidationException("deal", deal.get(), "is not a deal of client " + client);
            }
            if (interaction.isPresent()
                    && !work.store(InteractionStore.class).get(interaction.get()).map(i -> i.clients().contains(client)).orElse(false)) {
                throw new ValidationException("interaction", interaction.get(), "is not an interaction with client " + client);
            }
            List<Answer> checked = current.check(given).stream().map(Template.Checked::answer).toList();
            Response response = new Response(new ResponseId(work.newId()), template, revision, client, deal, interaction, employee, at, checked);
            store.insert(response, current);
            work.journal(List.of(new AuditEntry(work.newId(), Optional.of(client), AuditEntry.subject(RESPONSE, response.id()), "recorded",
                    Optional.empty(), Optional.of(response.describe()), work.actor().name(), work.now())));
            work.changed(RESPONSE, response.id(), "recorded", List.of());
            work.publish(new SurveyEvent.ResponseRecorded(work.actor().tenant(), response.id(), client, template, revision, work.now(),
                    work.actor().name()));
            return response;
        });
    }

    /** The client's responses, oldest first; a client the actor does not see is not found. */
    public List<Response> ofClient(ClientId client) {
        ValidationException.required(client, "client");
        return context.read(work -> {
            if (!visible(work, client)) {
                throw new NotFoundException("client", client);
            }
            return work.store(SurveyStore.class).ofClient(client);
        });
    }

    /** A response, if its client is one the actor sees. */
    public Optional<Response> response(ResponseId id) {
        ValidationException.required(id, "id");
        return context.read(work -> work.store(SurveyStore.class).response(id).filter(r -> visible(work, r.client())));
    }

    /**
     * CSAT (a 1–5 question) or NPS (a 0–10 question) per period of the query and per responding
     * employee or client, counted by the store in one grouping statement ({@link ScoreReport}).
     * The question is looked up in the template's current revision and must be a scale.
     */
    public ScoreReport scores(ScoreQuery query) {
        ValidationException.required(query, "query");
        return context.read(work -> {
            requireArea(work);
            SurveyStore store = work.store(SurveyStore.class);
            Template template = store.template(query.template())
                    .orElseThrow(() -> new ValidationException("template", query.template(), "is not a survey template of this tenant"));
            Question question = template.question(query.question())
                    .orElseThrow(() -> new ValidationException("question", query.question(), "is not a question of template " + template.id()));
            if (!question.kind().scored()) {
                throw new ValidationException("question", query.question(), "is a " + question.kind() + " question, not a scale");
            }
            return ScoreReport.of(query, question.kind(), store.scoreCounts(query));
        });
    }

    private static void requireArea(UnitOfWork work) {
        if (!work.context().access().mayAdminister(work.actor(), AREA)) {
            throw new AccessDeniedException(work.actor().toString(), "administer surveys");
        }
    }

    private static boolean visible(UnitOfWork work, ClientId client) {
        Criterion<ClientCriterion> seen = work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
        return work.store(ClientStore.class).count(seen.and(new ClientCriterion.IdIn(Set.of(client)))) > 0;
    }

    private static void requireClient(UnitOfWork work, ClientId client) {
        if (!visible(work, client)) {
            throw new ValidationException("client", client, "is not a client this actor sees");
        }
        Criterion<ClientCriterion> changeable = work.context().access().changeable(work.actor(), ClientAccess.CLIENTS);
        if (work.store(ClientStore.class).count(changeable.and(new ClientCriterion.IdIn(Set.of(client)))) == 0) {
            throw new AccessDeniedException(work.actor().toString(), "record survey responses of client " + client);
        }
    }
}
