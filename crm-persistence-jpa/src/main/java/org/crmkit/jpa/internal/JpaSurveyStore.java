package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.criteria.Criterion;
import org.crmkit.deal.DealId;
import org.crmkit.interaction.InteractionId;
import org.crmkit.survey.Answer;
import org.crmkit.survey.Question;
import org.crmkit.survey.QuestionKind;
import org.crmkit.survey.Response;
import org.crmkit.survey.ResponseId;
import org.crmkit.survey.ScoreCount;
import org.crmkit.survey.ScoreQuery;
import org.crmkit.survey.SurveyCriterion;
import org.crmkit.survey.SurveyStore;
import org.crmkit.survey.Template;
import org.crmkit.survey.TemplateId;

/**
 * The SurveyStore of a JPA unit of work: rows of {@code crm_survey_template}, {@code _question},
 * {@code _response} and {@code _answer} written and read by plain JDBC (V220). A template update
 * moves the version first ({@code UPDATE … WHERE version = ?}), then rewrites the questions of the
 * revision it stores; the score report is one {@code GROUP BY} over the answers of a question; the
 * last-score filter is an {@code EXISTS} in the client query ({@link #lastScores}).
 */
final class JpaSurveyStore implements SurveyStore {
    private static final String OPTION_SEPARATOR = "\u0001";

    private final JpaStores u;

    JpaSurveyStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public Template insert(Template template) {
        u.writing();
        DealJdbc.execute(u, "INSERT INTO crm_survey_template (tenant_id, id, name, revision, version) VALUES (?, ?, ?, ?, 1)",
                u.tenant, template.id().value(), template.name(), template.revision());
        writeQuestions(template);
        return new Template(template.id(), template.name(), template.revision(), 1, template.questions());
    }

    @Override
    public Template update(Template template) {
        u.writing();
        DealJdbc.updateVersioned(u, "survey-template", template.id(), template.version(),
                "UPDATE crm_survey_template SET name = ?, revision = ?, version = version + 1 WHERE tenant_id = ? AND id = ?"
                        + " AND (revision = ? OR revision = ?) AND version = ?",
                template.name(), template.revision(), u.tenant, template.id().value(), template.revision(), template.revision() - 1,
                template.version());
        DealJdbc.execute(u, "DELETE FROM crm_survey_question WHERE tenant_id = ? AND template_id = ? AND revision = ?",
                u.tenant, template.id().value(), template.revision());
        writeQuestions(template);
        return new Template(template.id(), template.name(), template.revision(), template.version() + 1, template.questions());
    }

