package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonCriterion;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.ContactType;
import org.crmkit.client.NameWords;
import org.crmkit.client.PersonName;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmailAddress;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.PhoneNumber;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.client.RelationshipTypeId;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The criteria language's part of the store kit: random criterion trees over a random
 * population, every leaf and combinator, must select the same clients in the same order in every
 * store as the in-memory meaning of the tree ({@link ClientCriterion#matches}) does. The seed is
 * fixed, so a failure repeats; QuickTheories shrinks it to a small tree.
 */
abstract class CriteriaContract extends FeedContract {
    /** The seed of the random trees: the same trees in every run and every store. */
    static final long SEED = 0x5EED_C41EL;
    /** How many trees each store answers (about 20 s on H2 and PostgreSQL on a 2-core machine). */
    static final int TREES = 250;
    private static final int POPULATION = 60;

    private static final String[] MANAGERS = {"alekseev", "panina", "petrishchev", "abdulov"};
    private static final String[] POSITIONS = {"Бухгалтер", "Директор", "Менеджер по закупкам"};
    private static final String[] FRAGMENTS = {"ёлк", "ел", "альфа", "строй", "бета-с", "и ко", "ооо", "1", "к", "прайм-м", "ё", "%", "_"};
    private static final String[] WORDS = {"ел", "ёлк", "баев", "бе", "з", "прайм", "м", "2", "к", "ооо"};

    @Test
    void randomCriterionTreesSelectTheSameClientsInTheSameOrderAsMemory() {
        storeDefinitions(tenant);
        List<ClientGroupId> groups = List.of(storeGroup(tenant, "Покупатели"), storeGroup(tenant, "Поставщики"),
                storeGroup(tenant, "Оптовые"));
        List<ClientId> clientIds = new ArrayList<>();
        for (int i = 0; i < POPULATION; i++) {
            clientIds.add(newClientId());
        }
        List<Client> population = ClientSamples.population(clientIds, groups);
        List<ContactPerson> persons = persons(population);
        storage().inTransaction(tenant, s -> {
            s.get(ClientStore.class).insertAll(population);
            s.get(ContactPersonStore.class).insertAll(persons);
            return null;
        });
        List<Client> stored = storage().read(tenant, s -> s.get(ClientStore.class).find(ClientQuery.where(Criterion.all()).page(0, 1000)));
        assertThat(stored).hasSize(POPULATION);
        Related related = new Related(stored, persons);
        Values values = new Values(stored, persons, groups);

        qt().withFixedSeed(SEED).withExamples(TREES).withShrinkCycles(200).forAll(clientTree(values, 3)).checkAssert(tree -> {
            List<Client> expected = stored.stream().filter(c -> ClientCriterion.matches(tree, c, related)).collect(Collectors.toList());
            assertThat(storage().<Long>read(tenant, s -> s.get(ClientStore.class).count(tree))).as("count of %s", tree)
                    .isEqualTo(expected.size());
            for (ClientQuery.Order order : ClientQuery.Order.values()) {
                ClientQuery query = new ClientQuery(tree, order, 0, 1000);
                assertThat(storage().<List<Client>>read(tenant, s -> s.get(ClientStore.class).find(query)))
                        .extracting(Client::id).as("%s in %s order", tree, order)
                        .containsExactlyElementsOf(expected.stream().sorted(StorageContract.orderOf(query)).map(Client::id)
                                .collect(Collectors.toList()));
            }
        });
    }

    private List<ContactPerson> persons(List<Client> population) {
        List<ContactPerson> persons = new ArrayList<>();
        for (int i = 0; i < population.size(); i++) {
            for (int k = 0; k < i % 3; k++) {
                ContactPerson p = ContactPerson.create(new ContactPersonId(ids.next()), population.get(i).id(),
                        PersonName.of("Светикова" + k, "Наталья", null));
                if ((i + k) % 2 == 0) {
                    p = p.withPosition(POSITIONS[(i + k) % POSITIONS.length]);
                }
                if ((i + k) % 3 != 2) {
                    p = p.assignResponsible(EmployeeId.of(MANAGERS[(i * 7 + k) % MANAGERS.length]));
                }
                p = p.addContact(ContactEntry.parse(ContactType.PHONE, String.format("+7 495 %03d-%02d-%02d", 200 + i % 5, k, 33), "RU"));
                if (i % 4 != 1) {
                    p = p.addContact(ContactEntry.parse(ContactType.EMAIL, "person" + ((i + k) % 7) + "@Example.ru", "RU"));
                }
                persons.add(p);
            }
        }
        return persons;
    }

    /** What the generated leaves pick their values from: mostly values the population holds, some it does not. */
    private record Values(List<Client> clients, List<ContactPerson> persons, List<ClientGroupId> groups) {
    }

    @SafeVarargs
    private static <T> Set<T> distinct(T... values) {
        return Set.copyOf(List.of(values));
    }

    private static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }

    private static Gen<Criterion<ClientCriterion>> clientTree(Values values, int depth) {
        return in -> clientTree(in, values, depth);
    }

    private static Criterion<ClientCriterion> clientTree(RandomnessSource in, Values values, int depth) {
        int choice = pick(in, depth == 0 ? 6 : 10);
        switch (choice) {
            case 6:
            case 7:
                return new Criterion.And<>(parts(in, values, depth));
            case 8:
                return new Criterion.Or<>(parts(in, values, depth));
            case 9:
                return Criterion.not(clientTree(in, values, depth - 1));
            default:
                return clientLeaf(in, values, depth);
        }
    }

    private static List<Criterion<ClientCriterion>> parts(RandomnessSource in, Values values, int depth) {
        int n = pick(in, 4);
        List<Criterion<ClientCriterion>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(clientTree(in, values, depth - 1));
        }
        return parts;
    }

    private static Criterion<ClientCriterion> clientLeaf(RandomnessSource in, Values values, int depth) {
        Client some = values.clients().get(pick(in, values.clients().size()));
        switch (pick(in, 20)) {
            case 0:
                return new ClientCriterion.IdIn(pick(in, 4) == 0 ? Set.of() : distinct(some.id(),
                        values.clients().get(pick(in, values.clients().size())).id()));
            case 1:
                return new ClientCriterion.ManagedBy(pick(in, 5) == 0 ? Set.of()
                        : distinct(EmployeeId.of(MANAGERS[pick(in, MANAGERS.length)]), EmployeeId.of(MANAGERS[pick(in, MANAGERS.length)])));
            case 2:
                return new ClientCriterion.NameContains(FRAGMENTS[pick(in, FRAGMENTS.length)]);
            case 3:
                return new ClientCriterion.NameStartsWith(pick(in, 2) == 0 ? FRAGMENTS[pick(in, FRAGMENTS.length)]
                        : CleanText.fold(some.shortName()).substring(0, 1 + pick(in, 3)));
            case 4:
                return endsLeaf(in, some);
            case 5:
                return new ClientCriterion.NameWordStartsWith(pick(in, 2) == 0 ? WORDS[pick(in, WORDS.length)]
                        : NameWords.of(some.shortName()).get(0));
            case 6:
                return new ClientCriterion.CodeIs(pick(in, 5) == 0 ? ClientCode.of("X-404") : some.code());
            case 7:
                return new ClientCriterion.CodeIn(pick(in, 4) == 0 ? Set.of()
                        : distinct(some.code(), values.clients().get(pick(in, values.clients().size())).code(), ClientCode.of("X-1")));
            case 8:
                return values.clients().stream().map(c -> c.taxIds().inn()).flatMap(Optional::stream).skip(pick(in, 3)).findFirst()
                        .<Criterion<ClientCriterion>>map(ClientCriterion.InnIs::new).orElse(Criterion.none());
            case 9:
                return new ClientCriterion.PhoneIs(PhoneNumber.parse("phone", some.contacts().get(0).value(), "RU"));
            case 10:
                return new ClientCriterion.EmailIs(EmailAddress.parse("email", "CLIENT" + pick(in, 7) + "@example.ru"));
            case 11:
                return new ClientCriterion.InGroups(pick(in, 4) == 0 ? Set.of() : Set.of(values.groups().get(pick(in, values.groups().size()))));
            case 12:
                return new ClientCriterion.KindIs(ClientKind.values()[pick(in, ClientKind.values().length)]);
            case 13:
                return new ClientCriterion.RelationshipIs(some.relationship().orElse(RelationshipTypeId.of("partner")));
            case 14:
                return new ClientCriterion.Archived(pick(in, 2) == 0);
            case 15:
                return propertyLeaf(in, some);
            case 16:
                return pick(in, 2) == 0 ? Criterion.all() : Criterion.none();
            case 17:
                return new ClientCriterion.RegisteredOnOrBefore(some.registeredOn().plusDays(pick(in, 3) - 1L));
            default:
                return new ClientCriterion.Having<>(ContactPersonCriterion.OF_CLIENT, personTree(in, values, Math.max(0, depth - 1)));
        }
    }

    /** The partial contact readings of quick search: a phone's last digits, an address's start or domain. */
    private static Criterion<ClientCriterion> endsLeaf(RandomnessSource in, Client some) {
        String phone = some.contacts().get(0).value();
        switch (pick(in, 3)) {
            case 0:
                return new ClientCriterion.PhoneEndsWith(pick(in, 4) == 0 ? "4567" : phone.substring(phone.length() - 4 - pick(in, 4)));
            case 1:
                return new ClientCriterion.EmailStartsWith(pick(in, 2) == 0 ? "client" + pick(in, 7) : "CLIENT1@");
            default:
                return new ClientCriterion.EmailEndsWith(pick(in, 2) == 0 ? "@example.ru" : "1@EXAMPLE.RU");
        }
    }

    private static Criterion<ClientCriterion> propertyLeaf(RandomnessSource in, Client some) {
        switch (pick(in, 6)) {
            case 0:
                return new ClientCriterion.PropertyEquals(PropertyKey.of("employees-count"), PropertyValue.number(pick(in, 5)));
            case 1:
                return new ClientCriterion.PropertyEquals(PropertyKey.of("furniture"),
                        PropertyValue.choice(pick(in, 2) == 0 ? ClientSamples.KITCHEN : ClientSamples.OFFICE));
            case 2:
                return new ClientCriterion.PropertyEquals(PropertyKey.of("parts"),
                        PropertyValue.choice(List.of(ClientSamples.KITCHEN, ClientSamples.OFFICE, ClientSamples.PARTS).get(pick(in, 3))));
            case 3:
                return new ClientCriterion.PropertyEquals(PropertyKey.of("competitor"), PropertyValue.bool(pick(in, 2) == 0));
            case 4:
                return new ClientCriterion.PropertyEquals(PropertyKey.of("activity"),
                        PropertyValue.text(pick(in, 2) == 0 ? "Сборка мебели" : "Продажа мебели"));
            default:
                return new ClientCriterion.PropertyEquals(PropertyKey.of("account-manager"),
                        PropertyValue.employee(EmployeeId.of(pick(in, 2) == 0 ? "panina" : "abdulov")));
        }
    }

    private static Criterion<ContactPersonCriterion> personTree(RandomnessSource in, Values values, int depth) {
        switch (pick(in, depth == 0 ? 6 : 9)) {
            case 6:
                return Criterion.and(personTree(in, values, depth - 1), personTree(in, values, depth - 1));
            case 7:
                return Criterion.or(personTree(in, values, depth - 1), personTree(in, values, depth - 1));
            case 8:
                return Criterion.not(personTree(in, values, depth - 1));
            default:
                return personLeaf(in, values, depth);
        }
    }

    private static Criterion<ContactPersonCriterion> personLeaf(RandomnessSource in, Values values, int depth) {
        ContactPerson some = values.persons().get(pick(in, values.persons().size()));
        switch (pick(in, 6)) {
            case 0:
                return new ContactPersonCriterion.PositionIs(POSITIONS[pick(in, POSITIONS.length)]);
            case 1:
                return new ContactPersonCriterion.ResponsibleIs(EmployeeId.of(MANAGERS[pick(in, MANAGERS.length)]));
            case 2:
                return new ContactPersonCriterion.PhoneIs(PhoneNumber.parse("phone", some.contacts().get(0).value(), "RU"));
            case 3:
                return new ContactPersonCriterion.EmailIs(EmailAddress.parse("email", "PERSON" + pick(in, 8) + "@example.ru"));
            case 4:
                return new ContactPersonCriterion.OfClient(clientTree(in, values, Math.min(depth, 1)));
            default:
                return pick(in, 2) == 0 ? Criterion.all() : Criterion.none();
        }
    }

    /** The in-memory meaning of the leaves on related records, from the population itself. */
    private static final class Related implements ContactPersonCriterion.Related {
        private final List<Client> clients;
        private final List<ContactPerson> persons;

        Related(List<Client> clients, List<ContactPerson> persons) {
            this.clients = clients;
            this.persons = persons;
        }

        @Override
        public Optional<Client> client(ClientId id) {
            return clients.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <M extends Criterion.Leaf<M>> boolean any(Relation<M> relation, ClientId client, Criterion<M> criterion) {
            assertThat(relation).isEqualTo(ContactPersonCriterion.OF_CLIENT);
            return persons.stream().anyMatch(p -> p.client().equals(client)
                    && ContactPersonCriterion.matches((Criterion<ContactPersonCriterion>) criterion, p, this));
        }
    }
}
