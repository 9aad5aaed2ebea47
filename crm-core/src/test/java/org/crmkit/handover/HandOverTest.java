package org.crmkit.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicies;
import org.crmkit.client.Client;
import org.crmkit.client.Clients;
import org.crmkit.client.NewClient;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.usecase.CrmContext;
import org.junit.jupiter.api.Test;

/** An employee leaves: their clients and contact persons move to a successor, whole or not at all. */
class HandOverTest {
    private static final TenantId TENANT = TenantId.of("veterok");
    private static final EmployeeId ABDULOV = EmployeeId.of("abdulov");
    private static final EmployeeId PANINA = EmployeeId.of("panina");
    private static final EmployeeId SIDOROV = EmployeeId.of("sidorov");
    private static final Actor ADMIN = Actor.employee(TENANT, EmployeeId.of("admin"));
    private static final EmployeeDirectory STAFF = EmployeeDirectory.of(List.of(
            Employee.of("abdulov", "Абдулов", "sales"), Employee.of("panina", "Панина", "sales"),
            new Employee(SIDOROV, "Сидоров", Optional.empty(), false), Employee.of("admin", "Админ", null)));

    @Test
    void theLeaversClientsAndPersonsMoveAndEveryMoveIsJournaled() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).employees(STAFF).actor(ADMIN).build();
        HandOverScenario.run(crm, ABDULOV, PANINA);
    }

    @Test
    void moreClientsThanOnePageAllMove() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).employees(STAFF).actor(ADMIN).build();
        List<NewClient> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            drafts.add(NewClient.legalEntity("Клиент " + i).manager(i % 3 == 0 ? PANINA : ABDULOV));
        }
        crm.clients().registerAll(drafts);

        assertThat(crm.handOvers().handOver(ABDULOV, PANINA).moved()).containsEntry("client", 802L);
        assertThat(crm.clients().count(new org.crmkit.client.ClientCriterion.ManagedBy(java.util.Set.of(PANINA)))).isEqualTo(1_203);
    }

    @Test
    void aSuccessorWhoLeftOrIsUnknownOrTheSameIsRefusedAndNothingMoves() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).employees(STAFF).actor(ADMIN).build();
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").manager(ABDULOV));
        assertThatThrownBy(() -> crm.handOvers().handOver(ABDULOV, SIDOROV)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> crm.handOvers().handOver(ABDULOV, EmployeeId.of("nobody"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).contains("nobody", "directory"));
        assertThatThrownBy(() -> crm.handOvers().handOver(ABDULOV, ABDULOV)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> crm.handOvers().handOver(null, PANINA)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> crm.handOvers().handOver(ABDULOV, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(crm.clients().get(alfa.id()).manager()).contains(ABDULOV);
    }

    @Test
    void onlyAnAdministratorOfHandOversMayRunOne() {
        Crm crm = Crm.builder().storage(new InMemoryStorage()).employees(STAFF).actor(ADMIN)
                .accessPolicy(AccessPolicies.builder().administer((actor, area) -> !area.equals(HandOvers.AREA)).build()).build();
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").manager(ABDULOV));
        long fed = crm.feed().after(0, 100).size();
        assertThatThrownBy(() -> crm.handOvers().handOver(ABDULOV, PANINA)).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.clients().get(alfa.id()).manager()).contains(ABDULOV);
        assertThat(crm.feed().after(0, 100)).hasSize((int) fed);
    }

    @Test
    void aFeatureThatFailsUndoesTheWholeHandOver() {
        InMemoryStorage storage = new InMemoryStorage();
        Crm crm = Crm.builder().storage(storage).employees(STAFF).actor(ADMIN).build();
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").manager(ABDULOV));
        HandOver failing = new HandOver("deals", (work, from, to) -> {
            throw new IllegalStateException("deals store is down");
        });
        CrmContext context = new CrmContext(storage, Clock.systemUTC(), IdGenerator.timeOrdered(Clock.systemUTC()),
                AccessPolicies.everything(), STAFF, List.of(), "RU", ActorSource.fixed(ADMIN));
        HandOvers withFailing = new HandOvers(context, List.of(Clients.HAND_OVER, failing));
        assertThatThrownBy(() -> withFailing.handOver(ABDULOV, PANINA)).hasMessageContaining("deals store is down");
        assertThat(crm.clients().get(alfa.id()).manager()).contains(ABDULOV);
        assertThat(crm.clients().history(alfa.id())).extracting(e -> e.field()).doesNotContain("manager");
    }
}