    private void writeQuestions(Template template) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < template.questions().size(); i++) {
            Question q = template.questions().get(i);
            rows.add(new Object[] {u.tenant, template.id().value(), template.revision(), i, q.key(), q.kind().name(), q.text(),
                    String.join(OPTION_SEPARATOR, q.options()), q.required()});
        }
        DealJdbc.batch(u, "INSERT INTO crm_survey_question (tenant_id, template_id, revision, position, question_key, kind, text, options, required)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<Template> template(TemplateId id) {
        return head(id).flatMap(h -> template(id, h.revision));
    }

    private record Head(String name, int revision, long version) {
    }

    private Optional<Head> head(TemplateId id) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT name, revision, version FROM crm_survey_template WHERE tenant_id = ?1 AND id = ?2",
                List.of(u.tenant, id.value())), rs -> new Head(rs.getString("name"), rs.getInt("revision"), rs.getLong("version")))
                .stream().findFirst();
    }

    /** One statement: each template's row joined with the questions of its current revision. */
    @Override
    public List<Template> templates() {
        u.checkOpen();
        record Line(UUID id, String name, int revision, long version, Question question) {
        }
        List<Line> lines = u.select(new JpaStores.Select("SELECT t.id, t.name, t.revision, t.version, q.question_key, q.kind, q.text, q.options,"
                + " q.required FROM crm_survey_template t JOIN crm_survey_question q ON q.tenant_id = t.tenant_id AND q.template_id = t.id"
                + " AND q.revision = t.revision WHERE t.tenant_id = ?1 ORDER BY t.id, q.position", List.of(u.tenant)),
                rs -> new Line(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("revision"), rs.getLong("version"), question(rs)));
        Map<UUID, List<Line>> byTemplate = new LinkedHashMap<>();
        lines.forEach(l -> byTemplate.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l));
        List<Template> templates = new ArrayList<>();
        byTemplate.forEach((id, ls) -> templates.add(new Template(new TemplateId(id), ls.get(0).name(), ls.get(0).revision(), ls.get(0).version(),
                ls.stream().map(Line::question).collect(Collectors.toList()))));
        return templates;
    }

    private static Question question(ResultSet rs) throws SQLException {
        String options = rs.getString("options");
        return new Question(rs.getString("question_key"), rs.getString("text"), QuestionKind.valueOf(rs.getString("kind")),
                options.isEmpty() ? List.of() : Arrays.asList(options.split(OPTION_SEPARATOR, -1)), rs.getBoolean("required"));
    }

    @Override
    public Optional<Template> template(TemplateId id, int revision) {
        Optional<Head> head = head(id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Question> questions = u.select(new JpaStores.Select("SELECT question_key, kind, text, options, required FROM crm_survey_question"
                + " WHERE tenant_id = ?1 AND template_id = ?2 AND revision = ?3 ORDER BY position", List.of(u.tenant, id.value(), revision)),
                JpaSurveyStore::question);
        if (questions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Template(id, head.get().name, revision, head.get().version, questions));
    }

    @Override
    public boolean answered(TemplateId id, int revision) {
        u.checkOpen();
        return !u.select(new JpaStores.Select("SELECT 1 FROM crm_survey_response WHERE tenant_id = ?1 AND template_id = ?2 AND revision = ?3"
                + " FETCH FIRST 1 ROWS ONLY", List.of(u.tenant, id.value(), revision)), rs -> 1).isEmpty();
    }

    @Override
    public void insert(Response r, Template revision) {
        u.writing();
        DealJdbc.execute(u, "INSERT INTO crm_survey_response (tenant_id, id, template_id, revision, client_id, deal_id, interaction_id,"
                        + " employee_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.tenant, r.id().value(), r.template().value(), r.revision(), r.client().value(),
                r.deal().<Object>map(DealId::value).orElse(DealJdbc.NO_UUID), r.interaction().<Object>map(InteractionId::value).orElse(DealJdbc.NO_UUID),
                r.employee().value(), r.at());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < r.answers().size(); i++) {
            Answer a = r.answers().get(i);
            rows.add(new Object[] {u.tenant, r.id().value(), i, a.question(), a.value(),
                    revision.scoreOf(a).<Object>map(s -> s).orElse(new DealJdbc.Null(java.sql.Types.INTEGER)),
                    r.template().value(), r.client().value(), r.employee().value(), r.at()});
        }
        DealJdbc.batch(u, "INSERT INTO crm_survey_answer (tenant_id, response_id, position, question_key, answer_value, score, template_id,"
                + " client_id, employee_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<Response> response(ResponseId id) {
        return responses("r.id = ?2", List.of(u.tenant, id.value())).stream().findFirst();
    }

    @Override
    public List<Response> ofClient(ClientId client) {
        return responses("r.client_id = ?2", List.of(u.tenant, client.value()));
    }

    private record Head2(UUID id, UUID template, int revision, UUID client, UUID deal, UUID interaction, String employee, OffsetDateTime at) {
    }

    /** Responses in time order (ties by id) with their answers: two statements. */
    private List<Response> responses(String where, List<Object> parameters) {
        u.checkOpen();
        List<Head2> heads = u.select(new JpaStores.Select("SELECT * FROM crm_survey_response r WHERE r.tenant_id = ?1 AND " + where
                + " ORDER BY r.answered_at, r.id", parameters), rs -> new Head2(rs.getObject("id", UUID.class),
                rs.getObject("template_id", UUID.class), rs.getInt("revision"), rs.getObject("client_id", UUID.class),
                rs.getObject("deal_id", UUID.class), rs.getObject("interaction_id", UUID.class), rs.getString("employee_id"),
                rs.getObject("answered_at", OffsetDateTime.class)));
        Map<UUID, List<Answer>> answers = new LinkedHashMap<>();
        heads.forEach(h -> answers.put(h.id(), new ArrayList<>()));
        u.select(new JpaStores.Select("SELECT a.response_id, a.question_key, a.answer_value FROM crm_survey_answer a JOIN crm_survey_response r"
                + " ON r.tenant_id = a.tenant_id AND r.id = a.response_id WHERE r.tenant_id = ?1 AND " + where
                + " ORDER BY a.response_id, a.position", parameters), rs -> answers.get(rs.getObject("response_id", UUID.class))
                .add(new Answer(rs.getString("question_key"), rs.getString("answer_value"))));
        return heads.stream().map(h -> new Response(new ResponseId(h.id()), new TemplateId(h.template()), h.revision(), new ClientId(h.client()),
                Optional.ofNullable(h.deal()).map(DealId::new), Optional.ofNullable(h.interaction()).map(InteractionId::new),
                EmployeeId.of(h.employee()), h.at().toInstant(), answers.get(h.id()))).toList();
    }

    /**
     * One statement: the question's scored answers in the query's span, each given its period by a
     * {@code CASE} over the boundaries, grouped by period, group key and score.
     */
    @Override
    public List<ScoreCount> scoreCounts(ScoreQuery query) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>(List.of(u.tenant, query.template().value(), query.question()));
        List<Instant> bounds = query.boundaries();
        StringBuilder period = new StringBuilder("CASE");
        for (int i = 1; i < bounds.size(); i++) {
            parameters.add(utc(bounds.get(i)));
            period.append(" WHEN a.answered_at < ?").append(parameters.size()).append(" THEN ").append(i - 1);
        }
        period.append(" END");
        parameters.add(utc(bounds.get(0)));
        String from = "?" + parameters.size();
        parameters.add(utc(bounds.get(bounds.size() - 1)));
        String until = "?" + parameters.size();
        String key = switch (query.by()) {
            case PERIOD -> "''";
            case EMPLOYEE -> "a.employee_id";
            case CLIENT -> "CAST(a.client_id AS VARCHAR(36))";
        };
        String sql = "SELECT period, group_key, score, COUNT(*) AS n FROM (SELECT " + period + " AS period, " + key + " AS group_key, a.score"
                + " FROM crm_survey_answer a WHERE a.tenant_id = ?1 AND a.template_id = ?2 AND a.question_key = ?3 AND a.score IS NOT NULL"
                + " AND a.answered_at >= " + from + " AND a.answered_at < " + until + ") x GROUP BY period, group_key, score";
        return u.select(new JpaStores.Select(sql, parameters), rs -> new ScoreCount(rs.getInt("period"),
                query.by() == ScoreQuery.By.PERIOD ? Optional.empty() : Optional.of(rs.getString("group_key")), rs.getInt("score"), rs.getLong("n")));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /**
     * The EXISTS for {@link SurveyCriterion#LAST_SCORES}: a scored answer of the client that no
     * later scored answer of the client to the same template and question follows (later by
     * instant, ties by the greater response id), satisfying the criterion.
     */
    static String lastScores(String client, Criterion<SurveyCriterion> criterion, List<Object> parameters) {
        String s = "sa" + parameters.size();
        String l = "sl" + parameters.size();
        return "EXISTS (SELECT 1 FROM crm_survey_answer " + s + " WHERE " + s + ".tenant_id = ?1 AND " + s + ".client_id = " + client + ".id AND "
                + s + ".score IS NOT NULL AND NOT EXISTS (SELECT 1 FROM crm_survey_answer " + l + " WHERE " + l + ".tenant_id = ?1 AND "
                + l + ".client_id = " + s + ".client_id AND " + l + ".template_id = " + s + ".template_id AND " + l + ".question_key = "
                + s + ".question_key AND " + l + ".score IS NOT NULL AND (" + l + ".answered_at > " + s + ".answered_at OR (" + l
                + ".answered_at = " + s + ".answered_at AND " + l + ".response_id > " + s + ".response_id))) AND ("
                + criterion.fold(new ScoreSql(parameters, s)) + "))";
    }

    /** The leaves on a last score, as conditions on its answer row. */
    private static final class ScoreSql extends LeafSql.OnRow<SurveyCriterion> implements SurveyCriterion.Visitor<String> {
        ScoreSql(List<Object> parameters, String alias) {
            super(parameters, alias);
        }

        @Override
        public String leaf(SurveyCriterion leaf) {
            return leaf.accept(this);
        }

        @Override
        public String scoreBetween(SurveyCriterion.ScoreBetween c) {
            return alias + ".template_id = " + param(c.template().value()) + " AND " + alias + ".question_key = " + param(c.question())
                    + " AND " + alias + ".score >= " + param(c.min()) + " AND " + alias + ".score <= " + param(c.max());
        }
    }
}
