package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.crmkit.common.Money;
import org.crmkit.common.PhoneNumber;
import org.crmkit.criteria.Criterion;
import org.crmkit.criteria.Relation;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyCondition;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.client.RelationshipTypeId;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The criteria language's part of the store kit: random criterion trees over a random
 * population, every leaf and combinator (segment leaves too: property conditions of every type,
 * relative dates read at a fixed moment, contact facts), must select the same clients in the same
 * order in every store as the in-memory meaning of the tree ({@link ClientCriterion#matches}) does.
 * The seed is fixed ({@value #SEED}, or {@code -Dcrmkit.criteria.seed=…} to try another), so a
 * failure repeats; QuickTheories shrinks it to a small tree and prints it.
 */
abstract class CriteriaContract extends FeedContract {
    /** The seed of the random trees: the same trees in every run and every store. */
    static final long SEED = 0x5EED_C41EL;
    /** The moment relative dates are read at: fixed, so the trees' meaning does not move with the real clock. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2011, 10, 3, 1, 30, 0, 0, ZoneId.of("Europe/Moscow"));
    /** A money property in another currency than {@code credit-limit}'s roubles. */
    static final PropertyDefinition DEPOSIT = PropertyDefinition.define("deposit", "Депозит", PropertyType.MoneyType.of("USD"));
    private static final String[] TEXTS = {"Продажа мебели", "продажа МЕБЕЛИ", "Сборка мебели", "Ёлочные игрушки", "елочные   игрушки",
        "Кухни на заказ", "100% скидка_", "Мебель"};
    private static final String[] TEXT_FRAGMENTS = {"мебел", "ЁЛ", "ел", "%", "_", "продажа м", "сборка", "кухни", "и", "игрушки"};
    private static final String[] TEXT_KEYS = {"activity"};
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
        storage().inTransaction(tenant, s -> s.get(PropertyDefinitionStore.class).insert(DEPOSIT));
        List<Client> population = enriched(ClientSamples.population(clientIds, groups));
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

        qt().withFixedSeed(Long.getLong("crmkit.criteria.seed", SEED)).withExamples(TREES).withShrinkCycles(200)
                .forAll(clientTree(values, 3)).checkAssert(relative -> {
            boolean relativeLeaves = relative.toString().contains("WithinLastDays[") || relative.toString().contains("MoreThanDaysAgo[");
            assertThat(ClientCriterion.dependsOnClock(relative)).as("%s depends on the clock", relative).isEqualTo(relativeLeaves);
            Criterion<ClientCriterion> tree = ClientCriterion.at(relative, NOW);
            assertThat(ClientCriterion.dependsOnClock(tree)).as("%s read at %s", tree, NOW).isFalse();
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
            ClientQuery firstPage = new ClientQuery(tree, ClientQuery.Order.NAME, 0, 5);
            assertThat(storage().<List<Client>>read(tenant, s -> s.get(ClientStore.class).find(firstPage)))
                    .extracting(Client::id).as("first page of %s", tree)
                    .containsExactlyElementsOf(expected.stream().sorted(StorageContract.orderOf(firstPage)).limit(5).map(Client::id)
                            .collect(Collectors.toList()));
        });
    }

    /**
     * More values for the segment leaves than the shared samples hold: texts differing in case, ё
     * and spaces, wildcard characters, more numbers, roubles and dollars, dates around {@link #NOW},
     * clients without a mobile phone.
     */
    private static List<Client> enriched(List<Client> population) {
        List<Client> clients = new ArrayList<>();
        LocalDate today = NOW.toLocalDate();
        for (int i = 0; i < population.size(); i++) {
            Client c = population.get(i);
            if (i % 5 != 2 && i % 3 != 1) {
                c = c.setProperty(ClientSamples.definition("activity"), PropertyValue.text(TEXTS[i % TEXTS.length]));
            }
            if (i % 6 == 0) {
                c = c.setProperty(ClientSamples.definition("employees-count"), PropertyValue.number(i * 37L % 1000));
            }
            if (i % 4 == 2) {
                c = c.setProperty(ClientSamples.definition("credit-limit"), PropertyValue.money(Money.of(i * 13 + ".25", "RUB")));
            }
            if (i % 6 == 1 || i % 7 == 3) {
                c = c.setProperty(DEPOSIT, PropertyValue.money(Money.of(String.valueOf(i * 10), "USD")));
            }
            if (i % 3 == 0) {
                c = c.setProperty(ClientSamples.definition("seminar-date"), PropertyValue.date(today.minusDays(i * 3L % 90 - 2)));
            }
            if (i % 5 == 3) {
                c = c.withContacts(c.contacts().stream().map(e -> e.type() == ContactType.MOBILE ? ContactEntry.parse(ContactType.PHONE,
                        e.value(), "RU") : e).collect(Collectors.toList()));
            }
            clients.add(c);
        }
        return clients;
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
        switch (pick(in, 24)) {
            case 18:
            case 19:
            case 20:
                return new ClientCriterion.PropertyMatches(PropertyKey.of(KEYS[pick(in, KEYS.length)]), condition(in));
            case 21:
                return pick(in, 2) == 0 ? new ClientCriterion.HasEmail() : new ClientCriterion.HasMobilePhone();
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

    private static final String[] KEYS = {"activity", "employees-count", "credit-limit", "deposit", "seminar-date", "competitor",
        "furniture", "parts", "account-manager", "parent-company", "activity", "seminar-date", "credit-limit"};

    /** A condition of any kind, mostly of the kind the key holds, sometimes of another (which must then match nothing). */
    private static PropertyCondition condition(RandomnessSource in) {
        switch (pick(in, 15)) {
            case 0:
                return new PropertyCondition.EqualTo(value(in));
            case 1:
                return new PropertyCondition.NotEqualTo(value(in));
            case 2: {
                int kind = pick(in, 5);
                return new PropertyCondition.In(distinct(value(in, kind), value(in, kind), value(in, kind)));
            }
            case 3:
                return new PropertyCondition.Contains(TEXT_FRAGMENTS[pick(in, TEXT_FRAGMENTS.length)]);
            case 4:
                return new PropertyCondition.StartsWith(TEXT_FRAGMENTS[pick(in, TEXT_FRAGMENTS.length)]);
            case 5:
                return new PropertyCondition.AtLeast(ordered(in, pick(in, 4)));
            case 6:
                return new PropertyCondition.AtMost(ordered(in, pick(in, 4)));
            case 7: {
                int kind = pick(in, 4);
                PropertyValue a = ordered(in, kind);
                PropertyValue b = ordered(in, kind);
                boolean ascending = new PropertyCondition.AtMost(b).test(Optional.of(a));
                return new PropertyCondition.Between(ascending ? a : b, ascending ? b : a);
            }
            case 8:
                return new PropertyCondition.WithinLastDays(pick(in, 60));
            case 9:
                return new PropertyCondition.MoreThanDaysAgo(pick(in, 60));
            case 10:
                return new PropertyCondition.Filled();
            case 11:
                return new PropertyCondition.Empty();
            case 12:
                return new PropertyCondition.AnyOf(pick(in, 2) == 0 ? Set.of(choice(in)) : distinct(choice(in), choice(in)));
            case 13:
                return new PropertyCondition.AllOf(pick(in, 2) == 0 ? Set.of(choice(in)) : distinct(choice(in), choice(in)));
            default:
                return new PropertyCondition.EqualTo(value(in, 5));
        }
    }

    private static ChoiceId choice(RandomnessSource in) {
        return List.of(ClientSamples.KITCHEN, ClientSamples.OFFICE, ClientSamples.PARTS).get(pick(in, 3));
    }

    private static PropertyValue value(RandomnessSource in) {
        return value(in, pick(in, 6));
    }

    /** A value of a kind: 0 text, 1-4 ordered ones, 5 the others (choice, yes/no, employee). */
    private static PropertyValue value(RandomnessSource in, int kind) {
        switch (kind) {
            case 0:
                return PropertyValue.text(TEXTS[pick(in, TEXTS.length)]);
            case 5:
                switch (pick(in, 3)) {
                    case 0:
                        return PropertyValue.choice(choice(in));
                    case 1:
                        return PropertyValue.bool(pick(in, 2) == 0);
                    default:
                        return PropertyValue.employee(EmployeeId.of(pick(in, 2) == 0 ? "panina" : "abdulov"));
                }
            default:
                return ordered(in, kind - 1);
        }
    }

    /** A number, roubles, dollars or a date, near the values the population holds. */
    private static PropertyValue ordered(RandomnessSource in, int kind) {
        switch (kind) {
            case 0:
                return PropertyValue.number(pick(in, 2) == 0 ? pick(in, 5) : pick(in, 40) * 25L);
            case 1:
                return PropertyValue.money(pick(in, 3) == 0 ? Money.of("100.1", "RUB")
                        : new Money(new BigDecimal(pick(in, 60) * 13 + ".25"), Money.currency("RUB")));
            case 2:
                return PropertyValue.money(Money.of(String.valueOf(pick(in, 60) * 10), "USD"));
            default:
                return PropertyValue.date(pick(in, 4) == 0 ? LocalDate.of(2011, 9, 12) : NOW.toLocalDate().minusDays(pick(in, 95) - 3L));
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
