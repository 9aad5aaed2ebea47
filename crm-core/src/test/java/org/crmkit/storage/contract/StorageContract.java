package org.crmkit.storage.contract;

import org.crmkit.audit.AuditStore;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.criteria.Criterion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactType;
import org.crmkit.client.NameSearch;
import org.crmkit.client.NameWords;
import org.crmkit.client.PersonName;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeId;
import org.crmkit.client.TaxIdentifiers;
import org.crmkit.common.CleanText;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.DuplicateException;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.SortOrder;
import org.crmkit.common.TenantId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.storage.Storage;
import org.crmkit.taxid.Inn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Storage} keeps. An implementation's test extends this class and
 * supplies the storage; each test works in a tenant of its own, so one storage can serve all
 * tests without cleaning up between them.
 */
public abstract class StorageContract extends SegmentContract {

    private Client storeClient(TenantId in, Client client) {
        return storage().inTransaction(in, s -> s.get(ClientStore.class).insert(client));
    }

    @Test
    void aStoredClientReadsBackEqualAtVersionOne() {
        storeDefinitions(tenant);
        Client client = ClientSamples.pitersoft(newClientId(), storeGroup(tenant, "Покупатели и заказчики"));
        Client stored = storeClient(tenant, client);

        assertThat(stored).isEqualTo(client.withVersion(1));
        Optional<Client> read = storage().read(tenant, s -> s.get(ClientStore.class).get(client.id()));
        assertThat(read).contains(client.withVersion(1));
        assertThat(read.get().property(PropertyKey.of("credit-limit")).get().display()).isEqualTo("1234.50 RUB");
    }

    @Test
    void anUpdateIncrementsTheVersionAndAStaleCopyIsRefusedWithNothingWritten() {
        Client v1 = storeClient(tenant, minimal("Альфа", "000000001"));
        Client v2 = storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(v1.rename("Альфа-2", Optional.empty())));
        assertThat(v2.version()).isEqualTo(2);

