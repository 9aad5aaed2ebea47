package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.client.Clients;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.criteria.Criterion;
import org.crmkit.handover.HandOverReport;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.ClientsWithoutInteractions;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionAnalysis;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.Occurrence;
import org.crmkit.interaction.OccurrenceOverride;
import org.crmkit.interaction.Recurrence;
import org.crmkit.interaction.Timing;
import org.crmkit.interaction.Interactions;
import org.crmkit.interaction.QuietClient;
import org.crmkit.interaction.Reminder;
import org.crmkit.interaction.ReminderState;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.survey.Response;
import org.crmkit.survey.ScoreQuery;
import org.crmkit.survey.ScoreReport;
import org.crmkit.survey.TemplateId;
import org.junit.jupiter.api.Test;

/**
 * The demo's interactions, survey and hand-over read back through the API. The reports are checked
 * line by line against counts computed here from the interactions and clients the demo stored and
 * from its input lists, not against figures copied from its output.
 */
class BrochureInteractionsTest {
    private static final ZoneId MOSCOW = BrochureSales.MOSCOW;
    private final Crm crm = Crm.builder()
            .storage(new InMemoryStorage())
            .clock(Clock.fixed(Instant.parse("2011-09-16T08:30:00Z"), MOSCOW))
            .zone(MOSCOW)
            .employees(Demo.STAFF)
            .ids(IdGenerator.sequential())
            .actor(Actor.employee(TenantId.of("veterok"), EmployeeId.of("abdulov")))
            .build();
    private final HandOverReport handOver = created();
    private final Map<String, ClientId> clients = BrochureSales.clientsByName(crm);

    private HandOverReport created() {
        BrochureSales.create(crm, BrochureClients.create(crm));
        return BrochureInteractions.create(crm);
    }

    private List<Interaction> all() {
        return crm.interactions().listAfter(Criterion.all(), Optional.empty(), 1000);
    }

    private Interaction stored(BrochureInteractions.Item item) {
        return all().stream().filter(i -> i.subject().equals(item.subject())).findFirst().orElseThrow();
    }

    private static InteractionState stateOf(BrochureInteractions.Item item) {
        return item.cancelled() ? InteractionState.CANCELLED : item.result().isPresent() ? InteractionState.DONE : InteractionState.PLANNED;
    }

    @Test
    void theWeekHoldsEverySingleItemOfTheEmployeeWithItsClientAndState() {
        CalendarPeriod week = CalendarPeriod.days(BrochureInteractions.WEEK, BrochureInteractions.WEEK.plusDays(6), MOSCOW);
        List<Interaction> calendar = crm.interactions().calendar(Set.of(BrochureInteractions.ALEKSEEV), week);
        assertThat(calendar).allSatisfy(i -> {
            assertThat(i.involves(BrochureInteractions.ALEKSEEV)).isTrue();
            assertThat(i.timing().startKey()).isBetween(week.from(), week.until());
        });
        for (BrochureInteractions.Item item : BrochureInteractions.WEEK_ITEMS) {
            Interaction read = calendar.stream().filter(i -> i.subject().equals(item.subject())).findFirst().orElseThrow();
            assertThat(read.timing().startKey()).isEqualTo(item.start().atZone(MOSCOW).toInstant());
            assertThat(read.mainClient()).contains(clients.get(item.client()));
            assertThat(read.state()).as(item.subject()).isEqualTo(stateOf(item));
        }
        // Алхимов's call of 10.01 and the planned action of 11.01 from his card are in the week too, and the planning series once
        assertThat(calendar).hasSize(BrochureInteractions.WEEK_ITEMS.size() + 3);
        assertThat(calendar).filteredOn(Interaction::recurs).extracting(Interaction::subject).containsExactly(BrochureInteractions.PLANNING);
    }

