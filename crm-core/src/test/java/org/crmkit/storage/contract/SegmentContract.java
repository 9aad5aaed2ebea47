package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicies;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.segment.BrokenSegmentException;
import org.crmkit.segment.Segment;
import org.crmkit.segment.SegmentCriterion;
import org.crmkit.segment.SegmentEvent;
import org.crmkit.segment.SegmentId;
import org.crmkit.segment.SegmentKind;
import org.crmkit.segment.SegmentMember;
import org.crmkit.segment.SegmentRuleProblem;
import org.crmkit.segment.SegmentStore;
import org.junit.jupiter.api.Test;

/**
 * Saved segments through the facade on the store under test: dynamic segments counted and paged
 * in the store with the access policy ANDed in, snapshot lists frozen and edited by hand (who and
 * when), the list leaf in the clients query, versioned changes, broken rules that say so, the
 * journal and feed, live membership after commit and the sweep, and two hand edits at once.
 */
abstract class SegmentContract extends MailingContract {
    private static final Instant NOON = Instant.parse("2024-03-01T12:00:00Z");
    private static final Criterion<ClientCriterion> COMPETITORS =
            new ClientCriterion.PropertyEquals(PropertyKey.of("competitor"), PropertyValue.bool(true));
    private static final Criterion<ClientCriterion> LEGAL = new ClientCriterion.KindIs(ClientKind.LEGAL_ENTITY);

