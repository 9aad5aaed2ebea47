package org.crmkit.storage.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.UUID;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.client.PersonName;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmployeeId;
import org.crmkit.deal.DealId;
import org.crmkit.interaction.CalendarPeriod;
import org.crmkit.interaction.Direction;
import org.crmkit.interaction.Importance;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.PromiseSide;
import org.crmkit.interaction.Timing;

/**
 * A varied population of interactions for the store kit: every kind (and a tenant's own), every
 * state, timed items (moments among them) and all-day ones around the night of a DST change,
 * promises, participants with and without persons and channels, other employees, authors, links
 * to earlier interactions and to deals ({@link #dealOf}).
 */
final class InteractionSamples {
    static final String[] EMPLOYEES = {"alekseev", "panina", "petrishchev", "abdulov"};
    static final String[] SUBJECTS = {"Ёлки к празднику", "Звонок по счёту 100%", "Встреча в офисе", "Обещали скидку_5", "Письмо о ЕЛКАХ",
        "Напомнить про договор"};
    static final String[] CONTENTS = {"Договорились о поставке ёлок.\nПерезвонить в среду.", "Клиент просил скидку 5%", "счёт_2024 отправлен"};
    static final InteractionKind EXHIBITION = new InteractionKind("exhibition");
    /** The night Berlin moves its clocks forward: 2024-03-31 02:00 local. */
    static final Instant BASE = Instant.parse("2024-03-30T18:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private InteractionSamples() {
    }

