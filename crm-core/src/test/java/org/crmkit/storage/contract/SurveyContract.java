package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicies;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.NewClient;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.deal.DealId;
import org.crmkit.feed.FeedStore;
import org.crmkit.survey.Answer;
import org.crmkit.survey.LastScore;
import org.crmkit.survey.Question;
import org.crmkit.survey.Response;
import org.crmkit.survey.ScoreQuery;
import org.crmkit.survey.ScoreReport;
import org.crmkit.survey.SurveyCriterion;
import org.crmkit.survey.SurveyStore;
import org.crmkit.survey.Template;
import org.crmkit.survey.TemplateId;
import org.junit.jupiter.api.Test;

/**
 * Satisfaction surveys through the facade on the store under test: templates and their revisions,
 * responses refused with nothing stored, CSAT and NPS counted by the store and checked against
 * figures this test works out from the responses it recorded, and the clients' last-score filter.
 */
abstract class SurveyContract extends RecurrenceContract {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant MARCH = YearMonth.of(2024, 3).atDay(1).atStartOfDay(MOSCOW).toInstant();
    private static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");

    private static List<Question> questions() {
        return List.of(Question.scale5("csat", "Насколько вы довольны?", true), Question.scale10("nps", "Порекомендуете ли вы нас?", false),
                Question.yesNo("again", "Обратитесь ли снова?", false),
                Question.choice("channel", "Как вы о нас узнали?", false, List.of("сайт", "знакомые", "реклама")),
                Question.freeText("comment", "Комментарий", false));
    }

    private Template template(Crm crm) {
        return crm.surveys().addTemplate("После сделки", questions());
    }

    private Response answer(Crm crm, Template t, ClientId client, EmployeeId employee, Instant at, Answer... answers) {
        return crm.surveys().record(t.id(), t.revision(), client, Optional.empty(), Optional.empty(), employee, at, List.of(answers));
    }

