package org.crmkit.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Clients;
import org.crmkit.client.ContactPersons;
import org.crmkit.client.NewClient;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.deal.Deal;
import org.crmkit.deal.Deals;
import org.crmkit.employee.Employee;
import org.crmkit.handover.HandOverReport;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.ClientsWithoutInteractions;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionAnalysis;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.Interactions;
import org.crmkit.interaction.Occurrence;
import org.crmkit.interaction.OccurrenceId;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Recurrence;
import org.crmkit.interaction.QuietClient;
import org.crmkit.interaction.Reminder;
import org.crmkit.interaction.Timing;
import org.crmkit.survey.Answer;
import org.crmkit.survey.Question;
import org.crmkit.survey.ScoreQuery;
import org.crmkit.survey.ScoreReport;
import org.crmkit.survey.Template;

/**
 * The brochure's work with clients after a sale, made and printed through the public API: Алексеев
 * И.Н.'s week of 10.01.2011 (with the weekly planning meeting, a series whose first occurrence is done) with a reminder
 * leased and acknowledged as a polling host would, the satisfaction survey after a deal with CSAT
 * and NPS per month, the hand-over of Петрищев А.Е.'s work when he leaves, and the reports
 * "Анализ взаимодействий" and "Клиенты без взаимодействий" for September 2011 (the brochure's
 * period, where Питерсофт is the lost VIP client).
 */
public final class BrochureInteractions {
    static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    static final EmployeeId LEAVER = EmployeeId.of("petrishchev");
    static final EmployeeId SUCCESSOR = EmployeeId.of("panina");
    static final LocalDate WEEK = LocalDate.of(2011, 1, 10);
    static final YearMonth REPORT_MONTH = YearMonth.of(2011, 9);
    static final YearMonth FIRST_SURVEY_MONTH = YearMonth.of(2011, 1);
    static final YearMonth LAST_SURVEY_MONTH = YearMonth.of(2011, 2);
    static final String TEMPLATE = "Оценка удовлетворённости";
    static final String CSAT = "csat";
    static final String NPS = "nps";
    static final String REMINDED = "Замер помещения под вентиляцию";
    static final Duration LEASE = Duration.ofMinutes(5);
    /** The weekly planning meeting: a series of twelve Mondays at 9:00 Moscow time from the week's Monday. */
    static final String PLANNING = "Планёрка отдела продаж";
    static final Recurrence PLANNING_RULE = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=12");
    static final LocalDateTime PLANNING_START = LocalDateTime.of(2011, 1, 10, 9, 0);
    static final String PLANNING_RESULT = "План продаж на неделю согласован";

    private BrochureInteractions() {
    }

    /** One single (not recurring) item: client by short name, responsible, start in Moscow time, result when done. */
    record Item(String client, InteractionKind kind, String subject, LocalDateTime start, int minutes, EmployeeId responsible,
                Optional<String> result, boolean cancelled) {
        static Item open(String client, InteractionKind kind, String subject, LocalDateTime start, int minutes, EmployeeId responsible) {
            return new Item(client, kind, subject, start, minutes, responsible, Optional.empty(), false);
        }

        Item done(String outcome) {
            return new Item(client, kind, subject, start, minutes, responsible, Optional.of(outcome), false);
        }

        Item cancel() {
            return new Item(client, kind, subject, start, minutes, responsible, Optional.empty(), true);
        }

        boolean isOpen() {
            return result.isEmpty() && !cancelled;
        }
    }

    /** A client's answers to the survey: the client, the deal it followed (title, if any), the day asked, CSAT 1–5, NPS 0–10. */
    record SurveyAnswer(String client, Optional<String> deal, LocalDate on, EmployeeId askedBy, int csat, int nps) {
    }

    /** Алексеев's week besides the two items of Алхимов's card (10.01 and 11.01, made by {@link BrochureSales}). */
    static final List<Item> WEEK_ITEMS = List.of(
            Item.open("Баев и Ко", InteractionKind.MEETING, REMINDED, LocalDateTime.of(2011, 1, 12, 10, 0), 90, ALEKSEEV),
            Item.open("Алхимов А.А.", InteractionKind.EMAIL, "Счет на сплит-систему", LocalDateTime.of(2011, 1, 13, 15, 0), 15, ALEKSEEV)
                    .done("Счет отправлен"),
            Item.open("Прайм-М", InteractionKind.MEETING, "Презентация для торгового зала", LocalDateTime.of(2011, 1, 14, 11, 0), 60, ALEKSEEV)
                    .cancel(),
            Item.open("Белявский", InteractionKind.OUTGOING_CALL, "Согласовать дату монтажа", LocalDateTime.of(2011, 1, 14, 16, 30), 10,
                    ALEKSEEV));