    static List<Client> clients(Supplier<UUID> ids, int n) {
        List<Client> clients = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Client c = Client.register(new ClientId(ids.get()), ClientCode.of(String.format("I%03d", k)), ClientKind.LEGAL_ENTITY,
                    (k % 2 == 0 ? "Ёлки-" : "Прайм-") + k, LocalDate.of(2024, 1, 15));
            if (k % 3 != 2) {
                c = c.assignManager(EmployeeId.of(EMPLOYEES[k % EMPLOYEES.length]));
            }
            clients.add(k % 5 == 4 ? c.archive() : c);
        }
        return clients;
    }

    static List<ContactPerson> persons(Supplier<UUID> ids, List<Client> clients) {
        List<ContactPerson> persons = new ArrayList<>();
        for (int k = 0; k < clients.size(); k++) {
            for (int p = 0; p <= k % 2; p++) {
                persons.add(ContactPerson.create(new ContactPersonId(ids.get()), clients.get(k).id(), PersonName.of("Иванов" + p, "Иван", null))
                        .addContact(ContactEntry.parse(ContactType.PHONE, String.format("+7 495 %03d-11-%02d", 300 + k, p), "RU")));
            }
        }
        return persons;
    }

    /**
     * The deal id the samples link a client's interactions to (two per client, stable for the
     * client). The stores keep the link as given; that the deal exists is the use case's check.
     */
    static DealId dealOf(ClientId client, int which) {
        return new DealId(UUID.nameUUIDFromBytes(("deal " + which + " of " + client).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Periods a calendar asks about: a night across the DST change in two zones, an hour, a month, a moment's edge. */
    static List<CalendarPeriod> periods() {
        return List.of(CalendarPeriod.days(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 3, 31), BERLIN),
                CalendarPeriod.days(LocalDate.of(2024, 3, 30), LocalDate.of(2024, 4, 1), MOSCOW),
                new CalendarPeriod(BASE.plusSeconds(3 * 3600), BASE.plusSeconds(4 * 3600), BERLIN),
                new CalendarPeriod(BASE.plusSeconds(7 * 3600), BASE.plusSeconds(7 * 3600 + 1), BERLIN),
                CalendarPeriod.month(java.time.YearMonth.of(2024, 4), MOSCOW),
                new CalendarPeriod(BASE.minusSeconds(86_400 * 30), BASE.minusSeconds(86_400 * 29), ZoneId.of("UTC")),
                // late on 31 March in New York: the all-day items of that day have keys more than a day before it
                new CalendarPeriod(Instant.parse("2024-04-01T03:00:00Z"), Instant.parse("2024-04-01T04:30:00Z"), ZoneId.of("America/New_York")));
    }

    static List<Interaction> population(Supplier<UUID> ids, List<Client> clients, List<ContactPerson> persons, int n) {
        List<Interaction> all = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            InteractionKind kind = k % 12 == 11 ? EXHIBITION : InteractionKind.BUILT_IN.get(k % InteractionKind.BUILT_IN.size());
            Timing timing = k % 4 == 3
                    ? Timing.allDay(LocalDate.of(2024, 3, 29).plusDays(k % 5), LocalDate.of(2024, 3, 29).plusDays(k % 5 + k % 3))
                    : Timing.timed(BASE.plusSeconds(3600L * (k % 17) - 1800L * (k % 3)), BASE.plusSeconds(3600L * (k % 17) + 900L * (k % 4)));
            EmployeeId responsible = EmployeeId.of(EMPLOYEES[k % EMPLOYEES.length]);
            Optional<EmployeeId> author = k % 3 == 0 ? Optional.empty() : Optional.of(EmployeeId.of(EMPLOYEES[(k + 1) % EMPLOYEES.length]));
            Interaction i = Interaction.plan(new InteractionId(ids.get()), k + 1, kind, SUBJECTS[k % SUBJECTS.length], timing, responsible, author);
            if (kind.equals(InteractionKind.PROMISE)) {
                i = i.promise(LocalDate.of(2024, 3, 28).plusDays(k % 6), k % 2 == 0 ? PromiseSide.WE_PROMISED : PromiseSide.CLIENT_PROMISED);
            }
            if (kind.equals(InteractionKind.LETTER) || kind.equals(EXHIBITION)) {
                i = i.withDirection(k % 2 == 0 ? Direction.INCOMING : null);
            }
            if (k % 3 != 1) {
                i = i.describe(CONTENTS[k % CONTENTS.length]);
            }
            i = i.withImportance(Importance.values()[k % 3]).withProject(k % 4 == 0 ? "проект-" + k % 3 : null);
            if (k % 5 == 2) {
                i = i.withOtherEmployees(List.of(EmployeeId.of(EMPLOYEES[(k + 2) % EMPLOYEES.length]), EmployeeId.of("guest")));
            }
            i = i.withParticipants(participants(k, clients, persons));
            if (k > 0 && k % 7 == 0) {
                i = i.basedOn(all.get(k - 1).id());
            }
            if (k % 4 != 2 && !i.clients().isEmpty()) {
                i = i.forDeal(dealOf(i.clients().get(0), k % 4 == 3 ? 1 : 0));
            }
            switch (k % 6) {
                case 1:
                    i = i.start();
                    break;
                case 2:
                    i = i.complete(k % 4 == 2 ? "Договорились" : null);
                    break;
                case 3:
                    i = i.cancel();
                    break;
                default:
                    break;
            }
            all.add(i);
        }
        return all;
    }

    private static List<Participant> participants(int k, List<Client> clients, List<ContactPerson> persons) {
        List<Participant> list = new ArrayList<>();
        int count = k % 9 == 8 ? 0 : 1 + k % 2;
        for (int p = 0; p < count; p++) {
            Client client = clients.get((k * 3 + p * 5) % clients.size());
            ContactPerson person = persons.stream().filter(x -> x.client().equals(client.id())).findFirst().orElseThrow();
            list.add((k + p) % 3 == 0 ? Participant.of(client.id())
                    : Participant.of(client.id(), person.id(), (k + p) % 3 == 1 ? person.contacts().get(0)
                    : ContactEntry.parse(ContactType.EMAIL, "Client" + k + "@Example.ru", "RU")));
        }
        return list;
    }
}
