package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicy;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.NewClient;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.interaction.AnalysisCount;
import org.crmkit.interaction.AnalysisRow;
import org.crmkit.interaction.AnalysisSummary;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.ClientsWithoutInteractions;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionAnalysis;
import org.crmkit.interaction.InteractionAnalysis.ClientLine;
import org.crmkit.interaction.InteractionAnalysis.ResponsibleLine;
import org.crmkit.interaction.InteractionCriterion;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.OccurrenceId;
import org.crmkit.interaction.OccurrenceOverride;
import org.crmkit.interaction.Recurrence;
import org.crmkit.interaction.QuietClient;
import org.crmkit.interaction.Timing;
import org.junit.jupiter.api.Test;

/**
 * The two interaction reports in the store kit: on a varied population every store answers the
 * rows a plain restatement of the reports' definitions gives (so memory, H2 and PostgreSQL agree);
 * on the brochure's picture (September 2011 in Moscow) the counts, subtotals and edges are as
 * {@link InteractionAnalysis} and {@link ClientsWithoutInteractions} say: an item at the period's
 * start counts and one at its end does not, cancelled items and archived clients are left out, an
 * interaction with two clients counts once in the total, a client without a manager has a line,
 * the access policy narrows both reports, and bad input names the field.
 */
abstract class InteractionReportContract extends LedgerContract {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final CalendarPeriod SEPTEMBER = CalendarPeriod.month(YearMonth.of(2011, 9), MOSCOW);
    private static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    private static final EmployeeId PANINA = EmployeeId.of("panina");
    private static final RelationshipTypeId VIP = RelationshipTypeId.of("vip");
    private static final RelationshipTypeId BUYERS = RelationshipTypeId.of("buyers");
    private static final RelationshipTypeId ONCE = RelationshipTypeId.of("once");

    // --- every store gives the rows of the definition, on a varied population

    private static boolean counts(Interaction i, CalendarPeriod period) {
        return i.state() != InteractionState.CANCELLED && i.timing().startsIn(period);
    }

    /** What one interaction or occurrence is in the definition: its identity, own timing, state and responsible employee. */
    private record Own(Optional<Instant> originalStart, Timing timing, InteractionState state, EmployeeId responsible) {
    }

    /**
     * The interactions as the reports define them, restated in plain Java: a single item as it is;
     * a series (unless cancelled as a whole) as every start its rule gives over a wide window
     * ({@link Recurrence#within}, in its pinned zone), each as its override says if it has one
     * (state, timing, the responsible employee it kept), else planned under the series' employee;
     * an override whose original start the rule does not give is listed only when done.
     */
    private static List<Own> owns(Interaction i, List<OccurrenceOverride> overrides, CalendarPeriod period) {
        if (!i.recurs()) {
            return List.of(new Own(Optional.empty(), i.timing(), i.state(), i.responsible()));
        }
        if (i.state() == InteractionState.CANCELLED) {
            return List.of();
        }
        Recurrence rule = i.recurrence().orElseThrow();
        Map<Instant, OccurrenceOverride> byStart = overrides.stream().filter(o -> o.id().series().equals(i.id()))
                .collect(Collectors.toMap(o -> o.id().originalStart(), o -> o));
        List<Own> owns = new ArrayList<>();
        Set<Instant> ruled = new HashSet<>();
        for (Timing t : rule.within(i.timing(), rule.zone().orElseThrow(), period.from().minus(400, ChronoUnit.DAYS),
                period.until().plus(400, ChronoUnit.DAYS))) {
            ruled.add(t.startKey());
            OccurrenceOverride o = byStart.get(t.startKey());
            owns.add(o == null ? new Own(Optional.of(t.startKey()), t, InteractionState.PLANNED, i.responsible())
                    : new Own(Optional.of(t.startKey()), o.timing(), o.state(), o.responsible().orElse(i.responsible())));
        }
        byStart.values().stream().filter(o -> !ruled.contains(o.id().originalStart()) && o.state() == InteractionState.DONE)
                .forEach(o -> owns.add(new Own(Optional.of(o.id().originalStart()), o.timing(), o.state(), o.responsible().orElse(i.responsible()))));
        return owns;
    }

    /** The analysis rows as the report defines them, restated over the population (series with their overrides) in plain Java. */
    private static List<AnalysisRow> expectedRows(List<Interaction> population, List<OccurrenceOverride> overrides, List<Client> clients,
                                                  CalendarPeriod period, Predicate<Client> clientWanted) {
        List<AnalysisRow> rows = new ArrayList<>();
        for (Interaction i : population) {
            List<Client> listed = new LinkedHashSet<>(i.clients()).stream()
                    .map(id -> clients.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()).filter(clientWanted)
                    .collect(Collectors.toList());
            for (Own own : owns(i, overrides, period)) {
                if (own.state() == InteractionState.CANCELLED || !own.timing().startsIn(period)) {
                    continue;
                }
                if (listed.isEmpty()) {
                    rows.add(new AnalysisRow(own.responsible(), Optional.empty(), Optional.empty(), i.kind(), i.id(), own.originalStart(), i.number(),
                            i.subject(), own.timing().startKey()));
                }
                listed.forEach(c -> rows.add(new AnalysisRow(own.responsible(), Optional.of(c.id()), Optional.of(c.shortName()), i.kind(), i.id(),
                        own.originalStart(), i.number(), i.subject(), own.timing().startKey())));
            }
        }
        return rows;
    }