    @Test
    void theWeeklyPlanningMeetingRecursEveryMondayAtNineWithItsFirstOccurrenceDone() {
        CalendarPeriod week = CalendarPeriod.days(BrochureInteractions.WEEK, BrochureInteractions.WEEK.plusDays(6), MOSCOW);
        List<Occurrence> entries = crm.interactions().occurrences().calendar(Set.of(BrochureInteractions.ALEKSEEV), week);
        assertThat(entries).hasSize(BrochureInteractions.WEEK_ITEMS.size() + 3).isSortedAccordingTo(Occurrence.TIME_ORDER);
        Occurrence first = entries.stream().filter(Occurrence::recurring).findFirst().orElseThrow();
        assertThat(first.interaction().subject()).isEqualTo(BrochureInteractions.PLANNING);
        assertThat(first.timing().startKey()).isEqualTo(BrochureInteractions.PLANNING_START.atZone(MOSCOW).toInstant());
        assertThat(first.state()).isEqualTo(InteractionState.DONE);
        assertThat(first.result()).contains(BrochureInteractions.PLANNING_RESULT);
        assertThat(entries).filteredOn(o -> !o.recurring()).extracting(Occurrence::interaction)
                .containsExactlyElementsOf(crm.interactions().calendar(Set.of(BrochureInteractions.ALEKSEEV), week).stream()
                        .filter(i -> !i.recurs()).collect(java.util.stream.Collectors.toList()));

        CalendarPeriod quarter = CalendarPeriod.days(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 6, 30), MOSCOW);
        List<Occurrence> series = crm.interactions().occurrences().calendar(Set.of(BrochureInteractions.ALEKSEEV), quarter).stream()
                .filter(Occurrence::recurring).collect(java.util.stream.Collectors.toList());
        assertThat(series).hasSize(12).allSatisfy(o -> {
            assertThat(o.timing().startKey().atZone(MOSCOW).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
            assertThat(o.timing().startKey().atZone(MOSCOW).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        });
        assertThat(series).extracting(Occurrence::state).containsOnlyOnce(InteractionState.DONE);
    }

    @Test
    void theReminderIsLeasedOnceAndNotAgainAfterItIsAcknowledged() {
        Instant now = crm.clock().instant();
        List<Reminder> due = crm.interactions().reminders().due(now, BrochureInteractions.LEASE, 10);
        assertThat(due).hasSize(1);
        Reminder leased = due.get(0);
        assertThat(crm.interactions().get(leased.interaction()).subject()).isEqualTo(BrochureInteractions.REMINDED);
        assertThat(crm.interactions().reminders().due(now, BrochureInteractions.LEASE, 10)).as("while leased").isEmpty();

        Reminder acknowledged = crm.interactions().reminders().acknowledge(leased.id(), leased.lease().orElseThrow().token());
        assertThat(acknowledged.state()).isEqualTo(ReminderState.ACKNOWLEDGED);
        assertThat(crm.interactions().reminders().due(now.plus(BrochureInteractions.LEASE.multipliedBy(2)), BrochureInteractions.LEASE, 10))
                .as("after the lease would have ended").isEmpty();
    }

    @Test
    void csatAndNpsPerMonthAreTheFormulasAppliedToTheResponses() {
        Response alkhimovs = crm.surveys().ofClient(clients.get("Алхимов А.А.")).get(0);
        assertThat(alkhimovs.deal()).isPresent();
        TemplateId template = alkhimovs.template();
        ScoreReport csat = crm.surveys().scores(ScoreQuery.monthly(template, BrochureInteractions.CSAT, BrochureInteractions.FIRST_SURVEY_MONTH,
                BrochureInteractions.LAST_SURVEY_MONTH, MOSCOW, ScoreQuery.By.PERIOD));
        ScoreReport nps = crm.surveys().scores(ScoreQuery.monthly(template, BrochureInteractions.NPS, BrochureInteractions.FIRST_SURVEY_MONTH,
                BrochureInteractions.LAST_SURVEY_MONTH, MOSCOW, ScoreQuery.By.PERIOD));
        int months = (int) BrochureInteractions.FIRST_SURVEY_MONTH.until(BrochureInteractions.LAST_SURVEY_MONTH, ChronoUnit.MONTHS) + 1;
        assertThat(csat.lines()).hasSize(months);
        assertThat(nps.lines()).hasSize(months);
        for (int i = 0; i < months; i++) {
            YearMonth month = BrochureInteractions.FIRST_SURVEY_MONTH.plusMonths(i);
            List<BrochureInteractions.SurveyAnswer> answers = BrochureInteractions.ANSWERS.stream()
                    .filter(a -> YearMonth.from(a.on()).equals(month)).collect(Collectors.toList());
            long satisfied = count(answers, BrochureInteractions.SurveyAnswer::csat, 4, 5);
            long promoters = count(answers, BrochureInteractions.SurveyAnswer::nps, 9, 10);
            long detractors = count(answers, BrochureInteractions.SurveyAnswer::nps, 0, 6);
            assertThat(csat.lines().get(i).answers()).as(month + " answers").isEqualTo(answers.size());
            assertThat(csat.lines().get(i).score().orElseThrow()).as(month + " CSAT").isEqualByComparingTo(percent(satisfied, answers.size()));
            assertThat(nps.lines().get(i).score().orElseThrow()).as(month + " NPS")
                    .isEqualByComparingTo(percent(promoters - detractors, answers.size()));
        }
    }

    private static long count(List<BrochureInteractions.SurveyAnswer> answers, ToIntFunction<BrochureInteractions.SurveyAnswer> score,
                              int from, int to) {
        return answers.stream().mapToInt(score).filter(s -> s >= from && s <= to).count();
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), ScoreReport.SCALE, RoundingMode.HALF_EVEN);
    }

    @Test
    void theHandOverMovesExactlyTheOpenItemsAndTheClientsOfTheLeaver() {
        long open = BrochureInteractions.LEAVER_ITEMS.stream().filter(BrochureInteractions.Item::isOpen).count();
        assertThat(open).isPositive().isLessThan(BrochureInteractions.LEAVER_ITEMS.size());
        assertThat(handOver.count(Interactions.HANDED_OVER)).isEqualTo(open);
        assertThat(handOver.ids(Interactions.HANDED_OVER)).as("the ids of the moved items")
                .containsExactlyInAnyOrderElementsOf(BrochureInteractions.LEAVER_ITEMS.stream().filter(BrochureInteractions.Item::isOpen)
                        .map(item -> stored(item).id()).collect(Collectors.toList()));
        assertThat(handOver.ids(Clients.HANDED_OVER)).extracting(id -> crm.clients().get(id).shortName())
                .containsExactlyInAnyOrderElementsOf(BrochureInteractions.LEAVER_CLIENTS.keySet());
        for (BrochureInteractions.Item item : BrochureInteractions.LEAVER_ITEMS) {
            assertThat(stored(item).responsible()).as(item.subject())
                    .isEqualTo(item.isOpen() ? BrochureInteractions.SUCCESSOR : BrochureInteractions.LEAVER);
        }
        assertThat(all()).noneMatch(i -> i.isOpen() && i.responsible().equals(BrochureInteractions.LEAVER));
        for (String name : BrochureInteractions.LEAVER_CLIENTS.keySet()) {
            assertThat(crm.clients().get(clients.get(name)).manager()).as(name).contains(BrochureInteractions.SUCCESSOR);
        }
        assertThat(handOver.total()).isEqualTo(open + BrochureInteractions.LEAVER_CLIENTS.size());
    }

    /** What the reports count as one interaction: a single item, or one occurrence of a series (the series and its original start). */
    private record Counted(Interaction interaction, Optional<Instant> originalStart, EmployeeId responsible) {
    }

    /**
     * The interactions the reports count in the month: not cancelled, starting in it; for a series
     * (not cancelled as a whole) each occurrence its rule gives, as its override says, by its own
     * start, state and responsible employee.
     */
    private List<Counted> counted(CalendarPeriod period) {
        List<Counted> counted = new ArrayList<>();
        for (Interaction i : all()) {
            if (i.state() == InteractionState.CANCELLED) {
                continue;
            }
            if (i.recurrence().isEmpty()) {
                if (!i.timing().startKey().isBefore(period.from()) && i.timing().startKey().isBefore(period.until())) {
                    counted.add(new Counted(i, Optional.empty(), i.responsible()));
                }
                continue;
            }
            Recurrence rule = i.recurrence().get();
            Map<Instant, OccurrenceOverride> overrides = crm.interactions().occurrences().series(i.id()).overrides().stream()
                    .collect(Collectors.toMap(o -> o.id().originalStart(), o -> o));
            for (Timing ruled : rule.all(i.timing(), rule.zone().orElseThrow())) {
                Optional<OccurrenceOverride> own = Optional.ofNullable(overrides.get(ruled.startKey()));
                Instant start = own.map(o -> o.timing().startKey()).orElse(ruled.startKey());
                boolean cancelled = own.filter(o -> o.state() == InteractionState.CANCELLED).isPresent();
                if (!cancelled && !start.isBefore(period.from()) && start.isBefore(period.until())) {
                    counted.add(new Counted(i, Optional.of(ruled.startKey()), own.flatMap(OccurrenceOverride::responsible).orElse(i.responsible())));
                }
            }
        }
        return counted;
    }

    @Test
    void everyLineOfTheInteractionAnalysisCountsTheStoredInteractions() {
        // September, the brochure's month, and January, the month of the weekly planning meeting's first occurrences
        for (YearMonth reported : List.of(BrochureInteractions.REPORT_MONTH, YearMonth.from(BrochureInteractions.PLANNING_START))) {
            CalendarPeriod month = CalendarPeriod.month(reported, MOSCOW);
            List<Counted> counted = counted(month);
            InteractionAnalysis report = crm.interactions().analysis(reported, MOSCOW);

            assertThat(report.total()).as("total of %s", reported).isEqualTo(counted.size());
            Map<EmployeeId, List<Counted>> byResponsible = counted.stream().collect(Collectors.groupingBy(Counted::responsible));
            assertThat(report.responsibles()).extracting(InteractionAnalysis.ResponsibleLine::responsible)
                    .containsExactlyInAnyOrderElementsOf(byResponsible.keySet());
            byResponsible.forEach((employee, theirs) -> {
                InteractionAnalysis.ResponsibleLine line = report.responsible(employee).orElseThrow();
                assertThat(line.interactions()).as(employee.value()).isEqualTo(theirs.size());
                Map<ClientId, List<Counted>> byClient = new TreeMap<>(Comparator.comparing(ClientId::value));
                theirs.forEach(c -> c.interaction().clients().forEach(client -> byClient.computeIfAbsent(client, k -> new ArrayList<>()).add(c)));
                assertThat(line.clients()).hasSize(byClient.size() + (theirs.stream().anyMatch(c -> c.interaction().clients().isEmpty()) ? 1 : 0));
                byClient.forEach((client, withClient) -> {
                    InteractionAnalysis.ClientLine clientLine = line.client(client).orElseThrow();
                    assertThat(clientLine.interactions()).isEqualTo(withClient.size());
                    Map<String, Long> byKind = withClient.stream().collect(Collectors.groupingBy(c -> c.interaction().kind().key(), Collectors.counting()));
                    assertThat(clientLine.kinds().stream().collect(Collectors.toMap(k -> k.kind().key(), InteractionAnalysis.KindLine::interactions)))
                            .isEqualTo(byKind);
                });
            });
        }
        assertThat(counted(CalendarPeriod.month(YearMonth.from(BrochureInteractions.PLANNING_START), MOSCOW))).as("the planning meeting's January occurrences count")
                .filteredOn(c -> c.originalStart().isPresent()).isNotEmpty();
        // The hand-over shows: the done call stays under the leaver, the open items under the successor.
        InteractionAnalysis report = crm.interactions().analysis(BrochureInteractions.REPORT_MONTH, MOSCOW);
        assertThat(report.responsible(BrochureInteractions.LEAVER).orElseThrow().interactions())
                .isEqualTo(BrochureInteractions.LEAVER_ITEMS.stream().filter(i -> i.result().isPresent()).count());
    }

    @Test
    void clientsWithoutInteractionsAreTheClientsNotInAnyCountedInteraction() {
        CalendarPeriod month = CalendarPeriod.month(BrochureInteractions.REPORT_MONTH, MOSCOW);
        Set<ClientId> busy = counted(month).stream().flatMap(c -> c.interaction().clients().stream()).collect(Collectors.toSet());
        List<Client> quiet = crm.clients().find(ClientQuery.where(Criterion.all())).stream().filter(c -> !busy.contains(c.id()))
                .collect(Collectors.toList());
        ClientsWithoutInteractions report = crm.interactions().withoutInteractions(BrochureInteractions.REPORT_MONTH, MOSCOW, Set.of(), Set.of());

        assertThat(report.total()).isEqualTo(quiet.size());
        assertThat(report.clients()).containsExactlyInAnyOrderElementsOf(quiet.stream().map(Client::id).collect(Collectors.toList()));
        Map<Optional<EmployeeId>, List<Client>> byManager = quiet.stream().collect(Collectors.groupingBy(Client::manager));
        assertThat(report.managers()).hasSize(byManager.size());
        byManager.forEach((manager, theirs) -> {
            ClientsWithoutInteractions.ManagerLine line = report.manager(manager).orElseThrow();
            assertThat(line.clients()).isEqualTo(theirs.size());
            Map<Optional<RelationshipTypeId>, List<Client>> byType = theirs.stream().collect(Collectors.groupingBy(Client::relationship));
            assertThat(line.relationships()).hasSize(byType.size());
            for (ClientsWithoutInteractions.RelationshipLine typeLine : line.relationships()) {
                List<Client> ofType = byType.get(typeLine.relationship());
                assertThat(typeLine.clients()).isEqualTo(ofType.size());
                assertThat(typeLine.lines()).extracting(QuietClient::shortName, QuietClient::registeredOn)
                        .containsExactlyInAnyOrderElementsOf(ofType.stream().map(c -> tuple(c.shortName(), c.registeredOn()))
                                .collect(Collectors.toList()));
            }
        });
        // The brochure's lost VIP client.
        assertThat(report.clients()).contains(clients.get("Питерсофт"));
    }
}
