package org.crmkit.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.SortOrder;
import org.crmkit.survey.Answer;
import org.crmkit.survey.LastScore;
import org.crmkit.survey.Response;
import org.crmkit.survey.ResponseId;
import org.crmkit.survey.ScoreCount;
import org.crmkit.survey.ScoreQuery;
import org.crmkit.survey.SurveyStore;
import org.crmkit.survey.Template;
import org.crmkit.survey.TemplateId;

/** Survey templates (current and every revision) and responses in a tenant's maps; counts are made at each call. */
final class MemorySurveyStore implements SurveyStore {
    /** Responses in time order, ties by id as the databases compare uuids. */
    static final Comparator<Response> TIME_ORDER = Comparator.comparing(Response::at).thenComparing(r -> r.id().value(), SortOrder.UUIDS);

    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemorySurveyStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public Template insert(Template template) {
        unit.writing();
        if (data.templates.containsKey(template.id())) {
            throw new DuplicateException("id", template.id().toString());
        }
        Template stored = new Template(template.id(), template.name(), template.revision(), 1, template.questions());
        unit.put(data.templates, stored.id(), stored);
        unit.put(data.templateRevisions, List.of(stored.id(), stored.revision()), stored);
        return stored;
    }

    @Override
    public Template update(Template template) {
        unit.writing();
        Template current = data.templates.get(template.id());
        if (current == null || current.version() != template.version()
                || (template.revision() != current.revision() && template.revision() != current.revision() + 1)) {
            throw new ConcurrentChangeException("survey-template", template.id(), template.version());
        }
        Template stored = new Template(template.id(), template.name(), template.revision(), template.version() + 1, template.questions());
        unit.put(data.templates, stored.id(), stored);
        unit.put(data.templateRevisions, List.of(stored.id(), stored.revision()), stored);
        return stored;
    }

    @Override
    public Optional<Template> template(TemplateId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.templates.get(id));
    }

    @Override
    public List<Template> templates() {
        unit.checkOpen();
        return List.copyOf(data.templates.values());
    }

    @Override
    public Optional<Template> template(TemplateId id, int revision) {
        unit.checkOpen();
        Template current = data.templates.get(id);
        Template questions = data.templateRevisions.get(List.of(id, revision));
        if (current == null || questions == null) {
            return Optional.empty();
        }
        return Optional.of(new Template(id, current.name(), revision, current.version(), questions.questions()));
    }

    @Override
    public boolean answered(TemplateId id, int revision) {
        unit.checkOpen();
        return data.responses.values().stream().anyMatch(r -> r.template().equals(id) && r.revision() == revision);
    }

    @Override
    public void insert(Response response, Template revision) {
        unit.writing();
        if (data.responses.containsKey(response.id())) {
            throw new DuplicateException("id", response.id().toString());
        }
        Map<String, Integer> scores = new HashMap<>();
        for (Answer a : response.answers()) {
            revision.scoreOf(a).ifPresent(s -> scores.put(a.question(), s));
        }
        unit.put(data.responses, response.id(), response);
        unit.put(data.responseScores, response.id(), Map.copyOf(scores));
    }

    @Override
    public Optional<Response> response(ResponseId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.responses.get(id));
    }

    @Override
    public List<Response> ofClient(ClientId client) {
        unit.checkOpen();
        return data.responses.values().stream().filter(r -> r.client().equals(client)).sorted(TIME_ORDER).toList();
    }

    /** Grouping key of a count. */
    private record Group(int period, Optional<String> key, int score) {
    }

    @Override
    public List<ScoreCount> scoreCounts(ScoreQuery query) {
        unit.checkOpen();
        Map<Group, Long> counts = new LinkedHashMap<>();
        for (Response r : data.responses.values()) {
            Integer score = data.responseScores.get(r.id()).get(query.question());
            int period = query.periodOf(r.at());
            if (!r.template().equals(query.template()) || score == null || period < 0) {
                continue;
            }
            Optional<String> key = switch (query.by()) {
                case PERIOD -> Optional.empty();
                case EMPLOYEE -> Optional.of(r.employee().value());
                case CLIENT -> Optional.of(r.client().value().toString());
            };
            counts.merge(new Group(period, key, score), 1L, Long::sum);
        }
        List<ScoreCount> answer = new ArrayList<>();
        counts.forEach((g, n) -> answer.add(new ScoreCount(g.period(), g.key(), g.score(), n)));
        return answer;
    }

    /** The client's last score per template and question (see {@link LastScore}). */
    static List<LastScore> lastScores(MemoryTenant data, ClientId client) {
        Map<List<Object>, LastScore> last = new LinkedHashMap<>();
        data.responses.values().stream().filter(r -> r.client().equals(client)).sorted(TIME_ORDER).forEach(r ->
                data.responseScores.get(r.id()).forEach((question, score) ->
                        last.put(List.of(r.template(), question), new LastScore(client, r.template(), question, score))));
        return new ArrayList<>(last.values());
    }
}