    private static List<AnalysisRow> expectedRows(List<Interaction> population, List<Client> clients, CalendarPeriod period,
                                                  Predicate<Client> clientWanted) {
        return expectedRows(population, List.of(), clients, period, clientWanted);
    }

    /** A report's lines flattened back into rows: what a store and the expansion answered, after grouping. */
    private static List<AnalysisRow> rowsOf(InteractionAnalysis report) {
        List<AnalysisRow> rows = new ArrayList<>();
        report.responsibles().forEach(r -> r.clients().forEach(c -> c.kinds().forEach(k -> k.items().forEach(item -> rows.add(
                new AnalysisRow(r.responsible(), c.client(), c.name(), k.kind(), item.id(), item.originalStart(), item.number(), item.subject(),
                        item.start()))))));
        return rows;
    }

    /** Distinct interactions among rows: an occurrence of a series is one of its own. */
    private static Object key(AnalysisRow row) {
        return java.util.Arrays.asList(row.interaction(), row.originalStart().orElse(null));
    }

    /**
     * The three reports of the use cases against the restated definition over everything stored:
     * the analysis's rows, its total and each employee's distinct interactions, the summary (the
     * analysis counted), and the clients without interactions.
     */
    private void assertReportsAsDefined(Crm crm, List<Interaction> population, List<OccurrenceOverride> overrides, List<Client> clients,
                                        CalendarPeriod period) {
        List<AnalysisRow> expected = expectedRows(population, overrides, clients, period, c -> true);
        InteractionAnalysis report = crm.interactions().analysis(period);
        assertThat(rowsOf(report)).as("analysis of %s", period).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.total()).as("total of %s", period).isEqualTo(expected.stream().map(InteractionReportContract::key).distinct().count());
        expected.stream().collect(Collectors.groupingBy(AnalysisRow::responsible, Collectors.mapping(InteractionReportContract::key, Collectors.toSet())))
                .forEach((employee, keys) -> assertThat(report.responsible(employee).orElseThrow().interactions())
                        .as("%s's interactions in %s", employee, period).isEqualTo(keys.size()));
        assertThat(crm.interactions().analysisSummary(period)).as("summary of %s", period).isEqualTo(AnalysisSummary.of(report));
        Set<ClientId> active = expected.stream().flatMap(r -> r.client().stream()).collect(Collectors.toSet());
        List<ClientId> quiet = clients.stream().filter(c -> !c.archived() && !c.registeredOn().isAfter(period.lastDay()))
                .filter(c -> !active.contains(c.id())).map(Client::id).collect(Collectors.toList());
        assertThat(crm.interactions().withoutInteractions(period, Set.of(), Set.of()).clients()).as("clients without interactions in %s", period)
                .containsExactlyInAnyOrderElementsOf(quiet);
    }

    /** The rows counted as {@link InteractionStore#analysisCounts} defines it: per employee, client and kind, and each employee's distinct interactions. */
    private static List<AnalysisCount> expectedCounts(List<AnalysisRow> rows) {
        record Line(EmployeeId responsible, Optional<ClientId> client, Optional<String> name, InteractionKind kind) {
        }
        List<AnalysisCount> counts = new ArrayList<>();
        rows.stream().collect(Collectors.groupingBy(r -> new Line(r.responsible(), r.client(), r.clientName(), r.kind()), Collectors.counting()))
                .forEach((line, n) -> counts.add(AnalysisCount.of(line.responsible(), line.client(), line.name(), line.kind(), n)));
        rows.stream().collect(Collectors.groupingBy(AnalysisRow::responsible, Collectors.mapping(InteractionReportContract::key, Collectors.toSet())))
                .forEach((employee, ids) -> counts.add(AnalysisCount.total(employee, ids.size())));
        return counts;
    }

    private static Criterion<InteractionCriterion> counting(CalendarPeriod period) {
        return Criterion.and(Criterion.not(new InteractionCriterion.StateIn(Set.of(InteractionState.CANCELLED))),
                new InteractionCriterion.StartsIn(period));
    }

    @Test
    void everyStoreAnswersBothReportsRowsAsTheirDefinitionOnAVariedPopulation() {
        List<Client> clients = new ArrayList<>();
        List<Client> samples = InteractionSamples.clients(ids::next, 10);
        for (int k = 0; k < samples.size(); k++) {
            Client sample = samples.get(k).registeredOn(LocalDate.of(2024, 3, 27).plusDays(k));
            clients.add(k % 4 == 3 ? sample : sample.classifyAs(List.of(VIP, BUYERS, ONCE).get(k % 4)));
        }
        List<ContactPerson> persons = InteractionSamples.persons(ids::next, clients);
        List<Interaction> population = new ArrayList<>();
        List<OccurrenceOverride> overrides = new ArrayList<>();
        List<Interaction> samplesOfInteractions = InteractionSamples.population(ids::next, clients, persons, 90);
        for (int k = 0; k < samplesOfInteractions.size(); k++) {
            Interaction i = samplesOfInteractions.get(k);
            if (k % 5 == 4) {
                String rule = SERIES_RULES.get(k / 5 % SERIES_RULES.size());
                i = i.repeat(Recurrence.of(i.timing() instanceof Timing.AllDay && rule.contains("HOURLY") ? "FREQ=WEEKLY" : rule)
                        .in(k % 2 == 0 ? InteractionSamples.BERLIN : MOSCOW));
                overrides.addAll(overridesOf(i, k));
            }
            population.add(i);
        }
        storage().inTransaction(tenant, s -> {
            s.get(ClientStore.class).insertAll(clients);
            s.get(ContactPersonStore.class).insertAll(persons);
            population.forEach(i -> s.get(InteractionStore.class).insert(i));
            overrides.forEach(o -> s.get(InteractionStore.class).saveOverride(o));
            return null;
        });
        assertThat(population.stream().filter(i -> i.recurs() && i.state() == InteractionState.CANCELLED)).as("cancelled series").isNotEmpty();
        assertThat(overrides).extracting(OccurrenceOverride::state).as("cancelled and done occurrences")
                .contains(InteractionState.CANCELLED, InteractionState.DONE);
        List<Interaction> singles = population.stream().filter(i -> !i.recurs()).collect(Collectors.toList());
        assertThat(population.stream().filter(i -> new LinkedHashSet<>(i.clients()).size() == 2)).as("interactions with two clients")
                .isNotEmpty();

        List<CalendarPeriod> periods = new ArrayList<>(InteractionSamples.periods());
        periods.add(CalendarPeriod.days(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30), InteractionSamples.BERLIN));
        Criterion<ClientCriterion> managed = new ClientCriterion.ManagedBy(Set.of(ALEKSEEV, PANINA));
        Predicate<Client> isManaged = c -> c.manager().filter(Set.of(ALEKSEEV, PANINA)::contains).isPresent();
        Criterion<ClientCriterion> active = new ClientCriterion.Archived(false);
        List<CalendarPeriod> periodsLeavingClientsOut = new ArrayList<>();
        long occurrencesCounted = 0;
        for (CalendarPeriod period : periods) {
            // through the use cases: single items and every occurrence of the series, as the definition says
            assertReportsAsDefined(crm(), population, overrides, clients, period);
            occurrencesCounted += expectedRows(population, overrides, clients, period, c -> true).stream().filter(r -> r.originalStart().isPresent())
                    .count();
            // the store's rows: single items only (series are counted from their expansion)
            assertThat(storage().<List<AnalysisRow>>read(tenant, s -> s.get(InteractionStore.class).analysis(counting(period), Criterion.all())))
                    .as("analysis rows of %s", period).containsExactlyInAnyOrderElementsOf(expectedRows(singles, clients, period, c -> true));
            assertThat(storage().<List<AnalysisRow>>read(tenant, s -> s.get(InteractionStore.class).analysis(counting(period), managed)))
                    .as("analysis rows of %s, clients managed by two", period)
                    .containsExactlyInAnyOrderElementsOf(expectedRows(singles, clients, period, isManaged));
            assertThat(storage().<List<AnalysisCount>>read(tenant, s -> s.get(InteractionStore.class).analysisCounts(counting(period), Criterion.all())))
                    .as("analysis counts of %s", period)
                    .containsExactlyInAnyOrderElementsOf(expectedCounts(expectedRows(singles, clients, period, c -> true)));
            assertThat(storage().<List<AnalysisCount>>read(tenant, s -> s.get(InteractionStore.class).analysisCounts(counting(period), managed)))
                    .as("analysis counts of %s, clients managed by two", period)
                    .containsExactlyInAnyOrderElementsOf(expectedCounts(expectedRows(singles, clients, period, isManaged)));

            Criterion<ClientCriterion> registered = active.and(new ClientCriterion.RegisteredOnOrBefore(period.lastDay()));
            if (clients.stream().anyMatch(c -> !c.archived() && c.registeredOn().isAfter(period.lastDay()))) {
                periodsLeavingClientsOut.add(period);
            }
            Criterion<ClientCriterion> activeManaged = active.and(managed);
            for (Criterion<ClientCriterion> wanted : List.of(active, activeManaged, registered)) {
                List<QuietClient> expected = clients.stream().filter(c -> !c.archived())
                        .filter(c -> wanted != registered || !c.registeredOn().isAfter(period.lastDay()))
                        .filter(c -> wanted != activeManaged || isManaged.test(c))
                        .filter(c -> singles.stream().noneMatch(i -> i.clients().contains(c.id()) && counts(i, period)))
                        .map(QuietClient::of)
                        .collect(Collectors.toList());
                assertThat(storage().<List<QuietClient>>read(tenant, s -> s.get(InteractionStore.class).withoutInteractions(wanted,
                        counting(period)))).as("clients without interactions in %s among %s", period, wanted)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
        assertThat(periodsLeavingClientsOut).as("periods before some active clients were registered").hasSizeGreaterThan(1);
        assertThat(occurrencesCounted).as("occurrences of series counted in the periods").isGreaterThan(10);
    }

    private static final List<String> SERIES_RULES = List.of("FREQ=DAILY;COUNT=5", "FREQ=WEEKLY;COUNT=6", "FREQ=DAILY;INTERVAL=2", "FREQ=HOURLY;INTERVAL=7;COUNT=9");

    /**
     * Overrides of a sample series: of the starts its rule gives, every fourth from the second
     * cancelled, from the third done by another employee (kept at a hand-over), from the fourth
     * moved by a day and two hours; and for some series a done occurrence the rule does not give.
     */
    private static List<OccurrenceOverride> overridesOf(Interaction series, int k) {
        Recurrence rule = series.recurrence().orElseThrow();
        List<Timing> ruled = rule.within(series.timing(), rule.zone().orElseThrow(), InteractionSamples.BASE.minus(10, ChronoUnit.DAYS),
                InteractionSamples.BASE.plus(40, ChronoUnit.DAYS));
        List<OccurrenceOverride> overrides = new ArrayList<>();
        for (int j = 0; j < ruled.size(); j++) {
            Timing t = ruled.get(j);
            OccurrenceId id = new OccurrenceId(series.id(), t.startKey());
            if (j % 4 == 1) {
                overrides.add(new OccurrenceOverride(id, t, InteractionState.CANCELLED, Optional.empty(), Optional.empty(), 0));
            } else if (j % 4 == 2) {
                overrides.add(new OccurrenceOverride(id, t, InteractionState.DONE, Optional.of("Проведено"), Optional.of(EmployeeId.of("leaver")), 0));
            } else if (j % 4 == 3) {
                Timing moved = t instanceof Timing.AllDay
                        ? Timing.allDay(((Timing.AllDay) t).first().plusDays(1), ((Timing.AllDay) t).last().plusDays(1))
                        : Timing.timed(t.startKey().plus(26, ChronoUnit.HOURS), t.endKey().plus(26, ChronoUnit.HOURS));
                overrides.add(new OccurrenceOverride(id, moved, InteractionState.PLANNED, Optional.empty(), Optional.empty(), 0));
            }
        }
        if (k % 10 == 4) {
            Instant before = series.timing().startKey().minus(7, ChronoUnit.DAYS);
            overrides.add(new OccurrenceOverride(new OccurrenceId(series.id(), before), Timing.timed(before, before.plusSeconds(600)),
                    InteractionState.DONE, Optional.empty(), Optional.empty(), 0));
        }
        return overrides;
    }

    // --- the brochure's picture, through the use cases

    /** The clients and interactions of September 2011 (Moscow) the brochure's reports show, and the edges around them. */
    private final class Picture {
        final Crm crm = crm();
        final ClientId alkhimov;
        final ClientId domMod;
        final ClientId zarya;
        final ClientId kvadro;
        final ClientId hatber;
        final ClientId archived;
        final Instant start = SEPTEMBER.from();
        final Instant end = SEPTEMBER.until();

        Picture() {
            storage().inTransaction(tenant, s -> {
                RelationshipTypeStore types = s.get(RelationshipTypeStore.class);
                types.insert(new RelationshipType(VIP, "Важный клиент(VIP)", false, 0));
                types.insert(new RelationshipType(BUYERS, "Покупатели", false, 0));
                types.insert(new RelationshipType(ONCE, "Разовый покупатель", false, 0));
                return null;
            });
            alkhimov = register(NewClient.individual("Алхимов А.А.").manager(ALEKSEEV).relationship(BUYERS), LocalDate.of(2011, 3, 1));
            domMod = register(NewClient.legalEntity("Дом мод").manager(ALEKSEEV).relationship(VIP), LocalDate.of(2010, 5, 12));
            zarya = register(NewClient.legalEntity("Заря").manager(PANINA), LocalDate.of(2009, 11, 2));
            kvadro = register(NewClient.legalEntity("Квадро").manager(PANINA).relationship(ONCE), LocalDate.of(2011, 8, 20));
            hatber = register(NewClient.legalEntity("ХАТБЕР-М").relationship(BUYERS), LocalDate.of(2008, 1, 9));
            crm.clients().update(hatber, c -> c.assignManager(null));
            archived = register(NewClient.legalEntity("База \"Инвентарь\"").manager(ALEKSEEV).relationship(VIP), LocalDate.of(2007, 7, 7));
            crm.clients().archive(archived);

            Instant tenth = LocalDate.of(2011, 9, 10).atTime(12, 30).atZone(MOSCOW).toInstant();
            plan(InteractionKind.OUTGOING_CALL, "Телефонный звонок от 10.09.2011 12:30", Timing.timed(tenth, tenth.plusSeconds(600)), ALEKSEEV,
                    List.of(alkhimov), false);
            plan(InteractionKind.PLANNED_ACTION, "Доставка кондиционера", Timing.allDay(LocalDate.of(2011, 9, 30), LocalDate.of(2011, 10, 2)),
                    ALEKSEEV, List.of(alkhimov), false);
            plan(InteractionKind.TASK, "Проверить монтаж", Timing.allDay(LocalDate.of(2011, 10, 1), LocalDate.of(2011, 10, 1)), ALEKSEEV,
                    List.of(alkhimov), false);
            plan(InteractionKind.MEETING, "Выставка", Timing.timed(start, start.plusSeconds(3600)), ALEKSEEV, List.of(alkhimov, kvadro), false);
            plan(InteractionKind.MEETING, "Встреча в Доме мод", Timing.timed(start.minusNanos(1000), start), ALEKSEEV, List.of(domMod), false);
            plan(InteractionKind.OUTGOING_CALL, "Звонок в Дом мод", Timing.timed(end, end), ALEKSEEV, List.of(domMod), false);
            plan(InteractionKind.INCOMING_CALL, "Звонок Зари", Timing.timed(tenth, tenth), PANINA, List.of(zarya), true);
            plan(InteractionKind.EMAIL, "Рассылка Квадро", Timing.timed(end.minusNanos(1000), end.minusNanos(1000)), PANINA, List.of(kvadro),
                    false);
            plan(InteractionKind.NOTE, "Заметка без клиента", Timing.timed(tenth, tenth), PANINA, List.of(), false);
            plan(InteractionKind.NOTE, "Архивный клиент", Timing.timed(tenth, tenth), PANINA, List.of(archived), false);
        }

        private ClientId register(NewClient client, LocalDate registeredOn) {
            return crm.clients().register(client.registeredOn(registeredOn)).id();
        }

        private void plan(InteractionKind kind, String subject, Timing timing, EmployeeId responsible, List<ClientId> with, boolean cancelled) {
            crm.interactions().plan(kind, subject, timing, responsible, i -> {
                Interaction withClients = i.withParticipants(with.stream().map(Participant::of).collect(Collectors.toList()));
                return cancelled ? withClients.cancel() : withClients;
            });
        }
    }

    private static long count(ClientLine line, InteractionKind kind) {
        return line.kind(kind).map(InteractionAnalysis.KindLine::interactions).orElse(0L);
    }

    @Test
    void theAnalysisCountsByEmployeeClientAndKindWithAnInteractionOfTwoClientsOnceInTheTotal() {
        Picture p = new Picture();
        InteractionAnalysis report = p.crm.interactions().analysis(YearMonth.of(2011, 9), MOSCOW);

        assertThat(report.period()).isEqualTo(SEPTEMBER);
        assertThat(report.responsibles()).extracting(ResponsibleLine::responsible).containsExactly(ALEKSEEV, PANINA);
        ResponsibleLine alekseev = report.responsible(ALEKSEEV).orElseThrow();
        ClientLine alkhimov = alekseev.client(p.alkhimov).orElseThrow();
        assertThat(alkhimov.name()).contains("Алхимов А.А.");
        assertThat(alkhimov.interactions()).isEqualTo(3);
        assertThat(alkhimov.kinds()).extracting(k -> k.kind().key()).containsExactly("meeting", "outgoing-call", "planned-action");
        assertThat(count(alkhimov, InteractionKind.MEETING)).isEqualTo(1);
        assertThat(alkhimov.kind(InteractionKind.OUTGOING_CALL).orElseThrow().items()).singleElement()
                .satisfies(i -> assertThat(i.subject()).isEqualTo("Телефонный звонок от 10.09.2011 12:30"));
        assertThat(alekseev.client(p.kvadro).orElseThrow().interactions()).as("the exhibition is Квадро's too").isEqualTo(1);
        assertThat(alekseev.client(p.domMod)).as("a meeting ending at the start and a call at the end do not count").isEmpty();
        assertThat(alekseev.interactions()).as("the exhibition once, though it has two clients").isEqualTo(3);

        ResponsibleLine panina = report.responsible(PANINA).orElseThrow();
        assertThat(panina.client(p.zarya)).as("a cancelled call does not count").isEmpty();
        assertThat(panina.client(p.kvadro).orElseThrow().interactions()).as("a mail a microsecond before the end counts").isEqualTo(1);
        assertThat(panina.withoutClient().orElseThrow().interactions()).isEqualTo(1);
        assertThat(panina.clients().get(0).client()).as("no client first").isEmpty();
        assertThat(panina.client(p.archived).orElseThrow().interactions()).as("the analysis keeps archived clients' history").isEqualTo(1);
        assertThat(panina.interactions()).isEqualTo(3);
        assertThat(report.total()).isEqualTo(6);

        assertThat(p.crm.interactions().analysis(SEPTEMBER)).isEqualTo(report);
    }

    @Test
    void theSummaryHasTheAnalysisCountsDownToKindsForAMonthAndForAYear() {
        Picture p = new Picture();
        p.plan(InteractionKind.MEETING, "Встреча в марте", Timing.allDay(LocalDate.of(2011, 3, 14), LocalDate.of(2011, 3, 14)), PANINA,
                List.of(p.zarya, p.kvadro), false);
        p.plan(InteractionKind.NOTE, "Заметка 2012 года", Timing.allDay(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 1, 1)), PANINA,
                List.of(p.zarya), false);

        AnalysisSummary month = p.crm.interactions().analysisSummary(SEPTEMBER);
        assertThat(month).isEqualTo(AnalysisSummary.of(p.crm.interactions().analysis(SEPTEMBER)));
        assertThat(month.total()).isEqualTo(6);
        assertThat(month.responsible(ALEKSEEV).orElseThrow().interactions()).as("the exhibition once, though it has two clients").isEqualTo(3);
        assertThat(month.responsible(ALEKSEEV).orElseThrow().client(p.alkhimov).orElseThrow().kind(InteractionKind.MEETING).orElseThrow()
                .interactions()).isEqualTo(1);

        AnalysisSummary year = p.crm.interactions().analysisSummary(Year.of(2011), MOSCOW);
        assertThat(year.period()).isEqualTo(CalendarPeriod.days(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31), MOSCOW));
        assertThat(year).isEqualTo(AnalysisSummary.of(p.crm.interactions().analysis(year.period())));
        assertThat(year.total()).as("September's, the two calls at its edges, the October task and the March meeting; not 2012's note")
                .isEqualTo(10);
        assertThat(year.responsible(PANINA).orElseThrow().client(p.zarya).orElseThrow().interactions()).isEqualTo(1);
        assertThat(year.responsible(PANINA).orElseThrow().interactions()).isEqualTo(4);
    }

    @Test
    void theAnalysisOfOneClientListsOnlyThatClientsLines() {
        Picture p = new Picture();
        InteractionAnalysis report = p.crm.interactions().analysis(p.kvadro, SEPTEMBER);

        assertThat(report.client()).contains(p.kvadro);
        assertThat(report.total()).isEqualTo(2);
        assertThat(report.responsibles()).allSatisfy(r -> assertThat(r.clients()).extracting(ClientLine::client).containsOnly(Optional.of(p.kvadro)));
        assertThat(report.responsible(ALEKSEEV).orElseThrow().interactions()).as("the exhibition, without Алхимов's line").isEqualTo(1);

        ClientId unknown = new ClientId(UUID.randomUUID());
        assertThatThrownBy(() -> p.crm.interactions().analysis(unknown, SEPTEMBER)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("client");
            assertThat(e.rejectedValue()).isEqualTo(unknown.toString());
        });
    }

    @Test
    void clientsWithoutInteractionsAreByManagerAndRelationshipWithTheirRegistrationDateArchivedLeftOut() {
        Picture p = new Picture();
        ClientsWithoutInteractions report = p.crm.interactions().withoutInteractions(YearMonth.of(2011, 9), MOSCOW, Set.of(), Set.of());

        assertThat(report.clients()).as("the lost VIP client, a client whose only call was cancelled, a client without manager")
                .containsExactly(p.hatber, p.domMod, p.zarya);
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.managers()).extracting(ClientsWithoutInteractions.ManagerLine::manager)
                .containsExactly(Optional.empty(), Optional.of(ALEKSEEV), Optional.of(PANINA));
        QuietClient vip = report.manager(Optional.of(ALEKSEEV)).orElseThrow().relationship(VIP).orElseThrow().lines().get(0);
        assertThat(vip.shortName()).isEqualTo("Дом мод");
        assertThat(vip.registeredOn()).isEqualTo(LocalDate.of(2010, 5, 12));
        assertThat(report.manager(Optional.of(PANINA)).orElseThrow().relationships()).singleElement()
                .satisfies(r -> assertThat(r.relationship()).isEmpty());

        assertThat(p.crm.interactions().withoutInteractions(SEPTEMBER, Set.of(VIP, BUYERS), Set.of()).clients())
                .containsExactly(p.hatber, p.domMod);
        assertThat(p.crm.interactions().withoutInteractions(SEPTEMBER, Set.of(VIP), Set.of(PANINA)).clients()).isEmpty();
        assertThat(p.crm.interactions().withoutInteractions(SEPTEMBER, Set.of(), Set.of(PANINA)).clients()).containsExactly(p.zarya);
        assertThat(p.crm.interactions().withoutInteractions(CalendarPeriod.days(LocalDate.of(2011, 10, 1), LocalDate.of(2011, 10, 1), MOSCOW),
                Set.of(), Set.of()).clients()).as("on 1 October the call to Дом мод and the task of Алхимов count")
                .containsExactly(p.hatber, p.zarya, p.kvadro);

        ClientId newcomer = p.crm.clients().register(NewClient.legalEntity("Новичок").manager(PANINA)
                .registeredOn(LocalDate.of(2011, 10, 1))).id();
        assertThat(p.crm.interactions().withoutInteractions(SEPTEMBER, Set.of(), Set.of()).clients())
                .as("a client registered after the period was not forgotten in it").containsExactly(p.hatber, p.domMod, p.zarya);
        assertThat(p.crm.interactions().withoutInteractions(CalendarPeriod.days(LocalDate.of(2011, 10, 1), LocalDate.of(2011, 10, 1), MOSCOW),
                Set.of(), Set.of()).clients()).as("registered on the period's last day: listed").contains(newcomer);
    }

    @Test
    void anEmployeeSeesBothReportsOnlyOverTheClientsTheyMaySee() {
        Picture p = new Picture();
        AccessPolicy ownOnly = ClientAccess.ownAndTeam(EmployeeDirectory.none());
        Crm panina = Crm.builder().storage(storage()).accessPolicy(ownOnly).actor(Actor.employee(tenant, PANINA)).build();

        InteractionAnalysis report = panina.interactions().analysis(SEPTEMBER);
        ResponsibleLine alekseev = report.responsible(ALEKSEEV).orElseThrow();
        assertThat(alekseev.clients()).extracting(ClientLine::client).as("the exhibition under Квадро only")
                .containsExactly(Optional.of(p.kvadro));
        assertThat(report.responsible(PANINA).orElseThrow().clients()).extracting(ClientLine::client)
                .as("her own note about an archived client of another manager: no client she may see")
                .containsExactly(Optional.empty(), Optional.of(p.kvadro));
        assertThat(report.total()).isEqualTo(4);

        assertThat(panina.interactions().withoutInteractions(SEPTEMBER, Set.of(), Set.of()).clients()).containsExactly(p.zarya);
        assertThatThrownBy(() -> panina.interactions().analysis(p.alkhimov, SEPTEMBER))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("client"));
    }

    // --- series: each occurrence counts by its own start, state and responsible employee

    private static final EmployeeId IVANOV = EmployeeId.of("ivanov");
    private static final EmployeeId SMITH = EmployeeId.of("smith");
    private static final CalendarPeriod MARCH_2026 = CalendarPeriod.month(YearMonth.of(2026, 3), MOSCOW);

    private static Timing hourAt(LocalDate day, int hour) {
        Instant start = day.atTime(hour, 0).atZone(MOSCOW).toInstant();
        return Timing.timed(start, start.plusSeconds(3600));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(MOSCOW).toInstant();
    }

    private static Interaction series(Crm crm, InteractionKind kind, String subject, Timing first, EmployeeId responsible, String rule,
                                      ClientId client, boolean cancelled) {
        return crm.interactions().plan(kind, subject, first, responsible, i -> {
            Interaction repeated = i.repeat(Recurrence.of(rule)).withParticipants(List.of(Participant.of(client)));
            return cancelled ? repeated.cancel() : repeated;
        }).interaction();
    }

    @Test
    void theReportsCountEachOccurrenceOfASeriesByItsOwnStartStateAndResponsible() {
        Crm crm = Crm.builder().storage(storage()).clock(java.time.Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), MOSCOW)).zone(MOSCOW)
                .employees(EmployeeDirectory.of(List.of(org.crmkit.employee.Employee.of("alekseev", "Алексеев", "sales"),
                        org.crmkit.employee.Employee.of("panina", "Панина", "sales"), org.crmkit.employee.Employee.of("ivanov", "Иванов", "sales"),
                        org.crmkit.employee.Employee.of("smith", "Smith", "sales").inZone(ZoneId.of("America/New_York")))))
                .actor(Actor.employee(tenant, ALEKSEEV)).build();
        org.crmkit.interaction.Occurrences occurrences = crm.interactions().occurrences();
        ClientId alfa = crm.clients().register(NewClient.legalEntity("Альфа").manager(ALEKSEEV)).id();
        ClientId beta = crm.clients().register(NewClient.legalEntity("Бета").manager(PANINA)).id();
        ClientId gamma = crm.clients().register(NewClient.legalEntity("Гамма").manager(PANINA)).id();
        ClientId delta = crm.clients().register(NewClient.legalEntity("Дельта").manager(IVANOV)).id();
        ClientId epsilon = crm.clients().register(NewClient.legalEntity("Эпсилон").manager(ALEKSEEV)).id();
        ClientId zeta = crm.clients().register(NewClient.legalEntity("Дзета").manager(PANINA)).id();
        LocalDate monday = LocalDate.of(2026, 3, 2);

        crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок Альфе", hourAt(LocalDate.of(2026, 3, 10), 12), ALEKSEEV,
                i -> i.withParticipants(List.of(Participant.of(alfa))));
        // weekly: the first done, the second cancelled, the third moved to April; endless
        Interaction weekly = series(crm, InteractionKind.MEETING, "Планёрка у Альфы", hourAt(monday, 10), ALEKSEEV, "FREQ=WEEKLY", alfa, false);
        occurrences.complete(new OccurrenceId(weekly.id(), at(monday, 10)), 0, "Проведена");
        occurrences.cancel(new OccurrenceId(weekly.id(), at(monday.plusDays(7), 10)), 0);
        occurrences.reschedule(new OccurrenceId(weekly.id(), at(monday.plusDays(14), 10)), 0, hourAt(LocalDate.of(2026, 4, 7), 12));
        // all-day, monthly on the last day
        Interaction closing = crm.interactions().plan(InteractionKind.TASK, "Закрытие месяца Беты", Timing.allDay(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 1, 31)), PANINA, i -> i.repeat(Recurrence.of("FREQ=MONTHLY;BYMONTHDAY=-1"))
                .withParticipants(List.of(Participant.of(beta)))).interaction();
        // split by "this and following" into 15:00 and 16:00, the second done
        Interaction split = series(crm, InteractionKind.MEETING, "Совещание с Гаммой", hourAt(monday.plusDays(2), 15), PANINA,
                "FREQ=WEEKLY;COUNT=6", gamma, false);
        occurrences.complete(new OccurrenceId(split.id(), at(monday.plusDays(9), 15)), 0, "Обсудили");
        Interaction splitNow = crm.interactions().get(split.id());
        occurrences.splitFrom(new OccurrenceId(split.id(), at(monday.plusDays(16), 15)), splitNow.version(),
                i -> i.reschedule(hourAt(monday.plusDays(16), 16)));
        // handed over after its first was done
        Interaction handed = series(crm, InteractionKind.INCOMING_CALL, "Звонок Дельты", hourAt(monday.plusDays(4), 9), IVANOV,
                "FREQ=WEEKLY;COUNT=4", delta, false);
        occurrences.complete(new OccurrenceId(handed.id(), at(monday.plusDays(4), 9)), 0, "Принят");
        crm.handOvers().handOver(IVANOV, SMITH);
        // cancelled as a whole
        series(crm, InteractionKind.MEETING, "Отменённые встречи с Эпсилоном", hourAt(monday.plusDays(3), 11), ALEKSEEV, "FREQ=WEEKLY", epsilon,
                true);
        // an April series whose second occurrence moved into March
        Interaction april = series(crm, InteractionKind.MEETING, "Встречи с Дзетой", hourAt(LocalDate.of(2026, 4, 2), 14), PANINA,
                "FREQ=WEEKLY;COUNT=3", zeta, false);
        occurrences.reschedule(new OccurrenceId(april.id(), at(LocalDate.of(2026, 4, 9), 14)), 0, hourAt(LocalDate.of(2026, 3, 26), 14));

        InteractionAnalysis march = crm.interactions().analysis(MARCH_2026);
        ClientLine alfaLine = march.responsible(ALEKSEEV).orElseThrow().client(alfa).orElseThrow();
        assertThat(alfaLine.kind(InteractionKind.MEETING).orElseThrow().items()).as("the done one, then 23 and 30 March; not the cancelled or the moved one")
                .extracting(InteractionAnalysis.Item::occurrence).containsExactly(Optional.of(new OccurrenceId(weekly.id(), at(monday, 10))),
                        Optional.of(new OccurrenceId(weekly.id(), at(monday.plusDays(21), 10))),
                        Optional.of(new OccurrenceId(weekly.id(), at(monday.plusDays(28), 10))));
        assertThat(alfaLine.interactions()).as("three meetings and the single call").isEqualTo(4);
        assertThat(march.responsible(PANINA).orElseThrow().client(beta).orElseThrow().interactions()).as("31 March").isEqualTo(1);
        assertThat(march.responsible(PANINA).orElseThrow().client(gamma).orElseThrow().interactions()).as("4 and 11 March, 18 and 25 after the split")
                .isEqualTo(4);
        assertThat(march.responsible(IVANOV).orElseThrow().interactions()).as("the done call keeps the leaver").isEqualTo(1);
        assertThat(march.responsible(SMITH).orElseThrow().interactions()).as("the others went to the successor").isEqualTo(3);
        assertThat(march.responsible(PANINA).orElseThrow().client(zeta).orElseThrow().kinds().get(0).items()).singleElement()
                .satisfies(item -> {
                    assertThat(item.start()).as("counted by its own start").isEqualTo(at(LocalDate.of(2026, 3, 26), 14));
                    assertThat(item.originalStart()).contains(at(LocalDate.of(2026, 4, 9), 14));
                });
        assertThat(march.total()).isEqualTo(1 + 3 + 1 + 4 + 4 + 1);
        assertThat(crm.interactions().withoutInteractions(MARCH_2026, Set.of(), Set.of()).clients()).as("only the cancelled series' client")
                .containsExactly(epsilon);
        assertThat(crm.interactions().analysis(alfa, MARCH_2026).total()).isEqualTo(4);
        assertThat(crm.interactions().analysisSummary(Year.of(2026), MOSCOW).responsible(PANINA).orElseThrow().client(beta).orElseThrow()
                .kind(InteractionKind.TASK).orElseThrow().interactions()).as("the last day of every month of 2026").isEqualTo(12);

        // and every period as the definition, restated over what is stored
        List<Interaction> stored = storage().read(tenant, s -> s.get(InteractionStore.class).findAfter(Criterion.all(), Optional.empty(), 1000));
        List<OccurrenceOverride> overrides = storage().read(tenant, s -> stored.stream().filter(Interaction::recurs)
                .flatMap(i -> s.get(InteractionStore.class).overrides(i.id()).stream()).collect(Collectors.toList()));
        List<Client> clients = storage().read(tenant, s -> s.get(ClientStore.class).findAfter(Criterion.all(), Optional.empty(), 1000));
        assertThat(stored).extracting(Interaction::id).contains(closing.id());
        for (CalendarPeriod period : List.of(MARCH_2026, CalendarPeriod.month(YearMonth.of(2026, 4), MOSCOW),
                CalendarPeriod.year(Year.of(2026), MOSCOW), CalendarPeriod.days(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31),
                        ZoneId.of("America/New_York")), CalendarPeriod.days(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 16), MOSCOW))) {
            assertReportsAsDefined(crm, stored, overrides, clients, period);
        }
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNamingTheField() {
        Crm crm = crm();
        Instant from = Instant.parse("2011-09-01T00:00:00Z");
        assertThatThrownBy(() -> crm.interactions().analysis(new CalendarPeriod(from, from.minusSeconds(1), MOSCOW)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("until");
                    assertThat(e.rejectedValue()).isEqualTo("2011-08-31T23:59:59Z");
                });
        assertThatThrownBy(() -> crm.interactions().withoutInteractions(CalendarPeriod.days(LocalDate.of(2011, 9, 30), LocalDate.of(2011, 9, 1),
                MOSCOW), Set.of(), Set.of())).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("last");
                    assertThat(e.rejectedValue()).isEqualTo("2011-09-01");
                });
        assertThatThrownBy(() -> crm.interactions().withoutInteractions(SEPTEMBER, null, Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("relationships"));
        assertThatThrownBy(() -> crm.interactions().analysis(YearMonth.of(2011, 9), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("zone"));
    }
}