        Client stale = v1.rename("Альфа-stale", Optional.of("stale"));
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(stale)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(storage().<Optional<Client>>read(tenant, s -> s.get(ClientStore.class).get(v1.id()))).contains(v2);
    }

    @Test
    void aDuplicateCodeIsRefusedAndTheWholeUnitOfWorkRollsBack() {
        storeClient(tenant, minimal("Альфа", "000000007"));
        Client other = minimal("Бета", "000000008");
        Client clash = minimal("Гамма", "000000007");

        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> {
            s.get(ClientStore.class).insert(other);
            return s.get(ClientStore.class).insert(clash);
        })).isInstanceOfSatisfying(DuplicateException.class, e -> {
            assertThat(e.field()).isEqualTo("code");
            assertThat(e.rejectedValue()).isEqualTo("000000007");
        });
        assertThat(storage().<Optional<Client>>read(tenant, s -> s.get(ClientStore.class).get(other.id()))).isEmpty();
        assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(Criterion.all()))).isEqualTo(1);
    }

    @Test
    void aFailingUnitOfWorkLeavesNothingBehind() {
        Client client = minimal("Альфа", "000000001");
        ClientGroupId groupId = new ClientGroupId(ids.next());
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> {
            s.get(ClientStore.class).insert(client);
            s.get(ClientGroupStore.class).insert(ClientGroup.create(groupId, "Поставщики", null));
            s.get(AuditStore.class).append(List.of(entry(client.id(), "shortName", Instant.parse("2024-01-01T00:00:00Z"))));
            throw new IllegalStateException("the host's work failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the host's work failed");

        storage().read(tenant, s -> {
            assertThat(s.get(ClientStore.class).get(client.id())).isEmpty();
            assertThat(s.get(ClientGroupStore.class).get(groupId)).isEmpty();
            assertThat(s.get(AuditStore.class).ofClient(client.id())).isEmpty();
            return null;
        });
    }

    @Test
    void aCodeChangeIsCheckedForUniquenessToo() {
        storeClient(tenant, minimal("Альфа", "A-1"));
        Client beta = storeClient(tenant, minimal("Бета", "B-1"));
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(beta.recode(ClientCode.of("A-1")))))
                .isInstanceOf(DuplicateException.class);
        Client moved = storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(beta.recode(ClientCode.of("B-2"))));
        assertThat(storage().<List<Client>>read(tenant, s -> s.get(ClientStore.class).find(ClientQuery.where(new ClientCriterion.CodeIs(ClientCode.of("B-2"))))))
                .containsExactly(moved);
        storeClient(tenant, minimal("Гамма", "B-1"));
    }

    @Test
    void everyCriterionSelectsExactlyTheClientsItsTestAccepts() {
        storeDefinitions(tenant);
        List<ClientGroupId> groups = List.of(storeGroup(tenant, "Покупатели"), storeGroup(tenant, "Поставщики"), storeGroup(tenant, "Оптовые"));
        List<ClientId> clientIds = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            clientIds.add(newClientId());
        }
        List<Client> population = ClientSamples.population(clientIds, groups);
        storage().inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(population));
        List<Client> stored = storage().read(tenant, s -> s.get(ClientStore.class).find(new ClientQuery(Criterion.all(), ClientQuery.Order.CODE, 0, 1000)));
        assertThat(stored).hasSize(population.size());

        for (Criterion<ClientCriterion> criterion : criteria(population, groups)) {
            Set<ClientId> expected = stored.stream().filter(c -> ClientCriterion.matches(criterion, c, ClientCriterion.Related.NONE)).map(Client::id).collect(Collectors.toSet());
            List<Client> found = storage().read(tenant, s -> s.get(ClientStore.class).find(new ClientQuery(criterion, ClientQuery.Order.CODE, 0, 1000)));
            assertThat(found.stream().map(Client::id).collect(Collectors.toSet()))
                    .as("clients selected by %s", criterion).isEqualTo(expected);
            assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(criterion))).as("count of %s", criterion).isEqualTo(expected.size());
            for (ClientQuery.Order order : ClientQuery.Order.values()) {
                ClientQuery query = new ClientQuery(criterion, order, 0, 1000);
                List<Client> page = storage().read(tenant, s -> s.get(ClientStore.class).find(query));
                assertThat(page).extracting(Client::id).as("%s in %s order", criterion, order)
                        .containsExactlyElementsOf(stored.stream().filter(c -> ClientCriterion.matches(criterion, c, ClientCriterion.Related.NONE)).sorted(orderOf(query)).map(Client::id)
                                .collect(Collectors.toList()));
                assertThat(storage().<List<ClientSummary>>read(tenant, s -> s.get(ClientStore.class).summaries(query)))
                        .as("summaries of %s in %s order", criterion, order)
                        .isEqualTo(page.stream().map(ClientSummary::of).collect(Collectors.toList()));
            }
        }
    }

    @Test
    void aSummaryHasTheClientsOwnFieldsAndItsMainPhone() {
        ClientGroupId group = storeGroup(tenant, "Покупатели");
        ContactEntry office = ContactEntry.parse(ContactType.PHONE, "8 (495) 321-22-23", "RU");
        ContactEntry mobile = ContactEntry.parse(ContactType.MOBILE, "8 916 123-45-67", "RU");
        ContactEntry fax = ContactEntry.parse(ContactType.FAX, "8 (495) 321-22-24", "RU");
        ContactEntry whatsapp = ContactEntry.parse(ContactType.WHATSAPP, "8 916 765-43-21", "RU");
        ContactEntry mail = ContactEntry.parse(ContactType.EMAIL, "info@example.ru", "RU");
        List<Client> clients = List.of(
                minimal("Первый", "S1").withContacts(List.of(fax.asPrimary(true), office, mobile.asPrimary(true))),
                minimal("Второй", "S2").withContacts(List.of(mail.asPrimary(true), mobile, office)),
                minimal("Третий", "S3").withContacts(List.of(fax.asPrimary(true), whatsapp.asPrimary(true), mail)),
                minimal("Четвёртый", "S4").withContacts(List.of(office.asPrimary(true), mobile.asPrimary(true))),
                minimal("Пятый", "S5").moveToGroup(group).classifyAs(RelationshipType.VIP).assignManager(EmployeeId.of("alekseev"))
                        .changeTaxIds(new TaxIdentifiers(Optional.of(Inn.parse("7707083893")), Optional.empty(),
                                Optional.empty(), Optional.empty())));
        storage().inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(clients));
        storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(s.get(ClientStore.class).get(clients.get(4).id()).orElseThrow().archive()));

        List<ClientSummary> summaries = storage().read(tenant, s -> s.get(ClientStore.class).summaries(
                new ClientQuery(Criterion.all(), ClientQuery.Order.CODE, 0, 10)));

        assertThat(summaries).extracting(ClientSummary::shortName).containsExactly("Первый", "Второй", "Третий", "Четвёртый", "Пятый");
        assertThat(summaries).extracting(summary -> summary.phone().map(PhoneNumber::e164).orElse("none"))
                .containsExactly(mobile.value(), mobile.value(), "none", office.value(), "none");
        ClientSummary fifth = summaries.get(4);
        assertThat(fifth).isEqualTo(new ClientSummary(clients.get(4).id(), ClientCode.of("S5"), ClientKind.LEGAL_ENTITY, "Пятый",
                Optional.of(group), Optional.of(RelationshipType.VIP), Optional.of(EmployeeId.of("alekseev")),
                Optional.of(Inn.parse("7707083893")), Optional.empty(), true));
        // inside a writing unit, summaries see what it wrote
        ClientSummary renamed = storage().inTransaction(tenant, s -> {
            s.get(ClientStore.class).update(s.get(ClientStore.class).get(clients.get(1).id()).orElseThrow().rename("Второй-бис", Optional.empty())
                    .withContacts(List.of(office)));
            return s.get(ClientStore.class).summaries(new ClientQuery(new ClientCriterion.CodeIs(ClientCode.of("S2")), ClientQuery.Order.CODE, 0, 1)).get(0);
        });
        assertThat(renamed.shortName()).isEqualTo("Второй-бис");
        assertThat(renamed.phone()).contains(new PhoneNumber(office.value()));
    }

    @Test
    void wordOrderedSummariesFollowEveryChangeOfTheSearchLine() {
        ClientGroupId group = storeGroup(tenant, "Покупатели");
        ContactEntry mobile = ContactEntry.parse(ContactType.MOBILE, "8 916 123-45-67", "RU");
        Client client = storeClient(tenant, minimal("Пермь-Сервис", "W1"));
        storeClient(tenant, minimal("Сервис-Пермь", "W2"));
        List<UnaryOperator<Client>> changes = List.of(
                c -> c.recode(ClientCode.of("W1-бис")),
                c -> c.changeKind(ClientKind.SOLE_PROPRIETOR),
                c -> c.moveToGroup(group),
                c -> c.classifyAs(RelationshipType.VIP),
                c -> c.assignManager(EmployeeId.of("alekseev")),
                c -> c.changeTaxIds(new TaxIdentifiers(Optional.of(Inn.parse("500100732259")), Optional.empty(), Optional.empty(),
                        Optional.empty())),
                c -> c.withContacts(List.of(mobile)),
                c -> c.rename("Пермь-Сервис Плюс", Optional.empty()),
                // the same folded name: only the short name as written changes
                c -> c.rename("ПЕРМЬ-СЕРВИС ПЛЮС", Optional.empty()),
                Client::archive);
        Criterion<ClientCriterion> serv = new ClientCriterion.NameWordStartsWith("серв");
        for (UnaryOperator<Client> change : changes) {
            Client current = client;
            client = storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(change.apply(current)));
            Client changed = client;
            for (Criterion<ClientCriterion> criterion : List.of(serv, Criterion.and(serv, new ClientCriterion.Archived(false)),
                    Criterion.and(serv, new ClientCriterion.ManagedBy(Set.of(EmployeeId.of("alekseev")))),
                    Criterion.and(serv, new ClientCriterion.InnIs(Inn.parse("500100732259"))),
                    Criterion.and(serv, new ClientCriterion.CodeIs(ClientCode.of("W1"))),
                    Criterion.and(serv, new ClientCriterion.KindIs(ClientKind.LEGAL_ENTITY)),
                    Criterion.and(serv, new ClientCriterion.InGroups(Set.of(group)),
                            new ClientCriterion.RelationshipIs(RelationshipType.VIP)),
                    Criterion.and(serv, new ClientCriterion.NameStartsWith("пермь-с")))) {
                ClientQuery query = new ClientQuery(criterion, ClientQuery.Order.NAME, 0, 10);
                List<Client> found = storage().read(tenant, s -> s.get(ClientStore.class).find(query));
                assertThat(found.stream().filter(c -> c.id().equals(changed.id())).findFirst().map(ClientSummary::of))
                        .as("%s after the change to %s", criterion, ClientSummary.of(changed))
                        .isEqualTo(ClientCriterion.matches(criterion, changed, ClientCriterion.Related.NONE) ? Optional.of(ClientSummary.of(changed)) : Optional.empty());
                assertThat(storage().<List<ClientSummary>>read(tenant, s -> s.get(ClientStore.class).summaries(query)))
                        .as("summaries of %s after the change to %s", criterion, ClientSummary.of(changed))
                        .isEqualTo(found.stream().map(ClientSummary::of).collect(Collectors.toList()));
            }
            // the name search's keys (the core and legal form on the client and its word rows) follow every change
            // (by code: read off the word rows alone; by id: the word rows joined to the clients)
            for (String typed : List.of("серв", "пермь", "сервис плюс", "ип пермь", "плюс")) {
                NameSearch search = NameSearch.of(typed).orElseThrow();
                for (Criterion<ClientCriterion> within : List.of(Criterion.and(new ClientCriterion.CodeIs(changed.code()),
                        new ClientCriterion.Archived(false)), Criterion.and(new ClientCriterion.IdIn(Set.of(changed.id())),
                        new ClientCriterion.Archived(false)))) {
                    assertThat(storage().<List<ClientSummary>>read(tenant, s -> s.get(ClientStore.class).searchNames(search, within, 10)))
                            .as("names for %s after the change to %s", typed, ClientSummary.of(changed))
                            .isEqualTo(search.rank(changed.archived() ? List.of() : List.of(changed), 10).stream().map(ClientSummary::of)
                                    .collect(Collectors.toList()));
                }
            }
        }
    }

    /**
     * The order a store lists a query's clients in, as {@link ClientQuery.Order} specifies it: by
     * code or by folded short name; ties by id as an unsigned number.
     */
    static Comparator<Client> orderOf(ClientQuery query) {
        Comparator<Client> byName = Comparator.comparing((Client c) -> CleanText.fold(c.shortName()), SortOrder.TEXT);
        Comparator<Client> order = query.order() == ClientQuery.Order.CODE
                ? Comparator.comparing((Client c) -> c.code().value(), SortOrder.TEXT) : byName;
        return order.thenComparing(c -> c.id().value(), SortOrder.UUIDS);
    }

    private static List<Criterion<ClientCriterion>> criteria(List<Client> population, List<ClientGroupId> groups) {
        Criterion<ClientCriterion> vip = new ClientCriterion.RelationshipIs(RelationshipType.VIP);
        Criterion<ClientCriterion> alekseev = new ClientCriterion.ManagedBy(Set.of(EmployeeId.of("alekseev")));
        Criterion<ClientCriterion> kitchen = new ClientCriterion.PropertyEquals(PropertyKey.of("furniture"), PropertyValue.choice(ClientSamples.KITCHEN));
        return List.of(
                Criterion.all(),
                new Criterion.And<>(List.of()),
                new Criterion.Or<>(List.of()),
                new ClientCriterion.NameContains("ёлк"),
                new ClientCriterion.NameContains("ЕЛК"),
                new ClientCriterion.NameContains("ежик"),
                new ClientCriterion.NameContains("мебел"),
                new ClientCriterion.NameContains("%"),
                new ClientCriterion.NameContains("_"),
                new ClientCriterion.NameContains("ООО «"),
                new ClientCriterion.PhoneEndsWith("4567"),
                new ClientCriterion.EmailStartsWith("INFO@"),
                new ClientCriterion.EmailEndsWith("@example.ru"),
                Criterion.not(new ClientCriterion.EmailEndsWith(".ru")),
                Criterion.and(new ClientCriterion.NameWordStartsWith("стр"), new ClientCriterion.NameContains("бета-с")),
                Criterion.and(new ClientCriterion.NameWordStartsWith("баев"), new ClientCriterion.NameContains("баев и к"),
                        new ClientCriterion.Archived(false)),
                Criterion.or(new ClientCriterion.NameContains("заря"), kitchen),
                new ClientCriterion.NameStartsWith("ёлк"),
                new ClientCriterion.NameStartsWith("БЕТА-"),
                new ClientCriterion.NameStartsWith("%"),
                new ClientCriterion.NameStartsWith("мир к"),
                Criterion.not(new ClientCriterion.NameStartsWith("е")),
                new ClientCriterion.NameWordStartsWith("стро"),
                new ClientCriterion.NameWordStartsWith("ёж"),
                new ClientCriterion.NameWordStartsWith("ко"),
                new ClientCriterion.NameWordStartsWith("1"),
                new ClientCriterion.NameWordStartsWith("ООО"),
                Criterion.not(new ClientCriterion.NameWordStartsWith("б")),
                Criterion.and(new ClientCriterion.Archived(false), new ClientCriterion.NameWordStartsWith("б"), alekseev),
                Criterion.or(new ClientCriterion.NameWordStartsWith("иван"), kitchen),
                // led by a word prefix, the rest on what a word row holds, then on what only the client row holds
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"), Criterion.not(alekseev)),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"), new ClientCriterion.NameStartsWith("бета"),
                        Criterion.not(new ClientCriterion.KindIs(ClientKind.INDIVIDUAL))),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"),
                        new ClientCriterion.CodeIn(Set.of(population.get(3).code(), population.get(7).code(), population.get(12).code()))),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"), new ClientCriterion.InGroups(Set.of())),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"), Criterion.not(new ClientCriterion.ManagedBy(Set.of()))),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"), Criterion.or(alekseev, vip)),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"),
                        new ClientCriterion.IdIn(Set.of(population.get(0).id(), population.get(3).id(), population.get(7).id()))),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"), new ClientCriterion.NameContains("бета")),
                Criterion.and(new ClientCriterion.NameWordStartsWith("б"), Criterion.not(kitchen)),
                new ClientCriterion.CodeIs(population.get(3).code()),
                new ClientCriterion.CodeIn(Set.of(population.get(3).code(), population.get(7).code(), ClientCode.of("нет-такого"))),
                new ClientCriterion.CodeIn(Set.of()),
                new ClientCriterion.InnIs(Inn.parse("7707083893")),
                new ClientCriterion.InnIs(Inn.parse("500100732259")),
                new ClientCriterion.PhoneIs(PhoneNumber.parse("phone", "8 (916) 103-03-11", "RU")),
                new ClientCriterion.EmailIs(EmailAddress.parse("client2@example.ru")),
                new ClientCriterion.EmailIs(EmailAddress.parse("İnfo@example.ru")),
                new ClientCriterion.EmailIs(EmailAddress.parse("ΟΔΟΣ@example.gr")),
                new ClientCriterion.PropertyEquals(PropertyKey.of("credit-limit"), PropertyValue.money(org.crmkit.common.Money.of("100.10", "RUB"))),
                new ClientCriterion.PropertyEquals(PropertyKey.of("account-manager"), PropertyValue.employee(EmployeeId.of("panina"))),
                new ClientCriterion.PropertyEquals(PropertyKey.of("parent-company"), PropertyValue.client(population.get(0).id())),
                new ClientCriterion.InGroups(Set.of(groups.get(0), groups.get(2))),
                new ClientCriterion.InGroups(Set.of()),
                new ClientCriterion.KindIs(ClientKind.SOLE_PROPRIETOR),
                vip,
                new ClientCriterion.Archived(true),
                new ClientCriterion.Archived(false),
                alekseev,
                new ClientCriterion.ManagedBy(Set.of()),
                new ClientCriterion.IdIn(Set.of(population.get(0).id(), population.get(10).id())),
                Criterion.not(alekseev),
                Criterion.not(new ClientCriterion.InGroups(Set.of(groups.get(1)))),
                Criterion.and(vip, Criterion.not(new ClientCriterion.Archived(true))),
                Criterion.or(alekseev, new ClientCriterion.NameContains("бета"), new ClientCriterion.KindIs(ClientKind.INDIVIDUAL)),
                kitchen,
                new ClientCriterion.PropertyEquals(PropertyKey.of("parts"), PropertyValue.choice(ClientSamples.PARTS)),
                new ClientCriterion.PropertyEquals(PropertyKey.of("employees-count"), PropertyValue.number(3)),
                new ClientCriterion.PropertyEquals(PropertyKey.of("employees-count"), PropertyValue.number("3.00")),
                new ClientCriterion.PropertyEquals(PropertyKey.of("competitor"), PropertyValue.bool(true)),
                new ClientCriterion.PropertyEquals(PropertyKey.of("activity"), PropertyValue.text("Сборка мебели")),
                new ClientCriterion.PropertyEquals(PropertyKey.of("seminar-date"), PropertyValue.date(LocalDate.of(2011, 9, 12))),
                Criterion.not(kitchen),
                Criterion.and(alekseev, Criterion.or(kitchen, Criterion.not(new ClientCriterion.KindIs(ClientKind.LEGAL_ENTITY)))));
    }

    @Test
    void nameWordPagesAreInNameOrderAndFollowRenames() {
        String[] names = {"ООО «Пермь-63»", "Пермские окна", "АО «ПЕРМЬСТРОЙ»", "Гермес", "ИП Пермяков А. А.", "Сперма-нет", "пермь пермь",
            "Ёлка-Пермь", "Кама"};
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            clients.add(storeClient(tenant, minimal(names[i], String.format("%09d", 20 - i))));
        }
        Client archived = storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(clients.get(4).archive()));
        storeClient(TenantId.of(tenant.value() + "-b"), minimal("Пермь-1", "000000001"));
        Criterion<ClientCriterion> perm = new ClientCriterion.NameWordStartsWith("ПЕРМ");
        List<String> expected = List.of("АО «ПЕРМЬСТРОЙ»", "Ёлка-Пермь", "ИП Пермяков А. А.", "ООО «Пермь-63»", "Пермские окна", "пермь пермь");

        assertThat(namesFound(new ClientQuery(perm, ClientQuery.Order.NAME, 0, 100))).containsExactlyElementsOf(expected);
        assertThat(namesFound(new ClientQuery(perm, ClientQuery.Order.NAME, 2, 3))).containsExactlyElementsOf(expected.subList(2, 5));
        assertThat(namesFound(new ClientQuery(perm, ClientQuery.Order.CODE, 0, 100))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(namesFound(new ClientQuery(Criterion.and(new ClientCriterion.Archived(false), perm,
                Criterion.not(new ClientCriterion.NameWordStartsWith("пермские"))), ClientQuery.Order.NAME, 1, 2)))
                .containsExactly("Ёлка-Пермь", "ООО «Пермь-63»");
        assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(perm))).isEqualTo(6);

        Client renamed = storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(clients.get(0).rename("ООО «Кама-Трейд»", Optional.empty())));
        assertThat(namesFound(new ClientQuery(perm, ClientQuery.Order.NAME, 0, 100))).doesNotContain("ООО «Пермь-63»", "ООО «Кама-Трейд»");
        assertThat(namesFound(new ClientQuery(new ClientCriterion.NameWordStartsWith("трей"), ClientQuery.Order.NAME, 0, 100)))
                .containsExactly(renamed.shortName());
        assertThat(namesFound(new ClientQuery(new ClientCriterion.NameWordStartsWith("кам"), ClientQuery.Order.NAME, 0, 100)))
                .containsExactly("Кама", "ООО «Кама-Трейд»");
        storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(archived.restore().recode(ClientCode.of("P-1"))));
        assertThat(namesFound(new ClientQuery(perm, ClientQuery.Order.NAME, 0, 100))).contains("ИП Пермяков А. А.");
    }

    @Test
    void pagesOfAReferenceValueAreInCodeOrderAndFollowRecodes() {
        storeDefinitions(tenant);
        List<ClientGroupId> groups = List.of(storeGroup(tenant, "Покупатели"));
        List<ClientId> clientIds = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            clientIds.add(newClientId());
        }
        List<Client> population = new ArrayList<>(ClientSamples.population(clientIds, groups));
        // stored against code order, so that a store answering in the order it wrote fails
        Collections.reverse(population);
        storage().inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(population));
        Client other = minimal("Кухни Чужие", "000000001").setProperty(ClientSamples.definition("furniture"),
                PropertyValue.choice(ClientSamples.KITCHEN));
        storeClient(TenantId.of(tenant.value() + "-b"), other);
        Criterion<ClientCriterion> kitchen = new ClientCriterion.PropertyEquals(PropertyKey.of("furniture"), PropertyValue.choice(ClientSamples.KITCHEN));
        List<Criterion<ClientCriterion>> criteria = List.of(kitchen,
                new ClientCriterion.PropertyEquals(PropertyKey.of("parts"), PropertyValue.choice(ClientSamples.PARTS)),
                new ClientCriterion.PropertyEquals(PropertyKey.of("account-manager"), PropertyValue.employee(EmployeeId.of("panina"))),
                Criterion.and(new ClientCriterion.ManagedBy(Set.of(EmployeeId.of("petrishchev"), EmployeeId.of("panina"))), kitchen),
                Criterion.and(Criterion.not(new ClientCriterion.KindIs(ClientKind.values()[1])),
                        new ClientCriterion.PropertyEquals(PropertyKey.of("parts"), PropertyValue.choice(ClientSamples.OFFICE)),
                        Criterion.not(kitchen)));

        for (Criterion<ClientCriterion> criterion : criteria) {
            List<String> expected = population.stream().filter(c -> ClientCriterion.matches(criterion, c, ClientCriterion.Related.NONE)).map(c -> c.code().value()).sorted()
                    .collect(Collectors.toList());
            assertThat(expected).as("fixture for %s", criterion).isNotEmpty();
            assertThat(codesFound(new ClientQuery(criterion, ClientQuery.Order.CODE, 0, 100))).as("page of %s", criterion)
                    .containsExactlyElementsOf(expected);
            assertThat(codesFound(new ClientQuery(criterion, ClientQuery.Order.CODE, 1, 2))).as("second and third of %s", criterion)
                    .containsExactlyElementsOf(expected.subList(Math.min(1, expected.size()), Math.min(3, expected.size())));
            assertThat(codesFound(new ClientQuery(criterion, ClientQuery.Order.CODE, 1000, 10))).isEmpty();
        }

        List<String> kitchens = codesFound(new ClientQuery(kitchen, ClientQuery.Order.CODE, 0, 100));
        Client first = storage().<Optional<Client>>read(tenant, s -> s.get(ClientStore.class).get(population.stream()
                .filter(c -> c.code().value().equals(kitchens.get(0))).findFirst().orElseThrow().id())).orElseThrow();
        storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(first.recode(ClientCode.of("Z-1"))));
        List<String> recoded = new ArrayList<>(kitchens.subList(1, kitchens.size()));
        recoded.add("Z-1");
        assertThat(codesFound(new ClientQuery(kitchen, ClientQuery.Order.CODE, 0, 100))).containsExactlyElementsOf(recoded);
    }

    @Test
    void aUnitOfWorkReadsWhatItWroteBeforeItCommits() {
        Client alpha = minimal("Альфа", "000000001");
        List<Client> seen = storage().inTransaction(tenant, s -> {
            Client stored = s.get(ClientStore.class).insert(alpha);
            Client renamed = s.get(ClientStore.class).update(stored.rename("Бета-Строй", Optional.empty()).recode(ClientCode.of("B-1")));
            assertThat(s.get(ClientStore.class).get(alpha.id())).contains(renamed);
            assertThat(s.get(ClientStore.class).count(new ClientCriterion.NameWordStartsWith("строй"))).isEqualTo(1);
            return s.get(ClientStore.class).find(ClientQuery.where(new ClientCriterion.NameWordStartsWith("бет")));
        });
        assertThat(seen).extracting(c -> c.code().value()).containsExactly("B-1");
        assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(new ClientCriterion.NameWordStartsWith("альф")))).isZero();
    }

    private List<String> codesFound(ClientQuery query) {
        return storage().<List<Client>>read(tenant, s -> s.get(ClientStore.class).find(query)).stream().map(c -> c.code().value())
                .collect(Collectors.toList());
    }

    private List<String> namesFound(ClientQuery query) {
        return storage().<List<Client>>read(tenant, s -> s.get(ClientStore.class).find(query)).stream().map(Client::shortName).collect(Collectors.toList());
    }

    @Test
    void pagesAreStableAndOrderedByCodeOrName() {
        List<String> names = List.of("Бета", "альфа", "Ёж", "Ель", "Гамма", "Дельта");
        for (int i = 0; i < names.size(); i++) {
            storeClient(tenant, minimal(names.get(i), String.format("%09d", 10 - i)));
        }
        List<Client> byCode = storage().read(tenant, s -> s.get(ClientStore.class).find(new ClientQuery(Criterion.all(), ClientQuery.Order.CODE, 0, 100)));
        assertThat(byCode).extracting(c -> c.code().value()).isSorted();
        List<Client> byName = storage().read(tenant, s -> s.get(ClientStore.class).find(new ClientQuery(Criterion.all(), ClientQuery.Order.NAME, 0, 100)));
        assertThat(byName).extracting(Client::shortName).containsExactly("альфа", "Бета", "Гамма", "Дельта", "Ёж", "Ель");
        List<Client> page = storage().read(tenant, s -> s.get(ClientStore.class).find(new ClientQuery(Criterion.all(), ClientQuery.Order.NAME, 2, 3)));
        assertThat(page).containsExactlyElementsOf(byName.subList(2, 5));
    }

    @Test
    void codeNumbersNeverRepeatNotEvenAfterARollback() {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(storage().inTransaction(tenant, s -> s.get(ClientStore.class).reserveCodeNumbers(1)));
        }
        long block = storage().inTransaction(tenant, s -> s.get(ClientStore.class).reserveCodeNumbers(100));
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> {
            numbers.add(s.get(ClientStore.class).reserveCodeNumbers(1));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        long after = storage().inTransaction(tenant, s -> s.get(ClientStore.class).reserveCodeNumbers(1));
        assertThat(numbers.get(0)).isPositive();
        assertThat(numbers.subList(0, 3)).doesNotHaveDuplicates().isSorted();
        assertThat(block).isGreaterThan(numbers.get(2));
        assertThat(numbers.get(3)).isGreaterThanOrEqualTo(block + 100);
        assertThat(after).isGreaterThan(numbers.get(3));
    }

    @Test
    void existingAnswersTheTenantsClientsAmongTheIdsArchivedOnesIncludedAndNoOtherTenants() {
        TenantId other = TenantId.of(tenant.value() + "-x");
        Client live = storeClient(tenant, minimal("Альфа", "000000001"));
        Client archived = storeClient(tenant, minimal("Бета", "000000002"));
        storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(archived.archive()));
        Client theirs = storeClient(other, minimal("Гамма", "000000001"));
        ClientId unknown = newClientId();
        List<ClientId> asked = new java.util.ArrayList<>(List.of(live.id(), archived.id(), theirs.id(), unknown, live.id()));
        for (int i = 0; i < 1500; i++) {
            asked.add(newClientId()); // more than one IN list of ids
        }

        Set<ClientId> found = storage().read(tenant, s -> s.get(ClientStore.class).existing(asked));

        assertThat(found).containsExactlyInAnyOrder(live.id(), archived.id());
        Set<ClientId> foundByOther = storage().read(other, s -> s.get(ClientStore.class).existing(asked));
        Set<ClientId> none = storage().read(tenant, s -> s.get(ClientStore.class).existing(List.of()));
        assertThat(foundByOther).containsExactly(theirs.id());
        assertThat(none).isEmpty();
    }

    @Test
    void tenantsNeverSeeEachOthersRecords() {
        TenantId other = TenantId.of(tenant.value() + "-b");
        storeDefinitions(tenant);
        ClientGroupId group = storeGroup(tenant, "Покупатели");
        Client mine = storeClient(tenant, ClientSamples.pitersoft(newClientId(), group));
        storage().inTransaction(tenant, s -> {
            s.get(AuditStore.class).append(List.of(entry(mine.id(), "shortName", Instant.parse("2024-01-01T00:00:00Z"))));
            return s.get(ContactPersonStore.class).insert(ContactPerson.create(new ContactPersonId(ids.next()), mine.id(), PersonName.of("Светикова", "Светлана", "Андреевна")));
        });
        storage().inTransaction(tenant, s -> s.get(RelationshipTypeStore.class).insert(new RelationshipType(RelationshipTypeId.of("dealer"), "Дилер", false, 0)));
        Client theirs = storeClient(other, minimal("Питерсофт", "000000001"));

        storage().read(other, s -> {
            assertThat(s.get(ClientStore.class).get(mine.id())).isEmpty();
            assertThat(s.get(ClientStore.class).find(ClientQuery.where(new ClientCriterion.NameContains("питер")))).containsExactly(theirs);
            assertThat(s.get(ClientStore.class).find(ClientQuery.where(new ClientCriterion.InnIs(Inn.parse("7707083893"))))).isEmpty();
            assertThat(s.get(ClientStore.class).find(ClientQuery.where(new ClientCriterion.CodeIn(Set.of(mine.code(), ClientCode.of("000000002"))))))
                    .containsExactly(theirs);
            assertThat(s.get(ClientStore.class).count(new ClientCriterion.ManagedBy(Set.of(mine.manager().orElseThrow())))).isZero();
            assertThat(s.get(ClientStore.class).count(new ClientCriterion.InGroups(Set.of(group)))).isZero();
            assertThat(s.get(ClientStore.class).find(ClientQuery.where(new ClientCriterion.NameWordStartsWith("питерсофт")))).containsExactly(theirs);
            assertThat(s.get(ClientStore.class).count(Criterion.all())).isEqualTo(1);
            assertThat(s.get(AuditStore.class).ofClient(mine.id())).isEmpty();
            assertThat(s.get(ContactPersonStore.class).ofClient(mine.id())).isEmpty();
            assertThat(s.get(ClientGroupStore.class).get(group)).isEmpty();
            assertThat(s.get(ClientGroupStore.class).all()).isEmpty();
            assertThat(s.get(PropertyDefinitionStore.class).all()).isEmpty();
            assertThat(s.get(RelationshipTypeStore.class).stored()).isEmpty();
            return null;
        });
        assertThatThrownBy(() -> storage().inTransaction(other, s -> s.get(ClientStore.class).update(mine.rename("чужой", Optional.empty()))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(storage().<Optional<Client>>read(tenant, s -> s.get(ClientStore.class).get(mine.id()))).contains(mine);
    }

    @Test
    void contactPersonsRoundTripAndVersion() {
        Client client = storeClient(tenant, minimal("Прайм-М", "000000012"));
        ContactPerson person = ContactPerson.create(new ContactPersonId(ids.next()), client.id(), PersonName.of("Светикова", "Светлана", "Андреевна"))
                .withPosition("Главный бухгалтер")
                .assignResponsible(EmployeeId.of("abdulov"))
                .relationSince(LocalDate.of(2008, 1, 1))
                .bornOn(LocalDate.of(1980, 3, 8))
                .addContact(ContactEntry.parse(ContactType.MOBILE, "8 916 123 45 67", "RU"))
                .addContact(ContactEntry.parse(ContactType.EMAIL, "svetikova@prime-m.ru", "RU"))
                .changeNotes("Звонить после обеда");
        ContactPerson other = ContactPerson.create(new ContactPersonId(ids.next()), client.id(), PersonName.of("Абдулов", "Юрий", null));
        storage().inTransaction(tenant, s -> {
            s.get(ContactPersonStore.class).insert(person);
            return s.get(ContactPersonStore.class).insert(other);
        });

        assertThat(storage().<Optional<ContactPerson>>read(tenant, s -> s.get(ContactPersonStore.class).get(person.id()))).contains(person.withVersion(1));
        assertThat(storage().<List<ContactPerson>>read(tenant, s -> s.get(ContactPersonStore.class).ofClient(client.id())))
                .extracting(p -> p.name().surname()).containsExactly("Абдулов", "Светикова");

        ContactPerson ended = storage().inTransaction(tenant, s -> s.get(ContactPersonStore.class).update(person.withVersion(1).endRelation(LocalDate.of(2012, 5, 31))));
        assertThat(ended.version()).isEqualTo(2);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ContactPersonStore.class).update(person.withVersion(1).withPosition("x"))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(storage().<Optional<ContactPerson>>read(tenant, s -> s.get(ContactPersonStore.class).get(person.id()))).contains(ended);
    }

    @Test
    void groupsRelationshipTypesAndPropertyDefinitionsRoundTrip() {
        ClientGroupId parent = storeGroup(tenant, "Покупатели и заказчики");
        ClientGroup child = storage().inTransaction(tenant, s -> s.get(ClientGroupStore.class).insert(ClientGroup.create(new ClientGroupId(ids.next()), "Оптовые", parent)));
        assertThat(storage().<List<ClientGroup>>read(tenant, s -> s.get(ClientGroupStore.class).all())).extracting(ClientGroup::name).containsExactly("Оптовые", "Покупатели и заказчики");
        ClientGroup renamed = storage().inTransaction(tenant, s -> s.get(ClientGroupStore.class).update(child.rename("Оптовики")));
        assertThat(renamed.version()).isEqualTo(2);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ClientGroupStore.class).update(child.rename("x")))).isInstanceOf(ConcurrentChangeException.class);

        RelationshipType own = storage().inTransaction(tenant, s -> s.get(RelationshipTypeStore.class).insert(new RelationshipType(RelationshipTypeId.of("dealer"), "Дилер", false, 0)));
        RelationshipType retired = storage().inTransaction(tenant, s -> s.get(RelationshipTypeStore.class).update(own.retire()));
        assertThat(storage().<List<RelationshipType>>read(tenant, s -> s.get(RelationshipTypeStore.class).stored())).containsExactly(retired);
        assertThat(retired.version()).isEqualTo(2);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(RelationshipTypeStore.class).insert(new RelationshipType(RelationshipTypeId.of("dealer"), "Дилер", false, 0))))
                .isInstanceOf(DuplicateException.class);

        storeDefinitions(tenant);
        assertThat(storage().<List<PropertyDefinition>>read(tenant, s -> s.get(PropertyDefinitionStore.class).all())).containsExactlyElementsOf(
                ClientSamples.definitions().stream().map(d -> d.withVersion(1)).sorted(Comparator.comparing(PropertyDefinition::key)).collect(Collectors.toList()));
        PropertyDefinition furniture = storage().read(tenant, s -> s.get(PropertyDefinitionStore.class).get(PropertyKey.of("furniture"))).orElseThrow();
        PropertyDefinition changed = storage().inTransaction(tenant, s -> s.get(PropertyDefinitionStore.class).update(
                furniture.withValueList(furniture.valueList().retire(ClientSamples.OFFICE)).relabel("Мебель")));
        assertThat(storage().<Optional<PropertyDefinition>>read(tenant, s -> s.get(PropertyDefinitionStore.class).get(PropertyKey.of("furniture")))).contains(changed);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(PropertyDefinitionStore.class).insert(ClientSamples.definition("furniture"))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("property.key"));
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(PropertyDefinitionStore.class).update(furniture.relabel("stale"))))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void theJournalKeepsEntriesPerClientOldestFirst() {
        Client client = storeClient(tenant, minimal("Альфа", "1"));
        Client other = storeClient(tenant, minimal("Бета", "2"));
        AuditEntry later = entry(client.id(), "shortName", Instant.parse("2024-01-02T00:00:00Z"));
        AuditEntry earlier = new AuditEntry(ids.next(), Optional.of(client.id()), "contact-person:x", "position", Optional.empty(),
                Optional.of("Директор"), "panina", Instant.parse("2024-01-01T00:00:00Z"));
        storage().inTransaction(tenant, s -> {
            s.get(AuditStore.class).append(List.of(later, earlier, entry(other.id(), "notes", Instant.parse("2024-01-01T00:00:00Z"))));
            return null;
        });
        assertThat(storage().<List<AuditEntry>>read(tenant, s -> s.get(AuditStore.class).ofClient(client.id()))).containsExactly(earlier, later);
        assertThat(storage().<List<AuditEntry>>read(tenant, s -> s.get(AuditStore.class).ofSubject("contact-person:x"))).containsExactly(earlier);
    }

    @Test
    void schemaLinesNameNoClientAndAreReadBySubjectInTheirTenantOnly() {
        AuditEntry renamed = new AuditEntry(ids.next(), Optional.empty(), "client-group:g1", "name", Optional.of("Опт"),
                Optional.of("Оптовики"), "admin", Instant.parse("2024-03-02T00:00:00Z"));
        AuditEntry created = new AuditEntry(ids.next(), Optional.empty(), "client-group:g1", "name", Optional.empty(),
                Optional.of("Опт"), "admin", Instant.parse("2024-03-01T00:00:00Z"));
        AuditEntry otherGroup = new AuditEntry(ids.next(), Optional.empty(), "client-group:g2", "name", Optional.empty(),
                Optional.of("Розница"), "admin", Instant.parse("2024-03-01T00:00:00Z"));
        storage().inTransaction(tenant, s -> {
            s.get(AuditStore.class).append(List.of(renamed, created, otherGroup));
            return null;
        });
        assertThat(storage().<List<AuditEntry>>read(tenant, s -> s.get(AuditStore.class).ofSubject("client-group:g1"))).containsExactly(created, renamed);
        assertThat(storage().<List<AuditEntry>>read(newTenant(), s -> s.get(AuditStore.class).ofSubject("client-group:g1"))).isEmpty();
    }

    @Test
    void aBatchInsertIsAllOrNothing() {
        List<Client> batch = List.of(minimal("Альфа", "1"), minimal("Бета", "2"), minimal("Гамма", "3"));
        List<Client> stored = storage().inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(batch));
        assertThat(stored).extracting(Client::version).containsOnly(1L);

        List<Client> clashing = List.of(minimal("Дельта", "4"), minimal("Эпсилон", "2"));
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ClientStore.class).insertAll(clashing))).isInstanceOf(DuplicateException.class);
        assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(Criterion.all()))).isEqualTo(3);
    }

    @Test
    void ofTwoConcurrentUpdatesFromOneVersionExactlyOneWins() throws Exception {
        Client v1 = storeClient(tenant, minimal("Альфа", "1"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : List.of("Первый", "Второй")) {
                Callable<Boolean> update = () -> {
                    start.await();
                    try {
                        storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(v1.rename(name, Optional.empty())));
                        return true;
                    } catch (ConcurrentChangeException e) {
                        return false;
                    }
                };
                results.add(pool.submit(update));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(storage().<Optional<Client>>read(tenant, s -> s.get(ClientStore.class).get(v1.id())).get().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChangeOfContactsAloneRaisesTheVersionAndAStaleCopyIsRefused() throws Exception {
        Client v1 = storeClient(tenant, minimal("Альфа", "1"));
        Client v2 = storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(
                v1.addContact(ContactEntry.parse(ContactType.EMAIL, "first@alfa.ru", "RU"))));
        assertThat(v2.version()).isEqualTo(2);
        Client relabelled = storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(
                v2.withContacts(List.of(v2.contacts().get(0).labelled("бухгалтерия")))));
        assertThat(relabelled.version()).isEqualTo(3);
        assertThatThrownBy(() -> storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(
                v2.addContact(ContactEntry.parse(ContactType.EMAIL, "stale@alfa.ru", "RU")))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(storage().<Optional<Client>>read(tenant, s -> s.get(ClientStore.class).get(v1.id()))).contains(relabelled);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String address : List.of("one@alfa.ru", "two@alfa.ru")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        storage().inTransaction(tenant, s -> s.get(ClientStore.class).update(
                                relabelled.addContact(ContactEntry.parse(ContactType.EMAIL, address, "RU"))));
                        return true;
                    } catch (ConcurrentChangeException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            Client last = storage().<Optional<Client>>read(tenant, s -> s.get(ClientStore.class).get(v1.id())).orElseThrow();
            assertThat(last.version()).isEqualTo(4);
            assertThat(last.contacts()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tiesInAPageAreBrokenByIdAsUnsignedNumbers() {
        List<ClientId> ids = List.of(new ClientId(UUID.fromString("f0000000-0000-7000-8000-000000000001")),
                new ClientId(UUID.fromString("00000000-0000-7000-8000-000000000002")),
                new ClientId(UUID.fromString("80000000-0000-7000-8000-000000000003")),
                new ClientId(UUID.fromString("00000000-0000-7000-0000-000000000004")));
        for (int i = 0; i < ids.size(); i++) {
            storeClient(tenant, Client.register(ids.get(i), ClientCode.of("T" + i), ClientKind.LEGAL_ENTITY, "Двойник", LocalDate.of(2024, 1, 1)));
        }
        List<Client> page = storage().read(tenant, s -> s.get(ClientStore.class).find(new ClientQuery(Criterion.all(), ClientQuery.Order.NAME, 0, 10)));
        assertThat(page).extracting(c -> c.id().value().toString()).containsExactly(
                "00000000-0000-7000-0000-000000000004", "00000000-0000-7000-8000-000000000002",
                "80000000-0000-7000-8000-000000000003", "f0000000-0000-7000-8000-000000000001");
    }

    private Client minimal(String name, String code) {
        return Client.register(newClientId(), ClientCode.of(code), ClientKind.LEGAL_ENTITY, name, LocalDate.of(2024, 1, 15));
    }

    private AuditEntry entry(ClientId client, String field, Instant at) {
        return new AuditEntry(ids.next(), Optional.of(client), "client", field, Optional.of("было"), Optional.of("стало"), "alekseev", at);
    }
}
