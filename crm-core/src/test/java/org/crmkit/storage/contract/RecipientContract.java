package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicies;
import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.client.PreferredChannel;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.SortOrder;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentAddress;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.QuietHours;
import org.crmkit.consent.SuppressionReason;
import org.crmkit.criteria.Criterion;
import org.crmkit.mailing.recipient.Addressee;
import org.crmkit.mailing.recipient.Audience;
import org.crmkit.mailing.recipient.ChannelChoice;
import org.crmkit.mailing.recipient.Exclusion;
import org.crmkit.mailing.recipient.ExclusionReason;
import org.crmkit.mailing.recipient.Recipient;
import org.crmkit.mailing.recipient.RecipientQuery;
import org.crmkit.mailing.recipient.RecipientSink;
import org.crmkit.mailing.recipient.Resolution;
import org.crmkit.mailing.template.EmailTemplate;
import org.crmkit.mailing.template.RenderedEmail;
import org.crmkit.mailing.template.RenderedSms;
import org.crmkit.mailing.template.SmsTemplate;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.storage.Storage;
import org.crmkit.storage.Stores;
import org.junit.jupiter.api.Test;

/**
 * Mailings' recipients and templates on the store under test (issue 18): the brochure's client
 * table resolved to contact persons with every reason of exclusion, the shared address of
 * Алхимов А.А. and Арендодатель sent once, SMS only to mobiles, the preferred channel stored and
 * journaled, quiet hours, the access policy, pages that stay bounded, bad input refused, and a
 * template previewed with the tenant's properties.
 */
abstract class RecipientContract extends ConsentContract {
    private final MovingClock mailingClock = new MovingClock(START);

    private Crm mailingCrm(Storage on) {
        return Crm.builder().storage(on).clock(mailingClock).actor(Actor.employee(tenant, EmployeeId.of("alekseev"))).build();
    }

    /** Collects what a resolution hands over, in order. */
    private static final class Collected implements RecipientSink {
        final List<Recipient> recipients = new ArrayList<>();
        final List<Exclusion> exclusions = new ArrayList<>();

        @Override
        public void recipient(Recipient recipient) {
            recipients.add(recipient);
        }

        @Override
        public void excluded(Exclusion exclusion) {
            exclusions.add(exclusion);
        }

        Optional<Exclusion> of(String displayName) {
            return exclusions.stream().filter(e -> e.displayName().equals(displayName)).findFirst();
        }
    }

    static ContactPerson person(Crm crm, Client client, String surname, String first, String patronymic, String... contacts) {
        return crm.contactPersons().add(client.id(), PersonName.of(surname, first, patronymic), p -> {
            ContactPerson with = p;
            for (String c : contacts) {
                ContactType type = c.startsWith("+") ? ContactType.MOBILE : c.contains("@") && !c.contains(" ") ? ContactType.EMAIL : ContactType.OTHER;
                with = with.addContact(ContactEntry.parse(type, c, "RU"));
            }
            return with;
        });
    }