    @Test
    void aTemplateIsRewrittenWhileUnansweredAndGetsANewRevisionOnceAnswered() {
        Crm crm = crm();
        Template added = template(crm);
        assertThat(added.revision()).isEqualTo(1);
        assertThat(added.version()).isEqualTo(1);
        assertThat(crm.surveys().template(added.id())).contains(added);

        List<Question> fewer = questions().subList(0, 3);
        Template rewritten = crm.surveys().changeTemplate(added.withQuestions(fewer));
        assertThat(rewritten.revision()).isEqualTo(1);
        assertThat(rewritten.version()).isEqualTo(2);
        assertThat(crm.surveys().template(added.id())).contains(rewritten);

        ClientId client = crm.clients().register(NewClient.legalEntity("Альфа")).id();
        Response first = answer(crm, rewritten, client, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.yesNo("again", true));

        Template second = crm.surveys().changeTemplate(rewritten.withQuestions(questions()).rename("После сделки (2)"));
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(3);
        assertThat(crm.surveys().template(added.id(), 1).orElseThrow().questions()).isEqualTo(fewer);
        assertThat(crm.surveys().template(added.id(), 2).orElseThrow().questions()).isEqualTo(questions());
        assertThat(crm.surveys().template(added.id(), 3)).isEmpty();
        assertThat(crm.surveys().response(first.id())).contains(first);
        assertThat(first.revision()).isEqualTo(1);

        assertThatThrownBy(() -> crm.surveys().changeTemplate(rewritten.rename("Старая версия")))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> answer(crm, rewritten, client, ALEKSEEV, MARCH, Answer.score("csat", 4)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("revision").hasMessageContaining("stale");
        Response later = answer(crm, second, client, ALEKSEEV, MARCH.plusSeconds(60), Answer.score("csat", 4), Answer.text("comment", "Всё хорошо"));
        assertThat(crm.surveys().ofClient(client)).containsExactly(first, later);
        assertThat(storage().<Optional<Template>>read(tenant, s -> s.get(SurveyStore.class).template(added.id()))).contains(second);
        assertThat(crm.clients().history(client)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("survey-response:" + later.id()));
    }

    @Test
    void theTenantsTemplatesAreListedAtTheirCurrentRevisionByNameThenIdAndNoOtherTenantsOnes() {
        Crm crm = crm();
        assertThat(crm.surveys().templates()).isEmpty();
        Template b = crm.surveys().addTemplate("Б: после встречи", questions().subList(0, 2));
        Template a1 = crm.surveys().addTemplate("А: после сделки", questions());
        Template a2 = crm.surveys().addTemplate("А: после сделки", questions().subList(2, 4));
        Template latin = crm.surveys().addTemplate("Z: after a call", questions().subList(4, 5));
        ClientId client = crm.clients().register(NewClient.legalEntity("Альфа")).id();
        answer(crm, b, client, ALEKSEEV, MARCH, Answer.score("csat", 5));
        Template bSecond = crm.surveys().changeTemplate(b.withQuestions(questions()));
        assertThat(bSecond.revision()).isEqualTo(2);

        org.crmkit.common.TenantId mine = tenant;
        tenant = newTenant();
        try {
            crm().surveys().addTemplate("А: чужой", questions());
        } finally {
            tenant = mine;
        }

        List<Template> expectedSame = java.util.stream.Stream.of(a1, a2)
                .sorted(java.util.Comparator.comparing(t -> t.id().value(), org.crmkit.common.SortOrder.UUIDS)).toList();
        List<Template> listed = crm.surveys().templates();
        assertThat(listed).as("code point order puts Latin before Cyrillic; equal names by id; B at its second revision")
                .containsExactly(latin, expectedSame.get(0), expectedSame.get(1), bSecond);
        assertThat(listed.get(3).questions()).isEqualTo(questions());
        assertThat(crm.surveys().templates()).as("the same order on every call").isEqualTo(listed);
    }

    @Test
    void aResponseReadsBackWithItsAnswersInTheTemplatesOrderAndItsInstantToTheMicrosecond() {
        Crm crm = crm();
        Template t = template(crm);
        ClientId client = crm.clients().register(NewClient.individual("Алхимов А.А.")).id();
        Instant at = MARCH.plusNanos(123_456_789);
        Response r = answer(crm, t, client, ALEKSEEV, at, Answer.text("comment", "  Спасибо 🙂 "), Answer.score("nps", 10),
                Answer.text("channel", "знакомые"), Answer.yesNo("again", false), Answer.score("csat", 3));
        assertThat(r.at()).isEqualTo(MARCH.plusNanos(123_456_000));
        assertThat(r.answers()).extracting(Answer::question).containsExactly("csat", "nps", "again", "channel", "comment");
        assertThat(r.answer("comment").orElseThrow().value()).isEqualTo("Спасибо 🙂");
        assertThat(crm.surveys().response(r.id())).contains(r);
        assertThat(crm.surveys().ofClient(client)).containsExactly(r);
    }

    @Test
    void badResponsesAreRefusedNamingTheFieldAndTheValueAndStoreNothing() {
        Crm crm = crm();
        Template t = template(crm);
        ClientId client = crm.clients().register(NewClient.legalEntity("Альфа")).id();
        long fed = storage().read(tenant, s -> s.get(FeedStore.class).after(0, 10_000)).size();

        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 6)), "answers[0].value", "6", "outside the scale 1–5");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 0)), "answers[0].value", "0", "outside the scale 1–5");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.score("nps", 11)), "answers[1].value", "11",
                "outside the scale 0–10");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.score("nps", -1)), "answers[1].value", "-1",
                "outside the scale 0–10");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.text("csat", "пять")), "answers[0].value", "пять", "not a whole number");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.text("channel", "газета")), "answers[1].value",
                "газета", "not one of the options");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.text("again", "да")), "answers[1].value", "да",
                "yes or no");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.score("speed", 3)), "answers[1].question", "speed",
                "not a question of template");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("nps", 9)), "answers", "csat", "required question is not answered");
        refused(() -> answer(crm, t, client, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.score("csat", 4)), "answers[1].question", "csat",
                "answered twice");
        ClientId stranger = new ClientId(UUID.randomUUID());
        refused(() -> answer(crm, t, stranger, ALEKSEEV, MARCH, Answer.score("csat", 5)), "client", stranger.toString(), "not a client");
        DealId deal = new DealId(UUID.randomUUID());
        refused(() -> crm.surveys().record(t.id(), 1, client, Optional.of(deal), Optional.empty(), ALEKSEEV, MARCH, List.of(Answer.score("csat", 5))),
                "deal", deal.toString(), "not a deal of client");
        TemplateId unknown = new TemplateId(UUID.randomUUID());
        refused(() -> crm.surveys().record(unknown, 1, client, Optional.empty(), Optional.empty(), ALEKSEEV, MARCH, List.of(Answer.score("csat", 5))),
                "template", unknown.toString(), "not a survey template");
        refused(() -> crm.surveys().record(t.id(), 2, client, Optional.empty(), Optional.empty(), ALEKSEEV, MARCH, List.of(Answer.score("csat", 5))),
                "revision", "2", "stale");

        assertThat(crm.surveys().ofClient(client)).isEmpty();
        assertThat(storage().<Boolean>read(tenant, s -> s.get(SurveyStore.class).answered(t.id(), 1))).isFalse();
        assertThat(storage().<List<?>>read(tenant, s -> s.get(FeedStore.class).after(0, 10_000))).hasSize((int) fed);
        assertThat(crm.surveys().changeTemplate(t.withQuestions(questions().subList(0, 2))).revision()).isEqualTo(1);
    }

    @Test
    void badTemplatesAreRefusedNamingTheFieldAndTheValue() {
        refused(() -> Question.choice("channel", "Откуда?", false, List.of("сайт")), "options", "[сайт]", "2 to 50 options");
        refused(() -> Question.choice("channel", "Откуда?", false, List.of("сайт", "сайт")), "options", "[сайт, сайт]", "not distinct");
        refused(() -> new Question("nps", "Оценка", org.crmkit.survey.QuestionKind.SCALE_0_10, List.of("1"), true), "options", "[1]",
                "only a choice");
        refused(() -> Question.scale5("Оценка", "Оценка", true), "key", "Оценка", "lower-case word");
        refused(() -> Template.create(new TemplateId(UUID.randomUUID()), "Опрос",
                List.of(Question.scale5("q", "Один", true), Question.yesNo("q", "Два", true))), "questions.key", "q", "used by two questions");
        refused(() -> new SurveyCriterion.ScoreBetween(new TemplateId(UUID.randomUUID()), "q", 5, 4), "max", "4", "below min 5");
        refused(() -> ScoreQuery.monthly(new TemplateId(UUID.randomUUID()), "q", YearMonth.of(2024, 5), YearMonth.of(2024, 4), MOSCOW,
                ScoreQuery.By.PERIOD), "last", "2024-04", "before the first month");
        Crm crm = crm();
        Template t = template(crm);
        refused(() -> crm.surveys().scores(ScoreQuery.monthly(t.id(), "comment", YearMonth.of(2024, 3), YearMonth.of(2024, 3), MOSCOW,
                ScoreQuery.By.PERIOD)), "question", "comment", "not a scale");
        refused(() -> crm.surveys().scores(ScoreQuery.monthly(t.id(), "speed", YearMonth.of(2024, 3), YearMonth.of(2024, 3), MOSCOW,
                ScoreQuery.By.PERIOD)), "question", "speed", "not a question");
    }

    @Test
    void templatesAndReportsAreForActorsThePolicyLetsAdministerSurveys() {
        Crm crm = crm();
        Template t = template(crm);
        Crm denied = Crm.builder().storage(storage()).accessPolicy(AccessPolicies.builder().administer((actor, area) -> !area.equals("surveys")).build())
                .actor(Actor.employee(tenant, EmployeeId.of("ivanov"))).build();
        assertThatThrownBy(() -> denied.surveys().addTemplate("Опрос", questions())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> denied.surveys().changeTemplate(t.rename("Другой"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> denied.surveys().scores(ScoreQuery.monthly(t.id(), "csat", YearMonth.of(2024, 3), YearMonth.of(2024, 3), MOSCOW,
                ScoreQuery.By.PERIOD))).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.surveys().template(t.id())).contains(t);
    }

    @Test
    void csatAndNpsPerMonthEmployeeAndClientWithAnEmptyMonthAndTheEndsOfAMonth() {
        Crm crm = crm();
        Template t = template(crm);
        ClientId a = crm.clients().register(NewClient.legalEntity("Альфа")).id();
        ClientId b = crm.clients().register(NewClient.legalEntity("Бета")).id();
        EmployeeId petrov = EmployeeId.of("petrov");
        Instant april = YearMonth.of(2024, 4).atDay(1).atStartOfDay(MOSCOW).toInstant();
        Instant june = YearMonth.of(2024, 6).atDay(1).atStartOfDay(MOSCOW).toInstant();
        answer(crm, t, a, ALEKSEEV, MARCH, Answer.score("csat", 5), Answer.score("nps", 10));
        answer(crm, t, a, ALEKSEEV, april.minusNanos(1000), Answer.score("csat", 4), Answer.score("nps", 6));
        answer(crm, t, b, petrov, MARCH.plusSeconds(3600), Answer.score("csat", 3), Answer.score("nps", 8));
        answer(crm, t, b, petrov, april, Answer.score("csat", 1), Answer.score("nps", 9));
        answer(crm, t, a, petrov, april.plusSeconds(1), Answer.score("csat", 5));
        answer(crm, t, a, ALEKSEEV, june, Answer.score("csat", 5), Answer.score("nps", 0));
        answer(crm, t, a, ALEKSEEV, MARCH.minusNanos(1000), Answer.score("csat", 2), Answer.score("nps", 0));

        ScoreReport csat = crm.surveys().scores(ScoreQuery.monthly(t.id(), "csat", YearMonth.of(2024, 3), YearMonth.of(2024, 5), MOSCOW,
                ScoreQuery.By.PERIOD));
        assertThat(csat.lines()).extracting(ScoreReport.Line::answers).containsExactly(3L, 2L, 0L);
        assertThat(csat.lines()).extracting(ScoreReport.Line::score)
                .containsExactly(Optional.of(new BigDecimal("66.67")), Optional.of(new BigDecimal("50.00")), Optional.empty());

        ScoreReport nps = crm.surveys().scores(ScoreQuery.monthly(t.id(), "nps", YearMonth.of(2024, 3), YearMonth.of(2024, 4), MOSCOW,
                ScoreQuery.By.EMPLOYEE));
        assertThat(nps.lines()).extracting(l -> l.key().orElseThrow() + " " + l.period() + " " + l.answers() + " " + l.high() + " " + l.low() + " "
                + l.score().map(BigDecimal::toPlainString).orElse("-"))
                .containsExactly("alekseev 0 2 1 1 0.00", "alekseev 1 0 0 0 -", "petrov 0 1 0 0 0.00", "petrov 1 1 1 0 100.00");

        ScoreReport perClient = crm.surveys().scores(ScoreQuery.monthly(t.id(), "csat", YearMonth.of(2024, 4), YearMonth.of(2024, 4), MOSCOW,
                ScoreQuery.By.CLIENT));
        Map<String, Optional<BigDecimal>> byClient = new HashMap<>();
        perClient.lines().forEach(l -> byClient.put(l.key().orElseThrow(), l.score()));
        assertThat(byClient).containsOnly(Map.entry(a.value().toString(), Optional.of(new BigDecimal("100.00"))),
                Map.entry(b.value().toString(), Optional.of(new BigDecimal("0.00"))));
    }

    /** A fixed random workload: every report line is what this test counts from the responses it recorded. */
    @Test
    void everyReportLineIsWhatTheRecordedResponsesCountToIncludingTies() {
        Crm crm = crm();
        Template t = template(crm);
        List<ClientId> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(crm.clients().register(NewClient.legalEntity("Клиент " + i)).id());
        }
        List<EmployeeId> employees = List.of(ALEKSEEV, EmployeeId.of("petrov"), EmployeeId.of("Сидоров"));
        Random random = new Random(14);
        List<Response> recorded = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant at = MARCH.plusSeconds(86_400L * 10 * random.nextInt(12));
            List<Answer> answers = new ArrayList<>(List.of(Answer.score("csat", 1 + random.nextInt(5))));
            if (random.nextInt(4) > 0) {
                answers.add(Answer.score("nps", random.nextInt(11)));
            }
            recorded.add(answer(crm, t, clients.get(random.nextInt(clients.size())), employees.get(random.nextInt(employees.size())), at,
                    answers.toArray(Answer[]::new)));
        }
        for (String question : List.of("csat", "nps")) {
            for (ScoreQuery.By by : ScoreQuery.By.values()) {
                ScoreQuery query = ScoreQuery.monthly(t.id(), question, YearMonth.of(2024, 2), YearMonth.of(2024, 7), MOSCOW, by);
                assertThat(crm.surveys().scores(query).lines()).as(question + " by " + by).isEqualTo(expected(query, question, recorded));
            }
        }
        for (int min = 0; min <= 10; min += 3) {
            for (int max = min; max <= 10; max += 4) {
                Criterion<ClientCriterion> last = SurveyCriterion.lastScore(t.id(), "nps", min, max);
                Set<ClientId> expected = lastScoreBetween(recorded, "nps", min, max);
                assertThat(listed(crm, last)).as("nps " + min + "–" + max).isEqualTo(expected);
                assertThat(listed(crm, Criterion.not(last))).as("not nps " + min + "–" + max)
                        .isEqualTo(clients.stream().filter(c -> !expected.contains(c)).collect(Collectors.toSet()));
            }
        }
        Map<ClientId, List<LastScore>> last = lastScores(recorded);
        ClientCriterion.Related related = new ClientCriterion.Related() {
            @Override
            @SuppressWarnings("unchecked")
            public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
                assertThat(relation).isEqualTo(SurveyCriterion.LAST_SCORES);
                return last.getOrDefault(client, List.of()).stream().anyMatch(x -> SurveyCriterion.matches((Criterion<SurveyCriterion>) criterion, x));
            }
        };
        List<Client> all = clients.stream().map(crm.clients()::get).toList();
        for (int i = 0; i < 40; i++) {
            Criterion<ClientCriterion> tree = clientTree(random, t.id(), clients, 2);
            Set<ClientId> expected = all.stream().filter(c -> ClientCriterion.matches(tree, c, related)).map(Client::id).collect(Collectors.toSet());
            assertThat(listed(crm, tree)).as("%s", tree).isEqualTo(expected);
        }
    }

    /** A random client tree of last-score leaves (with trees inside the relation) and id leaves. */
    private static Criterion<ClientCriterion> clientTree(Random random, TemplateId template, List<ClientId> clients, int depth) {
        int pick = random.nextInt(depth == 0 ? 3 : 6);
        switch (pick) {
            case 0:
                return new ClientCriterion.Having<>(SurveyCriterion.LAST_SCORES, scoreTree(random, template, 1));
            case 1:
                return new ClientCriterion.IdIn(new java.util.HashSet<>(List.of(clients.get(random.nextInt(clients.size())), clients.get(random.nextInt(clients.size())))));
            case 2:
                return scoreLeafOfClient(random, template);
            case 3:
                return Criterion.and(clientTree(random, template, clients, depth - 1), clientTree(random, template, clients, depth - 1));
            case 4:
                return Criterion.or(clientTree(random, template, clients, depth - 1), clientTree(random, template, clients, depth - 1));
            default:
                return Criterion.not(clientTree(random, template, clients, depth - 1));
        }
    }

    private static ClientCriterion scoreLeafOfClient(Random random, TemplateId template) {
        int min = random.nextInt(11);
        return SurveyCriterion.lastScore(template, random.nextBoolean() ? "csat" : "nps", min, min + random.nextInt(11 - min));
    }

    private static Criterion<SurveyCriterion> scoreTree(Random random, TemplateId template, int depth) {
        int pick = random.nextInt(depth == 0 ? 1 : 4);
        int min = random.nextInt(11);
        switch (pick) {
            case 0:
                return new SurveyCriterion.ScoreBetween(random.nextInt(6) == 0 ? new TemplateId(UUID.randomUUID()) : template,
                        random.nextBoolean() ? "csat" : "nps", min, min + random.nextInt(11 - min));
            case 1:
                return Criterion.and(scoreTree(random, template, depth - 1), scoreTree(random, template, depth - 1));
            case 2:
                return Criterion.or(scoreTree(random, template, depth - 1), scoreTree(random, template, depth - 1));
            default:
                return Criterion.not(scoreTree(random, template, depth - 1));
        }
    }

    /** Each client's last score per template and question, worked out here from the recorded responses. */
    private static Map<ClientId, List<LastScore>> lastScores(List<Response> recorded) {
        Map<ClientId, Map<String, LastScore>> last = new HashMap<>();
        recorded.stream().sorted(Comparator.comparing(Response::at).thenComparing(r -> r.id().value(), SortOrder.UUIDS)).forEach(r ->
                r.answers().forEach(a -> last.computeIfAbsent(r.client(), c -> new HashMap<>())
                        .put(a.question(), new LastScore(r.client(), r.template(), a.question(), Integer.parseInt(a.value())))));
        Map<ClientId, List<LastScore>> answer = new HashMap<>();
        last.forEach((client, byQuestion) -> answer.put(client, List.copyOf(byQuestion.values())));
        return answer;
    }

    @Test
    void clientsAreListedByTheirLastScoreWhichALaterResponseReplacesAndATieGoesToTheGreaterResponseId() {
        Crm crm = crm();
        Template t = template(crm);
        ClientId a = crm.clients().register(NewClient.legalEntity("Альфа")).id();
        ClientId b = crm.clients().register(NewClient.legalEntity("Бета")).id();
        ClientId c = crm.clients().register(NewClient.legalEntity("Вега")).id();
        answer(crm, t, a, ALEKSEEV, MARCH, Answer.score("csat", 1), Answer.score("nps", 2));
        answer(crm, t, a, ALEKSEEV, MARCH.plusSeconds(1), Answer.score("csat", 5));
        answer(crm, t, b, ALEKSEEV, MARCH.plusSeconds(5), Answer.score("csat", 2));
        answer(crm, t, b, ALEKSEEV, MARCH.minusSeconds(5), Answer.score("csat", 5), Answer.score("nps", 10));
        Response tie1 = answer(crm, t, c, ALEKSEEV, MARCH, Answer.score("csat", 1));
        Response tie2 = answer(crm, t, c, ALEKSEEV, MARCH, Answer.score("csat", 5));
        ClientId d = crm.clients().register(NewClient.legalEntity("Дельта")).id();

        int tieWinner = SortOrder.UUIDS.compare(tie1.id().value(), tie2.id().value()) > 0 ? 1 : 5;
        Set<ClientId> satisfied = new java.util.HashSet<>(Set.of(a));
        if (tieWinner == 5) {
            satisfied.add(c);
        }
        assertThat(listed(crm, SurveyCriterion.lastScore(t.id(), "csat", 4, 5))).isEqualTo(satisfied);
        assertThat(listed(crm, SurveyCriterion.lastScore(t.id(), "csat", 1, 2)))
                .isEqualTo(tieWinner == 1 ? Set.of(b, c) : Set.of(b));
        assertThat(listed(crm, SurveyCriterion.lastScore(t.id(), "nps", 0, 6))).isEqualTo(Set.of(a));
        assertThat(listed(crm, Criterion.not(SurveyCriterion.lastScore(t.id(), "nps", 0, 10)))).isEqualTo(Set.of(c, d));
        assertThat(listed(crm, SurveyCriterion.lastScore(new TemplateId(UUID.randomUUID()), "csat", 1, 5))).isEmpty();
        assertThat(listed(crm, Criterion.and(SurveyCriterion.lastScore(t.id(), "csat", 4, 5), new ClientCriterion.IdIn(Set.of(a, b)))))
                .isEqualTo(Set.of(a));
        assertThat(crm.clients().count(SurveyCriterion.lastScore(t.id(), "nps", 9, 10))).isEqualTo(1);
    }

    private static Set<ClientId> listed(Crm crm, Criterion<ClientCriterion> where) {
        return crm.clients().summaries(new ClientQuery(where, ClientQuery.Order.CODE, 0, 100)).stream().map(ClientSummary::id)
                .collect(Collectors.toSet());
    }

    private static Set<ClientId> lastScoreBetween(List<Response> recorded, String question, int min, int max) {
        Set<ClientId> found = new java.util.HashSet<>();
        lastScores(recorded).forEach((client, scores) -> scores.stream()
                .filter(x -> x.question().equals(question) && x.score() >= min && x.score() <= max).findAny().ifPresent(x -> found.add(client)));
        return found;
    }

    /** The report lines worked out here from the responses, the report's documented rules restated. */
    private static List<ScoreReport.Line> expected(ScoreQuery query, String question, List<Response> recorded) {
        boolean nps = question.equals("nps");
        Map<Optional<String>, long[][]> groups = new java.util.TreeMap<>(Comparator.comparing((Optional<String> k) -> k.orElse(""), SortOrder.TEXT));
        if (query.by() == ScoreQuery.By.PERIOD) {
            groups.put(Optional.empty(), new long[query.periods()][3]);
        }
        for (Response r : recorded) {
            Optional<Answer> answer = r.answer(question);
            int period = query.periodOf(r.at());
            if (answer.isEmpty() || period < 0) {
                continue;
            }
            Optional<String> key = switch (query.by()) {
                case PERIOD -> Optional.empty();
                case EMPLOYEE -> Optional.of(r.employee().value());
                case CLIENT -> Optional.of(r.client().value().toString());
            };
            int score = Integer.parseInt(answer.get().value());
            long[] line = groups.computeIfAbsent(key, k -> new long[query.periods()][3])[period];
            line[0]++;
            if (nps ? score >= 9 : score >= 4) {
                line[1]++;
            }
            if (nps ? score <= 6 : score <= 3) {
                line[2]++;
            }
        }
        List<ScoreReport.Line> lines = new ArrayList<>();
        groups.forEach((key, periods) -> {
            for (int p = 0; p < periods.length; p++) {
                long[] n = periods[p];
                long numerator = nps ? n[1] - n[2] : n[1];
                Optional<BigDecimal> score = n[0] == 0 ? Optional.empty()
                        : Optional.of(BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(n[0]), 2, RoundingMode.HALF_EVEN));
                lines.add(new ScoreReport.Line(p, query.boundaries().get(p), query.boundaries().get(p + 1), key, n[0], n[1], n[2], score));
            }
        });
        return lines;
    }

    private static void refused(Runnable call, String field, String value, String problem) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(String.valueOf(e.rejectedValue())).isEqualTo(value);
            assertThat(e.getMessage()).contains(problem);
        });
    }
}
