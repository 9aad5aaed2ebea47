package org.crmkit.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.EmployeeId;
import org.crmkit.feed.FeedEntry;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Timing;

/**
 * A hand-over as a host runs it, for any storage: {@code from} manages two clients (one archived)
 * and is responsible for persons at a client of {@code to} and at one of their own, and for four
 * interactions (planned, in progress, done, cancelled: only the open two move); a bystander's
 * records stay as they are.
 */
public final class HandOverScenario {
    private HandOverScenario() {
    }

    public static void run(Crm crm, EmployeeId from, EmployeeId to) {
        EmployeeId bystander = EmployeeId.of("bystander-" + from);
        Client alfa = crm.clients().register(NewClient.legalEntity("Альфа").manager(from)
                .contactPerson(PersonName.of("Иванов", "Иван", null), p -> p.assignResponsible(from)));
        Client beta = crm.clients().register(NewClient.legalEntity("Бета").manager(to)
                .contactPerson(PersonName.of("Петров", "Пётр", null), p -> p.assignResponsible(from))
                .contactPerson(PersonName.of("Сидорова", "Анна", null), p -> p.assignResponsible(bystander)));
        Client gamma = crm.clients().register(NewClient.legalEntity("Гамма").manager(from));
        crm.clients().archive(gamma.id());
        Client delta = crm.clients().register(NewClient.legalEntity("Дельта").manager(bystander));
        Timing morning = Timing.timed(java.time.Instant.parse("2024-04-01T09:00:00Z"), java.time.Instant.parse("2024-04-01T10:00:00Z"));
        Interaction planned = crm.interactions().plan(InteractionKind.MEETING, "Встреча", morning, from,
                i -> i.withParticipants(java.util.List.of(Participant.of(alfa.id())))).interaction();
        Interaction started = crm.interactions().plan(InteractionKind.TASK, "Подготовить договор", morning, from, Interaction::start).interaction();
        Interaction done = crm.interactions().plan(InteractionKind.OUTGOING_CALL, "Звонок", morning, from, i -> i.complete("Дозвонились"))
                .interaction();
        Interaction cancelled = crm.interactions().plan(InteractionKind.NOTE, "Отменено", morning, from, Interaction::cancel).interaction();
        Interaction others = crm.interactions().plan(InteractionKind.MEETING, "Чужая встреча", morning, bystander, i -> i).interaction();
        long fedBefore = crm.feed().after(0, 10_000).size();

        HandOverReport report = crm.handOvers().handOver(from, to);

        assertThat(report.moved()).containsEntry("client", 2L).containsEntry("contact-person", 2L).containsEntry("interaction", 2L);
        assertThat(report.total()).isEqualTo(6);
        assertThat(report.ids(org.crmkit.client.Clients.HANDED_OVER)).as("typed ids, archived Гамма too")
                .containsExactlyInAnyOrder(alfa.id(), gamma.id());
        assertThat(report.ids(org.crmkit.client.ContactPersons.HANDED_OVER)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.of(alfa, beta).flatMap(c -> crm.contactPersons().ofClient(c.id()).stream())
                        .filter(p -> !p.responsible().equals(Optional.of(bystander))).map(ContactPerson::id).toList());
        assertThat(report.ids(org.crmkit.interaction.Interactions.HANDED_OVER)).containsExactlyInAnyOrder(planned.id(), started.id());
        assertThat(report.count(org.crmkit.interaction.Interactions.HANDED_OVER)).isEqualTo(2);
        assertThat(crm.interactions().get(planned.id()).responsible()).isEqualTo(to);
        assertThat(crm.interactions().get(started.id()).responsible()).isEqualTo(to);
        assertThat(crm.interactions().get(done.id()).responsible()).as("history is not rewritten").isEqualTo(from);
        assertThat(crm.interactions().get(cancelled.id()).responsible()).isEqualTo(from);
        assertThat(crm.interactions().get(others.id()).responsible()).isEqualTo(bystander);
        assertThat(crm.interactions().journal(planned.id())).filteredOn(e -> e.field().equals("responsible")).singleElement()
                .satisfies(e -> assertThat(e.newValue()).contains(to.value()));
        assertThat(crm.clients().find(ClientQuery.where(new ClientCriterion.ManagedBy(java.util.Set.of(from))))).isEmpty();
        assertThat(crm.clients().get(alfa.id()).manager()).contains(to);
        assertThat(crm.clients().get(gamma.id()).manager()).contains(to);
        assertThat(crm.clients().get(gamma.id()).archived()).isTrue();
        assertThat(crm.clients().get(delta.id()).manager()).contains(bystander);
        assertThat(crm.contactPersons().ofClient(alfa.id())).extracting(ContactPerson::responsible).containsExactly(Optional.of(to));
        assertThat(crm.contactPersons().ofClient(beta.id())).extracting(ContactPerson::responsible)
                .containsExactlyInAnyOrder(Optional.of(to), Optional.of(bystander));
        assertThat(crm.clients().history(alfa.id())).filteredOn(e -> e.field().equals("manager")).singleElement()
                .satisfies(e -> assertThat(e.newValue()).hasValueSatisfying(v -> assertThat(v).contains(to.value())));
        assertThat(crm.feed().after(0, 10_000).subList((int) fedBefore, crm.feed().after(0, 10_000).size()))
                .extracting(FeedEntry::kind).containsExactlyInAnyOrder("client", "client", "contact-person", "contact-person", "interaction",
                        "interaction");

        assertThat(crm.handOvers().handOver(from, to).total()).isZero();
    }
}