    /** Петрищев's clients of the brochure's reports, with his main manager and their relationship. */
    static final Map<String, RelationshipTypeId> LEAVER_CLIENTS = Map.of("Заря", RelationshipType.REGULAR, "Квадро", RelationshipType.ONE_OFF_BUYER);

    /** Петрищев's items in September 2011: the done one stays his after the hand-over, the open ones move. */
    static final List<Item> LEAVER_ITEMS = List.of(
            Item.open("Заря", InteractionKind.OUTGOING_CALL, "Уточнить объем заказа", LocalDateTime.of(2011, 9, 5, 10, 0), 15, LEAVER)
                    .done("Заказ на 3 кондиционера"),
            Item.open("Квадро", InteractionKind.MEETING, "Показ образцов", LocalDateTime.of(2011, 9, 20, 14, 0), 60, LEAVER),
            Item.open("Заря", InteractionKind.TASK, "Подготовить договор поставки", LocalDateTime.of(2011, 9, 22, 12, 0), 120, LEAVER));

    /** The survey after a deal: Алхимов's after his won "Сплит-система", the others after service calls. */
    static final List<SurveyAnswer> ANSWERS = List.of(
            new SurveyAnswer("Алхимов А.А.", Optional.of("Сплит-система в кухонный салон"), LocalDate.of(2011, 1, 14), ALEKSEEV, 5, 9),
            new SurveyAnswer("Белявский", Optional.empty(), LocalDate.of(2011, 1, 20), SUCCESSOR, 4, 8),
            new SurveyAnswer("Баев и Ко", Optional.empty(), LocalDate.of(2011, 2, 9), ALEKSEEV, 3, 6),
            new SurveyAnswer("Прайм-М", Optional.empty(), LocalDate.of(2011, 2, 15), ALEKSEEV, 5, 10));

    /** Adds the week, Петрищев's clients and items, the reminder and the survey, then hands Петрищев's work to Панина. */
    static HandOverReport create(Crm crm) {
        LEAVER_CLIENTS.forEach((name, relationship) -> crm.clients().register(NewClient.legalEntity(name).relationship(relationship)
                .manager(LEAVER).registeredOn(LocalDate.of(2011, 3, 1))));
        Map<String, ClientId> clients = BrochureSales.clientsByName(crm);
        for (Item item : WEEK_ITEMS) {
            Interaction planned = plan(crm, clients, item);
            if (item.subject().equals(REMINDED)) {
                crm.interactions().reminders().set(planned.id(), item.start().minusMinutes(30).atZone(crm.zone()).toInstant());
            }
        }
        LEAVER_ITEMS.forEach(item -> plan(crm, clients, item));
        Instant planningStart = PLANNING_START.atZone(crm.zone()).toInstant();
        Interaction planning = crm.interactions().plan(InteractionKind.MEETING, PLANNING, Timing.timed(planningStart,
                planningStart.plus(Duration.ofMinutes(30))), ALEKSEEV, i -> i.repeat(PLANNING_RULE)).interaction();
        crm.interactions().occurrences().complete(new OccurrenceId(planning.id(), planningStart), 0, PLANNING_RESULT);

        Template template = crm.surveys().addTemplate(TEMPLATE, List.of(
                Question.scale5(CSAT, "Насколько вы довольны нашей работой? (1–5)", true),
                Question.scale10(NPS, "Порекомендуете ли вы нас знакомым? (0–10)", true)));
        for (SurveyAnswer answer : ANSWERS) {
            ClientId client = clients.get(answer.client());
            Optional<Deal> deal = answer.deal().map(title -> crm.deals().ofClient(client).stream().filter(d -> d.title().equals(title))
                    .findFirst().orElseThrow());
            crm.surveys().record(template.id(), template.revision(), client, deal.map(Deal::id), Optional.empty(), answer.askedBy(),
                    answer.on().atTime(12, 0).atZone(crm.zone()).toInstant(),
                    List.of(Answer.score(CSAT, answer.csat()), Answer.score(NPS, answer.nps())));
        }
        return crm.handOvers().handOver(LEAVER, SUCCESSOR);
    }

