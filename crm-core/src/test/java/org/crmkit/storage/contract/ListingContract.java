package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmkit.ChangeJournal;
import org.crmkit.Crm;
import org.crmkit.access.AccessPolicies;
import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.audit.JournalQuery;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.NewClient;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.junit.jupiter.api.Test;

/**
 * Reading everything: paging through all clients by id (keyset), and the journal across clients
 * by period and actor, while others write.
 */
abstract class ListingContract extends InputContract {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private List<Client> storeClients(int count, Function<Integer, ClientId> id) {
        return storage().inTransaction(tenant, s -> {
            List<Client> stored = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Client client = Client.register(id.apply(i), ClientCode.of(String.format("L%05d", i)),
                        i % 3 == 0 ? ClientKind.INDIVIDUAL : ClientKind.LEGAL_ENTITY, "Клиент " + (char) ('А' + i % 30) + i,
                        LocalDate.of(2024, 1, 15));
                stored.add(s.get(ClientStore.class).insert(client));
            }
            return stored;
        });
    }

    /** A random id: new clients land before and after any cursor, not only at the end. */
    private static ClientId randomId(int ignored) {
        return new ClientId(UUID.randomUUID());
    }

    private List<Client> page(Criterion<ClientCriterion> where, Optional<ClientId> after, int limit) {
        return storage().read(tenant, s -> s.get(ClientStore.class).findAfter(where, after, limit));
    }

    private static List<UUID> ids(List<Client> clients) {
        return clients.stream().map(c -> c.id().value()).collect(Collectors.toList());
    }

    private static Optional<ClientId> lastOf(List<Client> page) {
        return page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1).id());
    }

    @Test
    void pagesByIdListEveryClientOnceInIdOrderEvenPagesOfOneAndTheEmptyPageAfterTheLast() {
        List<Client> stored = storeClients(23, ListingContract::randomId);
        List<UUID> expected = ids(stored).stream().sorted(SortOrder.UUIDS).collect(Collectors.toList());

        for (int size : new int[]{1, 7, 23, 100}) {
            List<UUID> seen = new ArrayList<>();
            Optional<ClientId> after = Optional.empty();
            List<Client> page;
            do {
                page = page(Criterion.all(), after, size);
                assertThat(page.size()).isLessThanOrEqualTo(size);
                seen.addAll(ids(page));
                assertThat(seen).as("a page repeats what was seen").hasSizeLessThanOrEqualTo(expected.size());
                after = lastOf(page);
            } while (page.size() == size);
            assertThat(seen).as("pages of %d", size).isEqualTo(expected);
        }
        assertThat(page(Criterion.all(), Optional.of(new ClientId(new UUID(-1L, -1L))), 5)).isEmpty();
        assertThat(page(Criterion.all(), Optional.of(new ClientId(new UUID(0L, 0L))), 100)).extracting(Client::id)
                .containsExactlyElementsOf(stored.stream().map(Client::id).sorted(Comparator.comparing(ClientId::value, SortOrder.UUIDS))
                        .collect(Collectors.toList()));
        assertThat(page(Criterion.all(), Optional.of(stored.get(0).id()), 100)).as("clients of the page read whole")
                .allSatisfy(c -> assertThat(stored).contains(c));
    }

    @Test
    void pagesByIdKeepTheirCriterionAndTheTenant() {
        List<Client> stored = storeClients(20, ListingContract::randomId);
        storage().inTransaction(newTenant(), s -> s.get(ClientStore.class).insert(Client.register(newClientId(), ClientCode.of("L00000"),
                ClientKind.INDIVIDUAL, "Чужой", LocalDate.of(2024, 1, 15))));
        Criterion<ClientCriterion> individuals = new ClientCriterion.KindIs(ClientKind.INDIVIDUAL);
        List<UUID> expected = stored.stream().filter(c -> c.kind() == ClientKind.INDIVIDUAL).map(c -> c.id().value())
                .sorted(SortOrder.UUIDS).collect(Collectors.toList());

        List<UUID> seen = new ArrayList<>();
        Optional<ClientId> after = Optional.empty();
        for (List<Client> page = page(individuals, after, 3); !page.isEmpty(); page = page(individuals, after, 3)) {
            seen.addAll(ids(page));
            assertThat(seen).as("a page repeats what was seen").hasSizeLessThanOrEqualTo(expected.size());
            after = lastOf(page);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void clientsAddedChangedAndArchivedWhilePagingAreNeitherDuplicatedNorAreUnchangedOnesSkipped() {
        List<Client> original = storeClients(30, ListingContract::randomId);
        List<UUID> seen = new ArrayList<>();
        Optional<ClientId> after = Optional.empty();
        int round = 0;
        List<Client> page;
        do {
            page = page(Criterion.all(), after, 6);
            seen.addAll(ids(page));
            after = lastOf(page);
            int r = round++;
            assertThat(r).as("pages of a base of 30 and a few more").isLessThan(20);
            // meanwhile others write: new clients (random ids: some before the cursor, some after),
            // renamed and archived ones, seen and unseen alike
            storage().inTransaction(tenant, s -> {
                ClientStore clients = s.get(ClientStore.class);
                for (int i = 0; i < 2; i++) {
                    clients.insert(Client.register(newClientId(new UUID(UUID.randomUUID().getMostSignificantBits(), r * 10L + i)),
                            ClientCode.of("N" + r + "-" + i), ClientKind.LEGAL_ENTITY, "Новый " + r + i, LocalDate.of(2024, 2, 1)));
                }
                Client a = clients.get(original.get((r * 7) % 30).id()).orElseThrow();
                clients.update(a.rename("Аааа " + r, Optional.empty()));
                Client b = clients.get(original.get((r * 11 + 3) % 30).id()).orElseThrow();
                clients.update(r % 2 == 0 ? b.archive() : b.rename("Яяяя " + r, Optional.empty()));
                return null;
            });
        } while (page.size() == 6);

        assertThat(new HashSet<>(seen)).as("no client listed twice").hasSize(seen.size());
        assertThat(seen).as("in id order").isSortedAccordingTo(SortOrder.UUIDS);
        assertThat(seen).as("every client that was there all along, once").containsAll(ids(original));
    }

    @Test
    void theFacadeListsWhatTheActorMaySeeAndStreamsTheBaseAPageAtATime() {
        Actor panina = Actor.employee(tenant, EmployeeId.of("panina"));
        Crm crm = Crm.builder().storage(storage()).actor(panina)
                .accessPolicy(AccessPolicies.builder().visible(ClientAccess.CLIENTS, actor -> new ClientCriterion.KindIs(ClientKind.INDIVIDUAL))
                        .build())
                .build();
        List<Client> stored = storeClients(17, ListingContract::randomId);
        List<UUID> visible = stored.stream().filter(c -> c.kind() == ClientKind.INDIVIDUAL).map(c -> c.id().value())
                .sorted(SortOrder.UUIDS).collect(Collectors.toList());

        assertThat(ids(crm.clients().stream(Criterion.all(), 2).limit(100).collect(Collectors.toList()))).isEqualTo(visible);
        assertThat(ids(crm.clients().listAfter(Optional.empty(), 3))).isEqualTo(visible.subList(0, 3));
        assertThat(ids(crm.clients().listAfter(Optional.of(new ClientId(visible.get(2))), 100))).isEqualTo(visible.subList(3, visible.size()));
        assertThat(crm.clients().stream(new ClientCriterion.Archived(true), 5)).isEmpty();

        assertThatThrownBy(() -> crm.clients().listAfter(Optional.empty(), 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("limit: \"0\" must be between 1 and 10000"));
        assertThatThrownBy(() -> crm.clients().stream(Criterion.all(), 10_001)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> crm.clients().listAfter(null, 5)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("after"));
        assertThatThrownBy(() -> crm.clients().listAfter(null, Optional.empty(), 5)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("where"));
    }

    private AuditEntry line(ClientId client, String actor, Instant at) {
        return new AuditEntry(ids.next(), Optional.of(client), "client", "notes", Optional.of("было"), Optional.of("стало"), actor, at);
    }

    private List<AuditEntry> read(JournalQuery query) {
        return storage().read(tenant, s -> s.get(AuditStore.class).find(query));
    }

    /** Every page of a query, each from the last entry of the one before. */
    private List<AuditEntry> allPages(JournalQuery first) {
        List<AuditEntry> all = new ArrayList<>();
        JournalQuery query = first;
        for (List<AuditEntry> page = read(query); ; page = read(query)) {
            assertThat(page.size()).isLessThanOrEqualTo(first.limit());
            all.addAll(page);
            assertThat(all).as("a page repeats what was read").hasSizeLessThanOrEqualTo(100);
            if (page.size() < first.limit()) {
                return all;
            }
            query = query.after(page.get(page.size() - 1));
        }
    }

    @Test
    void theJournalIsReadAcrossClientsByPeriodAndByActorInPagesOldestFirst() {
        ClientId a = newClientId();
        ClientId b = newClientId();
        ClientId c = newClientId();
        List<AuditEntry> lines = new ArrayList<>();
        String[] actors = {"alekseev", "panina", "Система"};
        for (int i = 0; i < 40; i++) {
            // several lines share a time (one change writes a line per field), so ties go by id
            lines.add(line(i % 3 == 0 ? a : i % 3 == 1 ? b : c, actors[i % 3 == 2 ? 2 : i % 5 == 0 ? 1 : 0],
                    T0.plusSeconds(60L * (i / 4)).plusNanos(i % 2 * 1_000)));
        }
        storage().inTransaction(tenant, s -> {
            s.get(AuditStore.class).append(lines.subList(0, 25));
            return null;
        });
        storage().inTransaction(tenant, s -> {
            s.get(AuditStore.class).append(lines.subList(25, 40));
            return null;
        });
        storage().inTransaction(newTenant(), s -> {
            s.get(AuditStore.class).append(List.of(line(a, "alekseev", T0.plusSeconds(60))));
            return null;
        });

        Instant from = T0.plusSeconds(60);
        Instant until = T0.plusSeconds(8 * 60);
        List<AuditEntry> inPeriod = lines.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(until))
                .sorted(AuditEntry.CHRONOLOGICAL).collect(Collectors.toList());
        assertThat(inPeriod).hasSize(28);
        for (int size : new int[]{1, 3, 28, 500}) {
            assertThat(allPages(JournalQuery.between(from, until, size))).as("pages of %d", size).isEqualTo(inPeriod);
        }
        List<AuditEntry> alekseev = inPeriod.stream().filter(e -> e.actor().equals("alekseev")).collect(Collectors.toList());
        assertThat(allPages(JournalQuery.between(from, until, 4).by("alekseev"))).isEqualTo(alekseev);
        assertThat(allPages(JournalQuery.between(from, until, 4).by("Система")))
                .isEqualTo(inPeriod.stream().filter(e -> e.actor().equals("Система")).collect(Collectors.toList()));
        assertThat(read(JournalQuery.between(from, until, 10).by("nobody"))).isEmpty();
        assertThat(read(JournalQuery.between(T0.minusSeconds(3600), T0, 10))).as("until is exclusive").isEmpty();
        assertThat(read(JournalQuery.between(T0, T0.plusNanos(1_000), 10))).as("from is inclusive")
                .isEqualTo(lines.stream().filter(e -> e.at().equals(T0)).sorted(AuditEntry.CHRONOLOGICAL).collect(Collectors.toList()));
    }

    @Test
    void linesWrittenWhileTheJournalIsReadAreMetOnceAtTheirPlace() {
        ClientId a = newClientId();
        List<AuditEntry> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(line(a, "alekseev", T0.plusSeconds(i)));
        }
        storage().inTransaction(tenant, s -> {
            s.get(AuditStore.class).append(first);
            return null;
        });
        JournalQuery query = JournalQuery.between(T0, T0.plusSeconds(3600), 4);
        List<AuditEntry> seen = new ArrayList<>(read(query));
        List<AuditEntry> later = List.of(line(a, "panina", T0.plusSeconds(100)), line(a, "panina", T0.plusSeconds(101)));
        storage().inTransaction(tenant, s -> {
            s.get(AuditStore.class).append(later);
            return null;
        });
        for (List<AuditEntry> page = read(query.after(seen.get(seen.size() - 1))); !page.isEmpty();
             page = read(query.after(seen.get(seen.size() - 1)))) {
            seen.addAll(page);
            assertThat(seen).as("a page repeats what was read").hasSizeLessThanOrEqualTo(20);
        }
        List<AuditEntry> all = new ArrayList<>(first);
        all.addAll(later);
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void theJournalAcrossClientsIsForWhoMayAdministerItAndChecksItsQuery() {
        Crm allowed = Crm.builder().storage(storage()).actor(Actor.employee(tenant, EmployeeId.of("chief"))).build();
        Client client = allowed.clients().register(NewClient.legalEntity("Журнал"));
        allowed.clients().update(client.id(), c -> c.changeNotes("Новое"));
        List<AuditEntry> read = allowed.journal().read(JournalQuery.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 10));
        assertThat(read).extracting(AuditEntry::field).containsExactly("registered", "notes");
        assertThat(read).isEqualTo(allowed.clients().history(client.id()));

        Crm refused = Crm.builder().storage(storage()).actor(Actor.employee(tenant, EmployeeId.of("clerk")))
                .accessPolicy(AccessPolicies.builder().administer((actor, area) -> !area.equals(ChangeJournal.AREA)).build()).build();
        assertThatThrownBy(() -> refused.journal().read(JournalQuery.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 10)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("read the change journal across clients");
        assertThatThrownBy(() -> allowed.journal().read(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("query"));

        assertThatThrownBy(() -> JournalQuery.between(T0, T0, 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("until: \"2025-03-01T09:00:00Z\" must be after from (2025-03-01T09:00:00Z)"));
        assertThatThrownBy(() -> JournalQuery.between(T0, null, 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("until"));
        assertThatThrownBy(() -> JournalQuery.between(T0, T0.plusSeconds(1), 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> JournalQuery.between(T0, T0.plusSeconds(1), 10).by(" ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("actor"));
        assertThatThrownBy(() -> JournalQuery.between(T0, T0.plusSeconds(1), 10).after(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("after"));
    }

    private ClientId newClientId(UUID value) {
        return new ClientId(value);
    }
}