    private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());

    private Crm segmentCrm(String employee) {
        storeDefinitionsOnce();
        return Crm.builder().storage(storage()).clock(Clock.fixed(NOON, ZoneOffset.UTC)).listener(events::add)
                .actor(Actor.employee(tenant, EmployeeId.of(employee))).build();
    }

    private boolean defined;

    private void storeDefinitionsOnce() {
        if (!defined) {
            storeDefinitions(tenant);
            defined = true;
        }
    }

    private Client register(Crm crm, NewClient draft, boolean competitor) {
        return crm.clients().register(draft.property("competitor", PropertyValue.bool(competitor)));
    }

    private List<SegmentEvent> segmentEvents(Class<? extends SegmentEvent> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(SegmentEvent.class::cast).collect(Collectors.toList());
        }
    }

    @Test
    void aDynamicSegmentIsCountedAndPagedInTheStoreWithTheAccessPolicyAndedIn() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа").code("S-1").manager(EmployeeId.of("alekseev")), true);
        Client b = register(crm, NewClient.legalEntity("Бета").code("S-2").manager(EmployeeId.of("borisov")), true);
        register(crm, NewClient.individual("Вега").code("S-3").manager(EmployeeId.of("alekseev")), true);
        register(crm, NewClient.legalEntity("Гамма").code("S-4").manager(EmployeeId.of("alekseev")), false);

        Segment segment = crm.segments().saveDynamic("Конкуренты-юрлица", Criterion.and(COMPETITORS, LEGAL));
        assertThat(segment.version()).isEqualTo(1);
        assertThat(segment.kind()).isEqualTo(SegmentKind.DYNAMIC);
        assertThat(crm.segments().count(segment.id())).isEqualTo(2);
        assertThat(crm.segments().members(segment.id(), 0, 10)).extracting(ClientSummary::id).containsExactly(a.id(), b.id());
        assertThat(crm.segments().members(segment.id(), 1, 10)).extracting(ClientSummary::id).containsExactly(b.id());
        assertThat(crm.segments().get(segment.id())).isEqualTo(segment);
        assertThat(crm.segments().membershipOf(a.id())).containsExactly(segment.id());

        Crm own = Crm.builder().storage(storage()).actor(Actor.employee(tenant, EmployeeId.of("alekseev")))
                .accessPolicy(AccessPolicies.builder().visible(ClientAccess.CLIENTS,
                        actor -> new ClientCriterion.ManagedBy(Set.of(actor.employee().orElseThrow()))).build()).build();
        assertThat(own.segments().count(segment.id())).isEqualTo(1);
        assertThat(own.segments().members(segment.id(), 0, 10)).extracting(ClientSummary::id).containsExactly(a.id());
        assertThatThrownBy(() -> crm.segments().members(segment.id(), -1, 10)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void namesAreUniquePerTenantAsFoldedAndBlankOrTooLongNamesAreRefusedWithNothingSaved() {
        Crm crm = segmentCrm("alekseev");
        Segment kitchens = crm.segments().saveDynamic("Кухни", LEGAL);
        assertThatThrownBy(() -> crm.segments().saveDynamic(" КУХНИ ", COMPETITORS)).isInstanceOfSatisfying(DuplicateException.class, e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.rejectedValue()).isEqualTo("КУХНИ");
        });
        assertThatThrownBy(() -> crm.segments().freeze("кухни", LEGAL)).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> crm.segments().saveDynamic("   ", LEGAL))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> crm.segments().saveDynamic("x".repeat(Segment.MAX_NAME + 1), LEGAL))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        Segment other = crm.segments().saveDynamic("Офисы", LEGAL);
        assertThatThrownBy(() -> crm.segments().rename(other.id(), other.version(), "кухни")).isInstanceOf(DuplicateException.class);
        assertThat(crm.segments().all()).containsExactly(kitchens, other);

        tenant = newTenant();
        defined = false;
        assertThat(segmentCrm("alekseev").segments().saveDynamic("Кухни", LEGAL).name()).isEqualTo("Кухни");
    }

    @Test
    void renameChangeRuleAndDeleteAreVersionedAndAStaleVersionChangesNothing() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа"), true);
        Client person = register(crm, NewClient.individual("Борисов Б.Б."), false);
        Segment v1 = crm.segments().saveDynamic("Юрлица", LEGAL);
        Segment v2 = crm.segments().rename(v1.id(), v1.version(), "Юридические лица");
        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> crm.segments().rename(v1.id(), v1.version(), "Устаревшее")).isInstanceOfSatisfying(ConcurrentChangeException.class,
                e -> assertThat(e.recordId()).isEqualTo(v1.id().toString()));
        assertThatThrownBy(() -> crm.segments().changeRule(v1.id(), v1.version(), COMPETITORS)).isInstanceOf(ConcurrentChangeException.class);
        assertThat(crm.segments().get(v1.id())).isEqualTo(v2);

        events.clear();
        Segment v3 = crm.segments().changeRule(v2.id(), v2.version(), new ClientCriterion.KindIs(ClientKind.INDIVIDUAL));
        assertThat(v3.rule()).isEqualTo(new ClientCriterion.KindIs(ClientKind.INDIVIDUAL));
        assertThat(crm.segments().membershipOf(person.id())).containsExactly(v3.id());
        assertThat(crm.segments().membershipOf(a.id())).isEmpty();
        assertThat(segmentEvents(SegmentEvent.Entered.class)).extracting(e -> ((SegmentEvent.Entered) e).client()).containsExactly(person.id());
        assertThat(segmentEvents(SegmentEvent.Left.class)).extracting(e -> ((SegmentEvent.Left) e).client()).containsExactly(a.id());

        assertThatThrownBy(() -> crm.segments().delete(v3.id(), v2.version())).isInstanceOf(ConcurrentChangeException.class);
        crm.segments().delete(v3.id(), v3.version());
        assertThat(crm.segments().find(v3.id())).isEmpty();
        assertThat(crm.segments().membershipOf(person.id())).isEmpty();
        assertThatThrownBy(() -> crm.segments().count(v3.id())).isInstanceOf(NotFoundException.class).hasMessageContaining(v3.id().toString());
        assertThatThrownBy(() -> crm.segments().rename(v3.id(), v3.version(), "Ещё")).isInstanceOf(NotFoundException.class);
        SegmentId unknown = new SegmentId(ids.next());
        assertThatThrownBy(() -> crm.segments().get(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.segments().delete(unknown, 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aListIsFrozenFromARuleThenEditedByHandRecordingWhoAndWhen() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа"), true);
        Client b = register(crm, NewClient.legalEntity("Бета"), true);
        Client c = register(crm, NewClient.legalEntity("Вега"), false);
        Client archived = register(crm, NewClient.legalEntity("Архив"), false);
        crm.clients().archive(archived.id());

        Segment list = crm.segments().freeze("Рассылка конкурентам", COMPETITORS);
        assertThat(list.kind()).isEqualTo(SegmentKind.LIST);
        assertThat(list.frozenAt()).contains(NOON);
        assertThat(crm.segments().count(list.id())).isEqualTo(2);
        assertThat(crm.segments().member(list.id(), a.id())).contains(new SegmentMember(a.id(), "alekseev", NOON));
        assertThat(crm.segments().member(list.id(), c.id())).isEmpty();

        // the list keeps its members when the clients change: it is a snapshot
        crm.clients().setProperty(b.id(), "competitor", PropertyValue.bool(false));
        assertThat(crm.segments().count(list.id())).isEqualTo(2);

        Crm borisov = segmentCrm("borisov");
        assertThat(borisov.segments().add(list.id(), c.id())).isTrue();
        assertThat(borisov.segments().add(list.id(), c.id())).isFalse();
        assertThat(crm.segments().member(list.id(), c.id())).contains(new SegmentMember(c.id(), "borisov", NOON));
        assertThat(crm.segments().remove(list.id(), a.id())).isTrue();
        assertThat(crm.segments().remove(list.id(), a.id())).isFalse();
        assertThat(crm.segments().members(list.id(), 0, 10)).extracting(ClientSummary::id).containsExactlyInAnyOrder(b.id(), c.id());

        assertThatThrownBy(() -> crm.segments().add(list.id(), archived.id())).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("client");
            assertThat(e.problem()).contains("archived");
        });
        ClientId unknown = newClientId();
        assertThatThrownBy(() -> crm.segments().add(list.id(), unknown))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo(unknown.toString()));
        SegmentId noList = new SegmentId(ids.next());
        assertThatThrownBy(() -> crm.segments().add(noList, a.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("list"));
        Segment dynamic = crm.segments().saveDynamic("Юрлица", LEGAL);
        assertThatThrownBy(() -> crm.segments().add(dynamic.id(), a.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problem()).contains("dynamic"));
        assertThatThrownBy(() -> crm.segments().changeRule(list.id(), list.version(), LEGAL))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problem()).contains("snapshot list"));
        assertThat(crm.segments().count(list.id())).isEqualTo(2);

        // a list frozen from a segment: the dynamic one's rule now, as the actor sees it (the rule does not exclude archived clients)
        Segment copy = crm.segments().freeze("Юрлица на 1 марта", dynamic.id());
        assertThat(crm.segments().count(copy.id())).isEqualTo(4);
        assertThat(crm.segments().member(copy.id(), archived.id())).isPresent();
        Segment empty = crm.segments().freeze("Пустой", Criterion.none());
        assertThat(crm.segments().count(empty.id())).isZero();
    }

    @Test
    void theListLeafSelectsItsMembersInTheClientsQueryAndItsNotTheRest() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа"), true);
        Client b = register(crm, NewClient.legalEntity("Бета"), false);
        Client c = register(crm, NewClient.individual("Вега"), true);
        Segment list = crm.segments().freeze("Список", COMPETITORS);
        Segment other = crm.segments().freeze("Другой", Criterion.all());

        assertThat(crm.clients().count(SegmentCriterion.inList(list.id()))).isEqualTo(2);
        assertThat(crm.clients().count(Criterion.not(SegmentCriterion.inList(list.id())))).isEqualTo(1);
        assertThat(crm.clients().count(Criterion.and(SegmentCriterion.inList(list.id()), LEGAL))).isEqualTo(1);
        assertThat(crm.clients().count(Criterion.or(SegmentCriterion.inList(list.id()), LEGAL))).isEqualTo(3);
        assertThat(crm.clients().count(SegmentCriterion.inList(other.id()))).isEqualTo(3);
        assertThat(crm.segments().criterion(list.id())).isEqualTo(SegmentCriterion.inList(list.id()));

        Segment onTheList = crm.segments().saveDynamic("Юрлица из списка", Criterion.and(SegmentCriterion.inList(list.id()), LEGAL));
        assertThat(crm.segments().members(onTheList.id(), 0, 10)).extracting(ClientSummary::id).containsExactly(a.id());
        assertThat(b.id()).isNotEqualTo(c.id());
    }

    @Test
    void aRuleNamingWhatTheTenantLacksIsRefusedAndASavedOneThatLostItSaysSoInsteadOfMatchingNothing() {
        Crm crm = segmentCrm("alekseev");
        register(crm, NewClient.legalEntity("Альфа"), true);
        Criterion<ClientCriterion> unknownProperty = new ClientCriterion.PropertyEquals(PropertyKey.of("no-such-thing"), PropertyValue.bool(true));
        assertThatThrownBy(() -> crm.segments().saveDynamic("Неизвестное", unknownProperty)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("rule");
            assertThat(e.rejectedValue()).contains("no-such-thing");
            assertThat(e.problem()).contains("unknown");
        });
        assertThat(crm.segments().all()).isEmpty();

        Segment competitors = crm.segments().saveDynamic("Конкуренты", COMPETITORS);
        Segment list = crm.segments().freeze("Список", Criterion.all());
        Segment fromList = crm.segments().saveDynamic("Из списка", SegmentCriterion.inList(list.id()));
        assertThat(crm.segments().problems(competitors.id())).isEmpty();
        assertThat(crm.segments().count(competitors.id())).isEqualTo(1);

        PropertyDefinition competitor = crm.properties().get("competitor").orElseThrow();
        crm.properties().change(new PropertyDefinition(competitor.key(), competitor.label(), competitor.type(), competitor.appliesTo(),
                competitor.required(), true, competitor.version()));
        assertThat(crm.segments().problems(competitors.id())).containsExactly(new SegmentRuleProblem("property", "competitor", "is archived"));
        assertThatThrownBy(() -> crm.segments().count(competitors.id())).isInstanceOfSatisfying(BrokenSegmentException.class, e -> {
            assertThat(e.segment()).isEqualTo(competitors.id());
            assertThat(e.getMessage()).contains("Конкуренты").contains("competitor").contains("archived");
        });
        assertThatThrownBy(() -> crm.segments().members(competitors.id(), 0, 10)).isInstanceOf(BrokenSegmentException.class);

        crm.segments().delete(list.id(), list.version());
        assertThat(crm.segments().problems(fromList.id()))
                .containsExactly(new SegmentRuleProblem("segment", list.id().toString(), "is deleted or unknown"));
        assertThatThrownBy(() -> crm.segments().count(fromList.id())).isInstanceOf(BrokenSegmentException.class).hasMessageContaining("Из списка");
        // a sound rule put back makes it count again
        Segment fixed = crm.segments().changeRule(fromList.id(), fromList.version(), LEGAL);
        assertThat(crm.segments().count(fixed.id())).isEqualTo(1);
    }

    @Test
    void segmentsAreJournaledAndFedAndHandEditsAreJournaledUnderTheClient() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа"), false);
        Segment list = crm.segments().freeze("Список", Criterion.none());
        Segment renamed = crm.segments().rename(list.id(), list.version(), "Список на март");
        crm.segments().add(list.id(), a.id());
        List<FeedEntry> feed = storage().read(tenant, s -> s.get(FeedStore.class).after(0, 10_000));
        assertThat(feed).filteredOn(e -> e.kind().equals("segment")).extracting(FeedEntry::change)
                .containsExactly("frozen", "renamed", "member-added");
        assertThat(feed).filteredOn(e -> e.kind().equals("segment")).allSatisfy(e -> assertThat(e.id()).isEqualTo(list.id().toString()));
        assertThat(crm.clients().history(a.id())).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("segment:" + list.id());
            assertThat(e.newValue()).contains("added to list \"Список на март\"");
            assertThat(e.actor()).isEqualTo("alekseev");
        });
        assertThat(renamed.name()).isEqualTo("Список на март");
        assertThat(segmentEvents(SegmentEvent.MemberAdded.class)).hasSize(1);
    }

    @Test
    void aClientChangeTellsTheHostAfterCommitWhichDynamicSegmentsItEnteredAndLeft() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа"), false);
        Segment competitors = crm.segments().saveDynamic("Конкуренты", COMPETITORS);
        Segment legal = crm.segments().saveDynamic("Юрлица", LEGAL);
        Segment list = crm.segments().freeze("Список", Criterion.none());
        Segment listed = crm.segments().saveDynamic("В списке", SegmentCriterion.inList(list.id()));
        assertThat(crm.segments().membershipOf(a.id())).containsExactly(legal.id());
        events.clear();

        crm.clients().setProperty(a.id(), "competitor", PropertyValue.bool(true));
        assertThat(segmentEvents(SegmentEvent.Entered.class)).containsExactly(
                new SegmentEvent.Entered(tenant, competitors.id(), a.id(), NOON, "alekseev"));
        assertThat(crm.segments().membershipOf(a.id())).containsExactlyInAnyOrder(legal.id(), competitors.id());

        // a leaf on related records (a hand edit of a list) moves the client too
        crm.segments().add(list.id(), a.id());
        assertThat(segmentEvents(SegmentEvent.Entered.class)).extracting(SegmentEvent::segment).contains(listed.id());

        events.clear();
        Client b = register(crm, NewClient.individual("Борисов"), true);
        assertThat(segmentEvents(SegmentEvent.Entered.class)).containsExactly(new SegmentEvent.Entered(tenant, competitors.id(), b.id(), NOON,
                "alekseev"));
        crm.clients().setProperty(a.id(), "competitor", PropertyValue.bool(false));
        assertThat(segmentEvents(SegmentEvent.Left.class)).containsExactly(new SegmentEvent.Left(tenant, competitors.id(), a.id(), NOON,
                "alekseev"));
        assertThat(crm.segments().membershipOf(a.id())).containsExactlyInAnyOrder(legal.id(), listed.id());
    }

    @Test
    void aSweepMovesTheMembersOfRulesThatChangeWithTimeAloneAndOnlyThose() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа"), true);
        crm.clients().setProperty(a.id(), "seminar-date", PropertyValue.date(LocalDate.of(2024, 2, 20)));
        Segment recent = crm.segments().saveDynamic("Недавно на семинаре", new ClientCriterion.PropertyMatches(PropertyKey.of("seminar-date"),
                new org.crmkit.property.PropertyCondition.WithinLastDays(30)));
        Segment competitors = crm.segments().saveDynamic("Конкуренты", COMPETITORS);
        assertThat(crm.segments().membershipOf(a.id())).containsExactlyInAnyOrder(recent.id(), competitors.id());
        // changed behind the use cases' back: no event announces it, and the sweep leaves it (its rule does not move with time)
        Client quiet = storage().inTransaction(tenant, s -> s.get(ClientStore.class).insert(ClientSamples.pitersoft(newClientId(),
                storeGroup(tenant, "Группа")).recode(org.crmkit.client.ClientCode.of("P-1"))
                .setProperty(ClientSamples.definition("competitor"), PropertyValue.bool(true))));
        events.clear();
        assertThat(crm.segments().sweep()).isZero();
        assertThat(crm.segments().membershipOf(quiet.id())).doesNotContain(competitors.id());

        // 31 days later the seminar is no longer recent: only the sweep can tell
        Instant later = NOON.plus(java.time.Duration.ofDays(31));
        Crm laterCrm = Crm.builder().storage(storage()).clock(Clock.fixed(later, ZoneOffset.UTC)).listener(events::add)
                .actor(Actor.employee(tenant, EmployeeId.of("alekseev"))).build();
        assertThat(laterCrm.segments().sweep()).isEqualTo(1);
        assertThat(segmentEvents(SegmentEvent.Left.class)).containsExactly(new SegmentEvent.Left(tenant, recent.id(), a.id(), later,
                "alekseev"));
        assertThat(laterCrm.segments().membershipOf(a.id())).containsExactly(competitors.id());
        assertThat(laterCrm.segments().count(recent.id())).isZero();
        assertThat(crm.segments().count(recent.id())).isEqualTo(1);
        assertThat(laterCrm.segments().sweep()).isZero();
    }

    @Test
    void aNoInteractionForDaysRuleIsReadAtTheCrmClockAndSweptWhenTheDaysPass() {
        Crm crm = segmentCrm("alekseev");
        Client a = register(crm, NewClient.legalEntity("Альфа"), true);
        Instant callAt = NOON.minus(java.time.Duration.ofDays(2));
        crm.interactions().plan(org.crmkit.interaction.InteractionKind.OUTGOING_CALL, "Звонок",
                org.crmkit.interaction.Timing.timed(callAt, callAt.plusSeconds(600)), EmployeeId.of("alekseev"),
                i -> i.withParticipants(List.of(org.crmkit.interaction.Participant.of(a.id()))).complete("Дозвонились"));
        Criterion<ClientCriterion> rule = Criterion.not(new ClientCriterion.Having<>(org.crmkit.interaction.InteractionCriterion.OF_CLIENT,
                new org.crmkit.interaction.InteractionCriterion.StartedWithinLastDays(30)));
        assertThat(ClientCriterion.dependsOnClock(rule)).isTrue();
        Segment quiet = crm.segments().saveDynamic("Без взаимодействий 30 дней", rule);
        assertThat(crm.segments().membershipOf(a.id())).doesNotContain(quiet.id());
        assertThat(crm.segments().members(quiet.id(), 0, 100)).extracting(ClientSummary::id).doesNotContain(a.id());

        // 31 days later the call is no longer recent: no change announces it, the sweep finds it
        events.clear();
        Instant later = NOON.plus(java.time.Duration.ofDays(31));
        Crm laterCrm = Crm.builder().storage(storage()).clock(Clock.fixed(later, ZoneOffset.UTC)).listener(events::add)
                .actor(Actor.employee(tenant, EmployeeId.of("alekseev"))).build();
        assertThat(laterCrm.segments().members(quiet.id(), 0, 100)).extracting(ClientSummary::id).contains(a.id());
        assertThat(laterCrm.segments().sweep()).isPositive();
        assertThat(segmentEvents(SegmentEvent.Entered.class)).contains(new SegmentEvent.Entered(tenant, quiet.id(), a.id(), later, "alekseev"));
        assertThat(laterCrm.segments().membershipOf(a.id())).contains(quiet.id());
        assertThat(crm.segments().members(quiet.id(), 0, 100)).extracting(ClientSummary::id).doesNotContain(a.id());
    }

    @Test
    void twoHandEditsOfOneListAtOnceBothLandAndOneClientIsNeverOnItTwice() throws Exception {
        Crm crm = segmentCrm("alekseev");
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(register(crm, NewClient.legalEntity("Клиент " + i), false));
        }
        Segment list = crm.segments().freeze("Общий список", Criterion.none());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<List<Object>>> editors = List.of(
                    () -> edit(start, segmentCrm("alekseev"), list.id(), clients.subList(0, 4)),
                    () -> edit(start, segmentCrm("borisov"), list.id(), clients.subList(2, 6)));
            List<Future<List<Object>>> results = new ArrayList<>();
            editors.forEach(e -> results.add(pool.submit(e)));
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<List<Object>> r : results) {
                outcomes.addAll(r.get());
            }
            // the two shared clients: each added once (true), the other attempt saw it (false) or was refused whole
            assertThat(outcomes.stream().filter(Boolean.TRUE::equals).count()).isBetween(4L, 6L);
            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(Boolean.class, CrmException.class));
        } finally {
            pool.shutdownNow();
        }
        long rows = storage().read(tenant, s -> s.get(SegmentStore.class).memberCount(list.id()));
        long added = clients.stream().filter(c -> crm.segments().member(list.id(), c.id()).isPresent()).count();
        assertThat(rows).isEqualTo(added);
        assertThat(clients.subList(0, 2)).allSatisfy(c -> assertThat(crm.segments().member(list.id(), c.id())).map(SegmentMember::addedBy)
                .contains("alekseev"));
        assertThat(clients.subList(4, 6)).allSatisfy(c -> assertThat(crm.segments().member(list.id(), c.id())).map(SegmentMember::addedBy)
                .contains("borisov"));
        assertThat(crm.segments().count(list.id())).isEqualTo(rows);
    }

    private static List<Object> edit(CountDownLatch start, Crm crm, SegmentId list, List<Client> clients) throws InterruptedException {
        start.await();
        List<Object> outcomes = new ArrayList<>();
        for (Client c : clients) {
            try {
                outcomes.add(crm.segments().add(list, c.id()));
            } catch (CrmException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    @Test
    void theSegmentStoreKeepsRowsNotAnIdListAndFreezesOnlyWhatItIsGiven() {
        storeDefinitionsOnce();
        Client a = storage().inTransaction(tenant, s -> s.get(ClientStore.class).insert(ClientSamples.pitersoft(newClientId(),
                storeGroup(tenant, "Группа"))));
        Segment list = Segment.list(new SegmentId(ids.next()), "Строки", Criterion.all(), NOON);
        long frozen = storage().inTransaction(tenant, s -> {
            Segment stored = s.get(SegmentStore.class).insert(list);
            assertThat(stored.version()).isEqualTo(1);
            return s.get(SegmentStore.class).freeze(list.id(), new ClientCriterion.IdIn(Set.of(a.id())), "importer", NOON);
        });
        assertThat(frozen).isEqualTo(1);
        assertThatThrownBy(() -> storage().<Long>read(tenant, s -> s.get(SegmentStore.class).freeze(list.id(), Criterion.all(), "x", NOON)))
                .isInstanceOf(CrmException.class);
        Optional<SegmentMember> row = storage().read(tenant, s -> s.get(SegmentStore.class).member(list.id(), a.id()));
        assertThat(row).contains(new SegmentMember(a.id(), "importer", NOON));
        assertThat(storage().<Long>read(tenant, s -> s.get(SegmentStore.class).memberCount(list.id()))).isEqualTo(1);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(SegmentStore.class).update(list.withVersion(7))))
                .isInstanceOf(ConcurrentChangeException.class);
    }
}