    private static Interaction plan(Crm crm, Map<String, ClientId> clients, Item item) {
        ZoneId zone = crm.zone();
        Timing timing = Timing.timed(item.start().atZone(zone).toInstant(), item.start().plusMinutes(item.minutes()).atZone(zone).toInstant());
        Interaction planned = crm.interactions().plan(item.kind(), item.subject(), timing, item.responsible(),
                i -> {
                    Interaction with = i.withParticipants(List.of(Participant.of(clients.get(item.client()))));
                    return item.result().map(with::complete).orElse(with);
                }).interaction();
        return item.cancelled() ? crm.interactions().cancel(planned.id(), planned.version()) : planned;
    }

    /** The week, the reminder leased and acknowledged, the survey's scores, the hand-over (when this run made it) and the two reports. */
    static void print(Crm crm, Optional<HandOverReport> handOver, PrintStream out) {
        Map<ClientId, String> names = BrochureSales.clientsByName(crm).entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        ZoneId zone = crm.zone();

        CalendarPeriod week = CalendarPeriod.days(WEEK, WEEK.plusDays(6), zone);
        out.println("Неделя " + employee(crm, ALEKSEEV) + " с " + week.firstDay() + " по " + week.lastDay() + " (" + zone + ")");
        out.printf("  %-10s %-5s %-18s %-38s %-14s %s%n", "День", "Время", "Вид", "Тема", "Клиент", "Состояние");
        for (Occurrence entry : crm.interactions().occurrences().calendar(Set.of(ALEKSEEV), week)) {
            Interaction item = entry.interaction();
            LocalDateTime start = entry.timing().startKey().atZone(zone).toLocalDateTime();
            out.printf("  %-10s %-5s %-18s %-38s %-14s %s%n", start.toLocalDate(), start.toLocalTime(), item.kind(),
                    item.subject() + (entry.recurring() ? " (еженедельно)" : ""), item.mainClient().map(names::get).orElse("—"),
                    entry.state() + entry.result().map(r -> ": " + r).orElse(""));
        }
        Instant now = crm.clock().instant();
        List<Reminder> due = crm.interactions().reminders().due(now, LEASE, 10);
        for (Reminder reminder : due) {
            Interaction item = crm.interactions().get(reminder.interaction());
            out.println("  Напоминание на " + reminder.fireAt().atZone(zone).toLocalDateTime() + " о \"" + item.subject() + "\" для "
                    + employee(crm, reminder.employee()) + ": выдано на " + LEASE.toMinutes() + " мин, после показа "
                    + crm.interactions().reminders().acknowledge(reminder.id(), reminder.lease().orElseThrow().token()).state());
        }
        out.println(due.isEmpty() ? "  Напоминаний к показу нет (подтверждены при первом запуске)."
                : "  Повторный запрос: к показу " + crm.interactions().reminders().due(now, LEASE, 10).size() + " напоминаний.");
        out.println();

        printScores(crm, names, out);
        handOver.ifPresent(report -> printHandOver(crm, report, names, out));
        printAnalysis(crm, crm.interactions().analysis(REPORT_MONTH, zone), out);
        printQuiet(crm, crm.interactions().withoutInteractions(REPORT_MONTH, zone, Set.of(), Set.of()), out);
    }

    private static void printScores(Crm crm, Map<ClientId, String> names, PrintStream out) {
        Optional<Template> found = crm.surveys().templates().stream().filter(t -> t.name().equals(TEMPLATE)).findFirst();
        if (found.isEmpty()) {
            out.println("Опрос: в этой базе его нет (её создала прежняя версия демо; удалите data/, чтобы создать заново).");
            out.println();
            return;
        }
        Template template = found.get();
        out.println("Опрос \"" + template.name() + "\" после сделки");
        for (Question question : template.questions()) {
            out.println("  " + question.key() + ": " + question.text());
        }
        ScoreReport csat = crm.surveys().scores(ScoreQuery.monthly(template.id(), CSAT, FIRST_SURVEY_MONTH, LAST_SURVEY_MONTH, crm.zone(),
                ScoreQuery.By.PERIOD));
        ScoreReport nps = crm.surveys().scores(ScoreQuery.monthly(template.id(), NPS, FIRST_SURVEY_MONTH, LAST_SURVEY_MONTH, crm.zone(),
                ScoreQuery.By.PERIOD));
        out.printf("  %-8s %7s %8s %8s%n", "Месяц", "Ответов", "CSAT, %", "NPS");
        for (int i = 0; i < csat.lines().size(); i++) {
            ScoreReport.Line c = csat.lines().get(i);
            ScoreReport.Line n = nps.lines().get(i);
            out.printf("  %-8s %7d %8s %8s%n", YearMonth.from(c.from().atZone(crm.zone())), c.answers(),
                    c.score().map(s -> s.toPlainString()).orElse("—"), n.score().map(s -> s.toPlainString()).orElse("—"));
        }
        out.println();
    }