    static void grantEmail(Crm crm, Client client, Optional<ContactPerson> person, String address) {
        ConsentSubject subject = person.map(p -> ConsentSubject.contactPerson(client.id(), p.id())).orElse(ConsentSubject.client(client.id()));
        crm.consents().grant(crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, address), ConsentSource.PAPER, Proof.none());
    }

    private static void grantSms(Crm crm, Client client, String number) {
        crm.consents().grant(crm.consents().key(ConsentSubject.client(client.id()), Channel.SMS, Purpose.MARKETING, number),
                ConsentSource.PAPER, Proof.none());
    }

    @Test
    void mailingToTheBrochureTableSendsOneMessagePerAddressAndListsEveryExclusionWithItsReason() {
        Crm crm = mailingCrm(storage());
        Client tax = crm.clients().register(NewClient.legalEntity("Налоговая инспекция"));
        ContactPerson svetikova = person(crm, tax, "Светикова", "Светлана", "Андреевна", "info@gorod.ru");
        grantEmail(crm, tax, Optional.of(svetikova), "info@gorod.ru");
        Client alkhimov = crm.clients().register(NewClient.individual("Алхимов А.А."));
        ContactPerson andrey = person(crm, alkhimov, "Алхимов", "Андрей", "Андреевич", "ad@erw.ru");
        grantEmail(crm, alkhimov, Optional.of(andrey), "ad@erw.ru");
        Client landlord = crm.clients().register(NewClient.legalEntity("Арендодатель"));
        ContactPerson zakharova = person(crm, landlord, "Захарова", "Юлия", "Владимировна", "ad@erw.ru");
        grantEmail(crm, landlord, Optional.of(zakharova), "ad@erw.ru");
        Client baev = crm.clients().register(NewClient.legalEntity("Баев и Ко"));
        person(crm, baev, "Баева", "Анна", "Сергеевна", "ad@mail.ru");
        Client belyavsky = crm.clients().register(NewClient.individual("Белявский"));
        ContactPerson oleg = person(crm, belyavsky, "Белявский", "Олег", "Константинович", "info@kis.ru");
        grantEmail(crm, belyavsky, Optional.of(oleg), "info@kis.ru");
        crm.consents().suppress(ConsentAddress.email("info@kis.ru"), SuppressionReason.HARD_BOUNCE, Optional.empty());
        Client ivanochkin = crm.clients().register(NewClient.individual("Иваночкин"));
        person(crm, ivanochkin, "Иваночкин", "Иван", "Ильич", "wqdqdas@sfgsr wert wert");
        Client pait = crm.clients().register(NewClient.legalEntity("Пайт"));
        person(crm, pait, "Киров", "Юрий", "Васильевич");
        Client conditioners = crm.clients().register(NewClient.legalEntity("Мир кондиционеров"));
        Client archived = crm.clients().register(NewClient.legalEntity("Архивный"));
        grantEmail(crm, archived, Optional.of(person(crm, archived, "Архивов", "Архип", null, "arch@erw.ru")), "arch@erw.ru");
        crm.clients().update(archived.id(), Client::archive);

        Collected sink = new Collected();
        Resolution resolution = crm.recipients().resolve(RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS,
                ChannelChoice.only(Channel.EMAIL)).withPageSize(3), sink);

        boolean alkhimovFirst = SortOrder.UUIDS.compare(alkhimov.id().value(), landlord.id().value()) < 0;
        Client first = alkhimovFirst ? alkhimov : landlord;
        ContactPerson firstPerson = alkhimovFirst ? andrey : zakharova;
        ContactPerson second = alkhimovFirst ? zakharova : andrey;
        assertThat(sink.recipients).extracting(Recipient::displayName, Recipient::address).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Светикова Светлана Андреевна", "info@gorod.ru"),
                org.assertj.core.groups.Tuple.tuple(firstPerson.name().full(), "ad@erw.ru"));
        Recipient toAd = sink.recipients.stream().filter(r -> r.address().equals("ad@erw.ru")).findFirst().orElseThrow();
        assertThat(toAd.client()).isEqualTo(first.id());
        assertThat(toAd.person()).contains(firstPerson.id());
        assertThat(toAd.channel()).isEqualTo(Channel.EMAIL);
        assertThat(toAd.clientName()).isEqualTo(first.shortName());
        assertThat(sink.of(second.name().full()).orElseThrow().reason()).isEqualTo(ExclusionReason.DUPLICATE_ADDRESS);
        assertThat(sink.of("Баева Анна Сергеевна").orElseThrow().reason()).isEqualTo(ExclusionReason.NO_CONSENT);
        assertThat(sink.of("Белявский Олег Константинович").orElseThrow().reason()).isEqualTo(ExclusionReason.SUPPRESSED);
        Exclusion invalid = sink.of("Иваночкин Иван Ильич").orElseThrow();
        assertThat(invalid.reason()).isEqualTo(ExclusionReason.INVALID_ADDRESS);
        assertThat(invalid.address()).contains("wqdqdas@sfgsr wert wert");
        assertThat(sink.of("Киров Юрий Васильевич").orElseThrow().reason()).isEqualTo(ExclusionReason.NO_ADDRESS);
        Exclusion none = sink.of("Мир кондиционеров").orElseThrow();
        assertThat(none.reason()).isEqualTo(ExclusionReason.NO_CONTACT_PERSON);
        assertThat(none.client()).isEqualTo(conditioners.id());
        assertThat(sink.exclusions).hasSize(6);
        assertThat(sink.exclusions).noneMatch(e -> e.client().equals(archived.id()));
        assertThat(resolution.recipients()).isEqualTo(2);
        assertThat(resolution.clients()).isEqualTo(8);
        assertThat(resolution.pages()).isEqualTo(3);
        assertThat(resolution.excluded(ExclusionReason.DUPLICATE_ADDRESS)).isEqualTo(1);
        // the client order is the resolver's: by id, the way the ids compare in the databases
        List<ClientId> order = new ArrayList<>();
        sink.recipients.forEach(r -> order.add(r.client()));
        sink.exclusions.forEach(e -> order.add(e.client()));
        assertThat(order).hasSize(8);

        Collected everyone = new Collected();
        crm.recipients().resolve(RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS, ChannelChoice.only(Channel.EMAIL))
                .withSharedAddresses(RecipientQuery.SharedAddresses.EVERY_RECIPIENT), everyone);
        assertThat(everyone.recipients).filteredOn(r -> r.address().equals("ad@erw.ru")).extracting(Recipient::person)
                .containsExactly(Optional.of(firstPerson.id()), Optional.of(second.id()));
        assertThat(everyone.exclusions).extracting(Exclusion::reason).doesNotContain(ExclusionReason.DUPLICATE_ADDRESS).hasSize(5);

        // the first holder of the address without consent: the second holder receives it
        crm.consents().withdraw(crm.consents().key(ConsentSubject.contactPerson(first.id(), firstPerson.id()), Channel.EMAIL, Purpose.MARKETING,
                "ad@erw.ru"), ConsentSource.CALL, Proof.none());
        Collected again = new Collected();
        crm.recipients().resolve(RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS, ChannelChoice.only(Channel.EMAIL)),
                again);
        assertThat(again.recipients).filteredOn(r -> r.address().equals("ad@erw.ru")).extracting(Recipient::person)
                .containsExactly(Optional.of(second.id()));
        assertThat(again.of(firstPerson.name().full()).orElseThrow().reason()).isEqualTo(ExclusionReason.NO_CONSENT);
    }

    @Test
    void mailingToContactPersonsReachesThoseMarkedElseTheFirstByName() {
        Crm crm = mailingCrm(storage());
        Client client = crm.clients().register(NewClient.legalEntity("Баев и Ко"));
        ContactPerson anna = person(crm, client, "Баева", "Анна", "Сергеевна", "anna@baev.ru");
        ContactPerson boris = person(crm, client, "Яковлев", "Борис", null, "boris@baev.ru");
        ContactPerson vera = person(crm, client, "Волкова", "Вера", null, "vera@baev.ru");
        for (ContactPerson p : List.of(anna, boris, vera)) {
            grantEmail(crm, client, Optional.of(p), p.contacts().get(0).value());
        }
        RecipientQuery query = RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS, ChannelChoice.only(Channel.EMAIL));

        Collected unmarked = new Collected();
        crm.recipients().resolve(query, unmarked);
        crm.contactPersons().update(boris.id(), p -> p.receiveMailings(true));
        crm.contactPersons().update(vera.id(), p -> p.receiveMailings(true));
        Collected marked = new Collected();
        crm.recipients().resolve(query, marked);

        assertThat(unmarked.recipients).extracting(Recipient::address).containsExactly("anna@baev.ru");
        assertThat(marked.recipients).extracting(Recipient::address).containsExactly("vera@baev.ru", "boris@baev.ru");
        assertThat(crm.contactPersons().find(vera.id()).orElseThrow().receivesMailings()).isTrue();
    }

    @Test
    void mailingByPreferredChannelSendsSmsOnlyToMobilesAndHoldsSmsInQuietHours() {
        Crm crm = mailingCrm(storage());
        Client mobile = crm.clients().register(NewClient.legalEntity("Мобильный").contact(ContactType.EMAIL, "m@mob.ru")
                .contact(ContactType.PHONE, "+7 916 123-45-67"));
        crm.clients().update(mobile.id(), c -> c.prefer(PreferredChannel.SMS));
        grantSms(crm, mobile, "+79161234567");
        Client landline = crm.clients().register(NewClient.legalEntity("Городской").contact(ContactType.PHONE, "+7 495 250-63-84"));
        crm.clients().update(landline.id(), c -> c.prefer(PreferredChannel.SMS));
        Client mail = crm.clients().register(NewClient.legalEntity("Почтовый").contact(ContactType.EMAIL, "post@mail.ru"));
        grantEmail(crm, mail, Optional.empty(), "post@mail.ru");
        Client caller = crm.clients().register(NewClient.legalEntity("Звонящий").contact(ContactType.MOBILE, "+7 916 765-43-21"));
        crm.clients().update(caller.id(), c -> c.prefer(PreferredChannel.PHONE_CALL));
        Client personal = crm.clients().register(NewClient.legalEntity("С контактом").contact(ContactType.EMAIL, "firm@pers.ru"));
        crm.clients().update(personal.id(), c -> c.prefer(PreferredChannel.EMAIL));
        ContactPerson sms = person(crm, personal, "Смирнов", "Сергей", null, "+7 903 111-22-33");
        crm.contactPersons().update(sms.id(), p -> p.prefer(PreferredChannel.SMS));
        crm.consents().grant(crm.consents().key(ConsentSubject.contactPerson(personal.id(), sms.id()), Channel.SMS, Purpose.MARKETING,
                "+79031112233"), ConsentSource.PAPER, Proof.none());

        RecipientQuery query = RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CLIENT, ChannelChoice.preferred(Channel.EMAIL));
        Collected sink = new Collected();
        crm.recipients().resolve(query, sink);

        assertThat(sink.recipients).extracting(Recipient::displayName, Recipient::channel, Recipient::address).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Мобильный", Channel.SMS, "+79161234567"),
                org.assertj.core.groups.Tuple.tuple("Почтовый", Channel.EMAIL, "post@mail.ru"));
        assertThat(sink.of("Городской").orElseThrow().reason()).isEqualTo(ExclusionReason.NOT_MOBILE);
        assertThat(sink.of("Городской").orElseThrow().address()).contains("+74952506384");
        Exclusion fallsBack = sink.of("Звонящий").orElseThrow();
        assertThat(fallsBack.reason()).isEqualTo(ExclusionReason.NO_ADDRESS);
        assertThat(fallsBack.channel()).contains(Channel.EMAIL);
        assertThat(sink.of("С контактом").orElseThrow().reason()).isEqualTo(ExclusionReason.NO_CONSENT);

        Collected persons = new Collected();
        crm.recipients().resolve(RecipientQuery.of(Audience.ofRule(new ClientCriterion.IdIn(Set.of(personal.id()))), Addressee.CONTACT_PERSONS,
                ChannelChoice.preferred(Channel.EMAIL)), persons);
        assertThat(persons.recipients).extracting(Recipient::channel, Recipient::address).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Channel.SMS, "+79031112233"));

        Collected quiet = new Collected();
        crm.recipients().resolve(query.withQuietHours(QuietHours.between(LocalTime.of(8, 0), LocalTime.of(10, 0))), quiet);
        assertThat(quiet.recipients).extracting(Recipient::displayName).containsExactly("Почтовый");
        assertThat(quiet.of("Мобильный").orElseThrow().reason()).isEqualTo(ExclusionReason.QUIET_HOURS);
        mailingClock.advance(Duration.ofHours(2));
        Collected later = new Collected();
        crm.recipients().resolve(query.withQuietHours(QuietHours.between(LocalTime.of(8, 0), LocalTime.of(10, 0))), later);
        assertThat(later.recipients).extracting(Recipient::displayName).containsExactlyInAnyOrder("Почтовый", "Мобильный");
    }

    @Test
    void mailingPreferredChannelIsStoredAndJournaledOnClientsAndPersons() {
        Crm crm = mailingCrm(storage());
        Client client = crm.clients().register(NewClient.legalEntity("Предпочтения"));
        ContactPerson person = person(crm, client, "Петров", "Пётр", null);

        crm.clients().update(client.id(), c -> c.prefer(PreferredChannel.SMS));
        crm.contactPersons().update(person.id(), p -> p.prefer(PreferredChannel.EMAIL).receiveMailings(true));

        Crm fresh = mailingCrm(storage());
        assertThat(fresh.clients().get(client.id()).preferredChannel()).contains(PreferredChannel.SMS);
        ContactPerson read = fresh.contactPersons().find(person.id()).orElseThrow();
        assertThat(read.preferredChannel()).contains(PreferredChannel.EMAIL);
        assertThat(read.receivesMailings()).isTrue();
        assertThat(fresh.clients().history(client.id())).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("preferredChannel");
            assertThat(e.newValue()).contains("SMS");
        });
        crm.clients().update(client.id(), c -> c.prefer(null));
        assertThat(fresh.clients().get(client.id()).preferredChannel()).isEmpty();
        assertThat(fresh.clients().find(org.crmkit.client.ClientQuery.where(new ClientCriterion.IdIn(Set.of(client.id()))))).extracting(Client::preferredChannel)
                .containsExactly(Optional.empty());
        assertThatThrownBy(() -> PreferredChannel.parse("pigeon", "preferredChannel")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("preferredChannel"));
    }

    @Test
    void mailingResolvesOnlyClientsTheActorSees() {
        Crm admin = mailingCrm(storage());
        Client mine = admin.clients().register(NewClient.legalEntity("Мой").manager(EmployeeId.of("panina")).contact(ContactType.EMAIL, "my@x.ru"));
        grantEmail(admin, mine, Optional.empty(), "my@x.ru");
        Client theirs = admin.clients().register(NewClient.legalEntity("Чужой").manager(EmployeeId.of("alekseev"))
                .contact(ContactType.EMAIL, "their@x.ru"));
        grantEmail(admin, theirs, Optional.empty(), "their@x.ru");
        Crm panina = Crm.builder().storage(storage()).clock(mailingClock).actor(Actor.employee(tenant, EmployeeId.of("panina")))
                .accessPolicy(AccessPolicies.builder().visible(ClientAccess.CLIENTS,
                        actor -> new ClientCriterion.ManagedBy(Set.of(actor.employee().orElseThrow()))).build()).build();

        Collected sink = new Collected();
        Resolution r = panina.recipients().resolve(RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CLIENT,
                ChannelChoice.only(Channel.EMAIL)), sink);

        assertThat(sink.recipients).extracting(Recipient::address).containsExactly("my@x.ru");
        assertThat(sink.exclusions).isEmpty();
        assertThat(r.clients()).isEqualTo(1);
    }

    @Test
    void mailingReadsOnePageOfClientsAtATime() {
        Crm setUp = mailingCrm(storage());
        for (int i = 0; i < 23; i++) {
            Client c = setUp.clients().register(NewClient.legalEntity("Страница " + i).contact(ContactType.EMAIL, "p" + i + "@pages.ru"));
            grantEmail(setUp, c, Optional.empty(), "p" + i + "@pages.ru");
        }
        List<Integer> limits = new CopyOnWriteArrayList<>();
        List<String> otherCalls = new CopyOnWriteArrayList<>();
        List<Integer> pageSizes = new CopyOnWriteArrayList<>();
        Storage counting = countingClients(storage(), limits, pageSizes, otherCalls);
        Crm crm = mailingCrm(counting);
        List<String> seen = new ArrayList<>();
        RecipientSink sink = new RecipientSink() {
            @Override
            public void recipient(Recipient recipient) {
                seen.add(recipient.address());
                // a page reaches the sink only after it was read, and no more than one page is read ahead
                assertThat(seen.size()).isLessThanOrEqualTo(pageSizes.stream().mapToInt(Integer::intValue).sum());
                assertThat(pageSizes.stream().mapToInt(Integer::intValue).sum() - seen.size()).isLessThan(5);
            }

            @Override
            public void excluded(Exclusion exclusion) {
                throw new AssertionError("nobody is excluded: " + exclusion);
            }
        };

        Resolution r = crm.recipients().resolve(RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CLIENT,
                ChannelChoice.only(Channel.EMAIL)).withPageSize(5), sink);

        assertThat(limits).containsOnly(5).hasSize(5);
        assertThat(pageSizes).containsExactly(5, 5, 5, 5, 3);
        assertThat(otherCalls).isEmpty();
        assertThat(r.pages()).isEqualTo(5);
        assertThat(r.recipients()).isEqualTo(23);
        assertThat(seen).doesNotHaveDuplicates().hasSize(23);
    }

    /** The storage, with its client store counting what a caller asks of it. */
    private static Storage countingClients(Storage inner, List<Integer> limits, List<Integer> pageSizes, List<String> otherCalls) {
        return new Storage() {
            @Override
            public <T> T inTransaction(TenantId tenant, Function<Stores, T> work) {
                return inner.inTransaction(tenant, stores -> work.apply(wrap(stores)));
            }

            @Override
            public <T> T read(TenantId tenant, Function<Stores, T> work) {
                return inner.read(tenant, stores -> work.apply(wrap(stores)));
            }

            @Override
            public Set<Class<?>> storeTypes() {
                return inner.storeTypes();
            }

            private Stores wrap(Stores stores) {
                return new Stores() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <S> S get(Class<S> type) {
                        S store = stores.get(type);
                        if (type != ClientStore.class) {
                            return store;
                        }
                        return (S) Proxy.newProxyInstance(ClientStore.class.getClassLoader(), new Class<?>[] {ClientStore.class}, (proxy, method, args) -> {
                            if (method.getName().equals("findAfter")) {
                                limits.add((Integer) args[2]);
                            } else if (!method.getDeclaringClass().equals(Object.class)) {
                                otherCalls.add(method.getName());
                            }
                            try {
                                Object result = method.invoke(store, args);
                                if (method.getName().equals("findAfter")) {
                                    pageSizes.add(((List<?>) result).size());
                                }
                                return result;
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                    }
                };
            }
        };
    }

    @Test
    void mailingBadInputIsRefusedNamingTheField() {
        Crm crm = mailingCrm(storage());
        Audience all = Audience.ofRule(Criterion.all());
        RecipientQuery query = RecipientQuery.of(all, Addressee.CLIENT, ChannelChoice.only(Channel.EMAIL));
        refusedField(() -> query.withPageSize(0), "pageSize", "0");
        refusedField(() -> query.withPageSize(RecipientQuery.MAX_PAGE + 1), "pageSize", "5001");
        refusedField(() -> ChannelChoice.only(Channel.PHONE_CALL), "channel", "PHONE_CALL");
        refusedField(() -> ChannelChoice.preferred(Channel.PHONE_CALL), "fallback", "PHONE_CALL");
        refusedField(() -> Audience.ofRule(null), "rule", "null");
        refusedField(() -> crm.recipients().resolve(null, new Collected()), "query", "null");
        refusedField(() -> crm.recipients().resolve(query, null), "sink", "null");
        refusedField(() -> RecipientQuery.of(all, null, ChannelChoice.only(Channel.SMS)), "addressee", "null");
        refusedField(() -> new Recipient(ClientId.of("00000000-0000-0000-0000-000000000001"), Optional.empty(), Channel.EMAIL,
                "a@b.ru\r\nBcc: x@y.ru", "A", "A"), "address", "a@b.ru\r\nBcc: x@y.ru");
    }

    private static void refusedField(Runnable call, String field, String value) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(String.valueOf(e.rejectedValue())).isEqualTo(value);
        });
    }

    @Test
    void mailingPreviewRendersTheBrochureEmailForIvanWithTheTenantsProperties() {
        Crm crm = mailingCrm(storage());
        crm.properties().define(PropertyDefinition.define("discount", "Скидка", new PropertyType.TextType(100)));
        Client ivanochkin = crm.clients().register(NewClient.individual("Иваночкин").property("discount", PropertyValue.text("30 %")));
        ContactPerson ivan = person(crm, ivanochkin, "Иваночкин", "Иван", "Ильич");
        EmailTemplate template = crm.mailTemplates().email("Сезонная скидка - не пропустите!",
                "Добрый день, {{person.firstName}}!\n\nТолько в течение сентября действует скидка {{client.properties.discount}} на все товары!",
                "<p>Добрый день, {{person.firstName}}!</p>");

        RenderedEmail email = (RenderedEmail) crm.mailTemplates().preview(template, ivanochkin.id(), Optional.of(ivan.id()));
        RenderedSms sms = (RenderedSms) crm.mailTemplates().preview(crm.mailTemplates().sms("Скидка {{client.properties.discount}}, {{recipient.name}}"),
                ivanochkin.id(), Optional.empty());

        assertThat(email.subject()).isEqualTo("Сезонная скидка - не пропустите!");
        assertThat(email.textBody()).startsWith("Добрый день, Иван!\n\nТолько в течение сентября действует скидка 30 % на все товары!");
        assertThat(email.htmlBody()).contains("<p>Добрый день, Иван!</p>");
        assertThat(sms.text()).isEqualTo("Скидка 30 %, Иваночкин");
        assertThat(sms.parts().count()).isEqualTo(1);
        assertThatThrownBy(() -> crm.mailTemplates().email("x", "{{client.properties.colour}}", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo("client.properties.colour"));
        Client other = crm.clients().register(NewClient.legalEntity("Другой"));
        assertThatThrownBy(() -> crm.mailTemplates().preview(template, other.id(), Optional.of(ivan.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("person"));
        assertThatThrownBy(() -> crm.mailTemplates().preview(template, ClientId.of("00000000-0000-0000-0000-000000000001"), Optional.empty()))
                .isInstanceOf(NotFoundException.class);
        SmsTemplate stale = crm.mailTemplates().sms("{{client.properties.discount}}");
        Crm otherTenant = Crm.builder().storage(storage()).actor(Actor.employee(newTenant(), EmployeeId.of("alekseev"))).build();
        Client there = otherTenant.clients().register(NewClient.legalEntity("Там"));
        assertThatThrownBy(() -> otherTenant.mailTemplates().preview(stale, there.id(), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo("client.properties.discount"));
    }
}