    private static void printHandOver(Crm crm, HandOverReport report, Map<ClientId, String> names, PrintStream out) {
        out.println("Передача дел: " + employee(crm, report.from()) + " уходит, дела принимает " + employee(crm, report.to()));
        out.printf("  %-16s %3d: %s%n", "Клиенты", report.count(Clients.HANDED_OVER), report.ids(Clients.HANDED_OVER).stream()
                .map(names::get).sorted().collect(Collectors.joining(", ")));
        out.printf("  %-16s %3d%n", "Контактные лица", report.count(ContactPersons.HANDED_OVER));
        out.printf("  %-16s %3d: %s%n", "Дела", report.count(Interactions.HANDED_OVER), report.ids(Interactions.HANDED_OVER).stream()
                .map(id -> crm.interactions().get(id).subject()).collect(Collectors.joining(", ")));
        out.printf("  %-16s %3d%n", "Сделки", report.count(Deals.HANDED_OVER));
        out.printf("  %-16s %3d%n", "Итого", report.total());
        for (Item item : LEAVER_ITEMS) {
            Interaction now = crm.interactions().calendar(Set.of(LEAVER, SUCCESSOR), CalendarPeriod.days(item.start().toLocalDate(),
                    item.start().toLocalDate(), crm.zone())).stream().filter(i -> i.subject().equals(item.subject())).findFirst().orElseThrow();
            out.printf("  %-30s %-8s %-9s → %s%n", now.subject(), now.mainClient().map(names::get).orElse("—"), now.state(),
                    employee(crm, now.responsible()));
        }
        out.println();
    }

    private static void printAnalysis(Crm crm, InteractionAnalysis report, PrintStream out) {
        out.println("Анализ взаимодействий с " + report.period().firstDay() + " по " + report.period().lastDay());
        out.printf("  %-26s %-16s %-20s %10s%n", "Ответственный", "Клиент", "Вид взаимодействия", "Количество");
        for (InteractionAnalysis.ResponsibleLine responsible : report.responsibles()) {
            out.printf("  %-26s %-16s %-20s %10d%n", employee(crm, responsible.responsible()), "", "", responsible.interactions());
            for (InteractionAnalysis.ClientLine client : responsible.clients()) {
                out.printf("  %-26s %-16s %-20s %10d%n", "", client.name().orElse("(без клиента)"), "", client.interactions());
                for (InteractionAnalysis.KindLine kind : client.kinds()) {
                    out.printf("  %-26s %-16s %-20s %10d%n", "", "", kind.kind(), kind.interactions());
                }
            }
        }
        out.printf("  %-64s %10d%n", "Итого", report.total());
        out.println();
    }

    private static void printQuiet(Crm crm, ClientsWithoutInteractions report, PrintStream out) {
        Map<RelationshipTypeId, String> relationships = crm.relationshipTypes().all().stream()
                .collect(Collectors.toMap(RelationshipType::id, RelationshipType::name));
        out.println("Клиенты без взаимодействий с " + report.period().firstDay() + " по " + report.period().lastDay());
        out.printf("  %-26s %-24s %-16s %-17s %10s%n", "Основной менеджер", "Тип отношений", "Клиент", "Дата регистрации", "Количество");
        for (ClientsWithoutInteractions.ManagerLine manager : report.managers()) {
            out.printf("  %-26s %-24s %-16s %-17s %10d%n", manager.manager().map(m -> employee(crm, m)).orElse("(без менеджера)"), "", "", "",
                    manager.clients());
            for (ClientsWithoutInteractions.RelationshipLine relationship : manager.relationships()) {
                out.printf("  %-26s %-24s %-16s %-17s %10d%n", "", relationship.relationship().map(relationships::get).orElse("(не указан)"),
                        "", "", relationship.clients());
                for (QuietClient client : relationship.lines()) {
                    out.printf("  %-26s %-24s %-16s %-17s%n", "", "", client.shortName(), client.registeredOn());
                }
            }
        }
        out.printf("  %-86s %10d%n", "Итого", report.total());
        out.println();
    }

    private static String employee(Crm crm, EmployeeId id) {
        return crm.employees().find(id).map(Employee::name).orElse(id.value());
    }
}
