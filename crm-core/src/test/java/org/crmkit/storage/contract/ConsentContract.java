package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.access.AccessPolicies;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ClientId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConfirmationRequest;
import org.crmkit.consent.ConsentAddress;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ConsentEvent;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentState;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.consent.ConsentStore;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.SigningKey;
import org.crmkit.consent.SigningKeys;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.Standing;
import org.crmkit.consent.Suppression;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.consent.SuppressionReason;
import org.crmkit.consent.UnsubscribeToken;
import org.crmkit.consent.UnsubscribeTokens;
import org.crmkit.consent.Withdrawal;
import org.crmkit.criteria.Criterion;
import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.storage.Storage;
import org.junit.jupiter.api.Test;

/**
 * The consent ledger through the facade on the store under test: append-only entries per
 * address, idempotent withdrawal, double opt-in with its refusals, the suppression list, bad input
 * refused with nothing written, journal, feed and events, and the client criteria leaves ("has
 * consent now", "is suppressed") selecting exactly what the in-memory store selects for the same
 * world.
 */
abstract class ConsentContract extends SurveyContract {
    static final Instant START = Instant.parse("2024-03-01T09:00:00.123456Z");
    private static final Proof PAPER = Proof.of("marketing-2024-03", "scan-17");

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock(START);
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    private Crm consentCrm(Storage on, TenantId in) {
        return Crm.builder().storage(on).clock(clock).listener(e -> {
                    if (e instanceof ConsentEvent) {
                        events.add(e);
                    }
                }).actor(Actor.employee(in, EmployeeId.of("alekseev"))).build();
    }

    private Crm consentCrm() {
        return consentCrm(storage(), tenant);
    }

    private static Client withContacts(Crm crm, String name, String... emailsThenPhones) {
        NewClient draft = NewClient.legalEntity(name);
        for (String c : emailsThenPhones) {
            draft = draft.contact(c.contains("@") ? ContactType.EMAIL : ContactType.MOBILE, c);
        }
        return crm.clients().register(draft);
    }

    private List<FeedEntry> feed() {
        return storage().read(tenant, s -> s.get(FeedStore.class).after(0, 10_000));
    }

    private static void refused(Runnable call, String field, String value, String problem) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(String.valueOf(e.rejectedValue())).isEqualTo(value);
            assertThat(e.getMessage()).contains(problem);
        });
    }

    @Test
    void aWithdrawalKeepsTheGrantAsProofAndASecondOneSaysAlreadyWithdrawn() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Альфа", "info@Alfa.ru", "+7 900 111-22-33");
        ConsentSubject subject = ConsentSubject.client(client.id());
        ConsentKey key = crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, " info@ALFA.ru ");
        assertThat(key.address().value()).isEqualTo("info@alfa.ru");
        assertThat(crm.consents().status(key).standing()).isEqualTo(Standing.NONE);
        int fed = feed().size();

        ConsentEntry granted = crm.consents().grant(key, ConsentSource.PAPER, PAPER);
        assertThat(granted.at()).isEqualTo(START);
        assertThat(granted.actor()).isEqualTo(Actor.employee(tenant, EmployeeId.of("alekseev")).name());
        assertThat(crm.consents().status(key)).isEqualTo(new ConsentStatus(key, Optional.of(granted), Standing.GRANTED));

        clock.advance(Duration.ofMinutes(5));
        Withdrawal first = crm.consents().withdraw(key, ConsentSource.UNSUBSCRIBE_LINK, Proof.none());
        assertThat(first.changed()).isTrue();
        assertThat(first.entry().state()).isEqualTo(ConsentState.WITHDRAWN);
        clock.advance(Duration.ofMinutes(5));
        Withdrawal second = crm.consents().withdraw(key, ConsentSource.UNSUBSCRIBE_LINK, Proof.none());
        assertThat(second.alreadyWithdrawn()).isTrue();
        assertThat(second.entry()).isEqualTo(first.entry());

        assertThat(crm.consents().ledger(subject)).containsExactly(granted, first.entry());
        assertThat(crm.consents().status(key).standing()).isEqualTo(Standing.WITHDRAWN);
        assertThat(crm.consents().current(subject)).extracting(ConsentStatus::standing).containsExactly(Standing.WITHDRAWN);
        assertThat(storage().<List<ConsentEntry>>read(tenant, s -> s.get(ConsentStore.class).ledger(subject))).containsExactly(granted, first.entry());

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new ConsentEvent.Granted(tenant, granted.id(), key, granted.at(), granted.actor()));
        assertThat(events.get(1)).isInstanceOf(ConsentEvent.Withdrawn.class);
        List<FeedEntry> entries = feed().subList(fed, feed().size());
        assertThat(entries).extracting(FeedEntry::kind, FeedEntry::id, FeedEntry::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("consent", granted.id().toString(), "granted"),
                        org.assertj.core.groups.Tuple.tuple("consent", first.entry().id().toString(), "withdrawn"));
        assertThat(entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain("alfa.ru"));
        assertThat(crm.clients().history(client.id())).filteredOn(e -> e.subject().startsWith("consent:")).extracting(e -> e.newValue().orElseThrow())
                .containsExactly("granted EMAIL marketing info@alfa.ru (PAPER, text marketing-2024-03, evidence scan-17)",
                        "withdrawn EMAIL marketing info@alfa.ru (UNSUBSCRIBE_LINK)");
    }

    @Test
    void aOneClickUnsubscribeTokenWithdrawsItsKeyOnceAndATokenOfAnotherTenantIsRefused() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Бета", "news@beta.ru");
        ConsentSubject subject = ConsentSubject.client(client.id());
        ConsentKey key = crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "news@beta.ru");
        ConsentEntry granted = crm.consents().grant(key, ConsentSource.WEB_FORM, PAPER);
        UnsubscribeTokens tokens = UnsubscribeTokens.of(SigningKeys.current(SigningKey.of("2024-03", "a demo key of thirty-two bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8))), Duration.ofDays(60), clock);
        String link = tokens.issue(new UnsubscribeToken(tenant, subject, Channel.EMAIL, Purpose.MARKETING, "news@beta.ru",
                Optional.of("spring-sale"), START));

        clock.advance(Duration.ofDays(2));
        Withdrawal first = crm.consents().unsubscribe(tokens.verify(tenant, link));
        assertThat(first.changed()).isTrue();
        assertThat(first.entry().key()).isEqualTo(key);
        assertThat(first.entry().source()).isEqualTo(ConsentSource.UNSUBSCRIBE_LINK);
        assertThat(first.entry().proof().evidence()).contains("one-click unsubscribe, mailing spring-sale");
        assertThat(crm.consents().unsubscribe(tokens.verify(tenant, link)).alreadyWithdrawn()).as("a second POST").isTrue();
        assertThat(crm.consents().ledger(subject)).containsExactly(granted, first.entry());
        assertThat(crm.consents().status(key).standing()).isEqualTo(Standing.WITHDRAWN);

        UnsubscribeToken foreign = new UnsubscribeToken(TenantId.of("another-tenant"), subject, Channel.EMAIL, Purpose.MARKETING,
                "news@beta.ru", Optional.empty(), START);
        assertThatThrownBy(() -> crm.consents().unsubscribe(foreign)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("token");
            assertThat(e.getMessage()).contains("another tenant").doesNotContain("beta.ru");
        });
        assertThat(crm.consents().ledger(subject)).hasSize(2);
    }

    @Test
    void aConsentIsForItsAddressOnlyAndANewNumberHasNone() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Бета", "+7 900 111-22-33", "+7 900 444-55-66");
        ConsentSubject subject = ConsentSubject.client(client.id());
        ConsentKey first = crm.consents().key(subject, Channel.SMS, Purpose.MARKETING, "+79001112233");
        ConsentKey other = crm.consents().key(subject, Channel.SMS, Purpose.MARKETING, "8 900 444 55 66");
        crm.consents().grant(first, ConsentSource.CALL, Proof.none());
        assertThat(crm.consents().status(first).mayContact()).isTrue();
        assertThat(crm.consents().status(other).standing()).isEqualTo(Standing.NONE);
        assertThat(crm.consents().status(new ConsentKey(subject, Channel.PHONE_CALL, Purpose.MARKETING, first.address())).standing())
                .isEqualTo(Standing.NONE);
        assertThat(crm.consents().status(new ConsentKey(subject, Channel.SMS, Purpose.SERVICE, first.address())).standing()).isEqualTo(Standing.NONE);
        assertThat(crm.consents().standing(Channel.SMS, Purpose.MARKETING, first.address())).isEqualTo(Standing.GRANTED);
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.SMS, Purpose.MARKETING))).isEqualTo(1);

        ContactEntry old = client.contacts().get(0);
        crm.clients().update(client.id(), c -> c.removeContact(old).addContact(ContactEntry.parse(ContactType.MOBILE, "+7 901 000-00-01", "RU")));
        assertThat(crm.consents().status(first).standing()).isEqualTo(Standing.NOT_A_CURRENT_ADDRESS);
        assertThat(crm.consents().standing(Channel.SMS, Purpose.MARKETING, first.address())).isEqualTo(Standing.NOT_A_CURRENT_ADDRESS);
        ConsentKey renewed = crm.consents().key(subject, Channel.SMS, Purpose.MARKETING, "+7 901 000-00-01");
        assertThat(crm.consents().status(renewed).standing()).isEqualTo(Standing.NONE);
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.SMS, Purpose.MARKETING))).isZero();
        assertThat(crm.consents().ledger(subject)).hasSize(1);
    }

    @Test
    void aContactPersonsConsentIsTheirsAndCountsForTheirClient() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Гамма");
        ContactPerson person = crm.contactPersons().add(client.id(), PersonName.of("Светикова", "Наталья", null),
                p -> p.addContact(ContactEntry.parse(ContactType.EMAIL, "n.svetikova@gamma.ru", "RU")));
        ConsentSubject subject = ConsentSubject.contactPerson(client.id(), person.id());
        ConsentKey key = crm.consents().key(subject, Channel.EMAIL, Purpose.SERVICE, "n.svetikova@gamma.ru");
        ConsentEntry granted = crm.consents().grant(key, ConsentSource.WEB_FORM, Proof.of("service-1", "form-88"));
        assertThat(crm.consents().current(subject)).containsExactly(new ConsentStatus(key, Optional.of(granted), Standing.GRANTED));
        assertThat(crm.consents().current(ConsentSubject.client(client.id()))).isEmpty();
        assertThat(crm.consents().ledger(ConsentSubject.client(client.id()))).isEmpty();
        refused(() -> crm.consents().grant(crm.consents().key(ConsentSubject.client(client.id()), Channel.EMAIL, Purpose.SERVICE,
                "n.svetikova@gamma.ru"), ConsentSource.WEB_FORM, Proof.none()), "address", "n.svetikova@gamma.ru", "not an e-mail address on the card");
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.SERVICE))).isEqualTo(1);
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING))).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndTheValueAndWritesNothing() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Дельта", "delta@example.ru", "+7 900 111-22-33");
        Client another = withContacts(crm, "Эпсилон", "eps@example.ru");
        ContactPerson theirs = crm.contactPersons().add(another.id(), PersonName.of("Иванов", "Иван", null),
                p -> p.addContact(ContactEntry.parse(ContactType.EMAIL, "ivanov@example.ru", "RU")));
        ConsentSubject subject = ConsentSubject.client(client.id());
        int fed = feed().size();

        refused(() -> crm.consents().grant(crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "other@example.ru"), ConsentSource.PAPER,
                PAPER), "address", "other@example.ru", "not an e-mail address on the card of client " + client.id());
        refused(() -> crm.consents().grant(crm.consents().key(subject, Channel.SMS, Purpose.MARKETING, "+7 900 999-99-99"), ConsentSource.PAPER,
                PAPER), "address", "+79009999999", "not a phone number on the card");
        refused(() -> crm.consents().key(subject, Channel.SMS, Purpose.MARKETING, "delta@example.ru"), "address", "delta@example.ru", "");
        refused(() -> new ConsentKey(subject, Channel.EMAIL, Purpose.MARKETING, ConsentAddress.phone("+79001112233", "RU")), "address",
                "+79001112233", "not an address for EMAIL");
        refused(() -> Channel.parse("fax", "channel"), "channel", "fax", "not a channel");
        refused(() -> new Purpose("Рассылка"), "purpose", "Рассылка", "not a purpose key");
        refused(() -> crm.consents().grant(crm.consents().key(subject, Channel.EMAIL, new Purpose("newsletter"), "delta@example.ru"),
                ConsentSource.PAPER, PAPER), "purpose", "newsletter", "not a purpose of this tenant");
        ConsentSubject notTheirs = ConsentSubject.contactPerson(client.id(), theirs.id());
        refused(() -> crm.consents().grant(crm.consents().key(notTheirs, Channel.EMAIL, Purpose.MARKETING, "ivanov@example.ru"), ConsentSource.PAPER,
                PAPER), "contactPerson", theirs.id().toString(), "not a contact person of client " + client.id());
        ClientId stranger = new ClientId(UUID.randomUUID());
        refused(() -> crm.consents().grant(crm.consents().key(ConsentSubject.client(stranger), Channel.EMAIL, Purpose.MARKETING, "a@b.ru"),
                ConsentSource.PAPER, PAPER), "client", stranger.toString(), "not a client this actor sees");
        Crm elsewhere = consentCrm(storage(), newTenant());
        refused(() -> elsewhere.consents().grant(elsewhere.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "delta@example.ru"),
                ConsentSource.PAPER, PAPER), "client", client.id().toString(), "not a client this actor sees");
        refused(() -> elsewhere.consents().withdraw(elsewhere.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "delta@example.ru"),
                ConsentSource.UNSUBSCRIBE_LINK, Proof.none()), "client", client.id().toString(), "not a client this actor sees");
        ConsentKey key = crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "delta@example.ru");
        refused(() -> crm.consents().grant(key, ConsentSource.UNSUBSCRIBE_LINK, PAPER), "source", "UNSUBSCRIBE_LINK", "not a source of a grant");
        refused(() -> Proof.of("x".repeat(201), "scan"), "textVersion", "x".repeat(201), "");

        assertThat(crm.consents().ledger(subject)).isEmpty();
        assertThat(crm.consents().ledger(notTheirs.contactPerson().map(p -> ConsentSubject.contactPerson(another.id(), p)).orElseThrow())).isEmpty();
        assertThat(feed()).hasSize(fed);
        assertThat(events).isEmpty();

        Withdrawal first = crm.consents().withdraw(key, ConsentSource.CALL, Proof.of("marketing-2024-03", "call-5"));
        assertThat(first.changed()).isTrue();
        assertThat(crm.consents().ledger(subject)).containsExactly(first.entry());
        assertThat(crm.consents().status(key).standing()).isEqualTo(Standing.WITHDRAWN);
    }

    @Test
    void doubleOptInGrantsOnceWithAnUnrevealingTokenAndRefusesReplaysUnknownExpiredAndMalformedTokens() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Дзета", "zeta@example.ru", "+7 900 111-22-33");
        ConsentSubject subject = ConsentSubject.client(client.id());
        ConsentKey key = crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "zeta@example.ru");
        ConfirmationRequest request = crm.consents().requestConfirmation(key, ConsentSource.WEB_FORM, Proof.of("marketing-2024-03", "form-1"),
                Duration.ofHours(24));
        String token = request.token();
        assertThat(token).matches("[A-Za-z0-9_-]{43}").doesNotContain("zeta").doesNotContain(client.id().toString())
                .doesNotContain(client.id().value().toString().replace("-", ""));
        assertThat(request.toString()).doesNotContain(token);
        assertThat(request.pending().state()).isEqualTo(ConsentState.PENDING);
        assertThat(request.pending().expires()).contains(START.plus(Duration.ofHours(24)));
        assertThat(crm.consents().status(key).standing()).isEqualTo(Standing.PENDING);
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING))).isZero();
        assertThat(events).isEmpty();

        Crm elsewhere = consentCrm(storage(), newTenant());
        refused(() -> elsewhere.consents().confirm(token), "token", token.substring(0, 8) + "…", "not a confirmation token of this tenant");

        clock.advance(Duration.ofHours(1));
        ConsentEntry granted = crm.consents().confirm(token);
        assertThat(granted.state()).isEqualTo(ConsentState.GRANTED);
        assertThat(granted.source()).isEqualTo(ConsentSource.DOUBLE_OPT_IN_CONFIRMATION);
        assertThat(granted.proof()).isEqualTo(request.pending().proof());
        assertThat(crm.consents().status(key).standing()).isEqualTo(Standing.GRANTED);
        assertThat(events).hasSize(1);
        int fed = feed().size();

        refused(() -> crm.consents().confirm(token), "token", token.substring(0, 8) + "…", "already been used");
        String unknown = "A".repeat(43);
        refused(() -> crm.consents().confirm(unknown), "token", "AAAAAAAA…", "not a confirmation token of this tenant");
        refused(() -> crm.consents().confirm("abc"), "token", "abc", "not a confirmation token (43 characters");
        refused(() -> crm.consents().confirm(token + "="), "token", token.substring(0, 8) + "…", "not a confirmation token (43 characters");
        refused(() -> crm.consents().confirm("x".repeat(10_000)), "token", "xxxxxxxx…", "too long");
        refused(() -> crm.consents().requestConfirmation(crm.consents().key(subject, Channel.SMS, Purpose.MARKETING, "+79001112233"),
                ConsentSource.WEB_FORM, Proof.none()), "channel", "SMS", "only EMAIL");
        refused(() -> crm.consents().requestConfirmation(key, ConsentSource.WEB_FORM, Proof.none(), Duration.ZERO), "lifetime", "PT0S", "positive");

        ConsentKey service = crm.consents().key(subject, Channel.EMAIL, Purpose.SERVICE, "zeta@example.ru");
        ConfirmationRequest late = crm.consents().requestConfirmation(service, ConsentSource.WEB_FORM, Proof.none(), Duration.ofHours(2));
        clock.advance(Duration.ofHours(2));
        assertThat(crm.consents().status(service).standing()).isEqualTo(Standing.EXPIRED);
        refused(() -> crm.consents().confirm(late.token()), "token", late.token().substring(0, 8) + "…", "expired at");

        ConfirmationRequest superseded = crm.consents().requestConfirmation(service, ConsentSource.WEB_FORM, Proof.none());
        crm.consents().withdraw(service, ConsentSource.CALL, Proof.none());
        refused(() -> crm.consents().confirm(superseded.token()), "token", superseded.token().substring(0, 8) + "…", "superseded");

        assertThat(crm.consents().ledger(subject)).extracting(ConsentEntry::state).containsExactly(ConsentState.PENDING, ConsentState.GRANTED,
                ConsentState.PENDING, ConsentState.PENDING, ConsentState.WITHDRAWN);
        assertThat(crm.consents().status(key).standing()).isEqualTo(Standing.GRANTED);
        assertThat(feed().size()).isEqualTo(fed + 3);
    }

    @Test
    void aSuppressedAddressHasNoMarketingConsentWhateverTheLedgerSays() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Эта", "eta@example.ru");
        ConsentSubject subject = ConsentSubject.client(client.id());
        ConsentKey marketing = crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "eta@example.ru");
        ConsentKey service = crm.consents().key(subject, Channel.EMAIL, Purpose.SERVICE, "eta@example.ru");
        crm.consents().grant(marketing, ConsentSource.PAPER, PAPER);
        crm.consents().grant(service, ConsentSource.PAPER, PAPER);
        assertThat(crm.clients().count(SuppressionCriterion.isSuppressed())).isZero();

        Suppression added = crm.consents().suppress(ConsentAddress.email("eta@EXAMPLE.ru"), SuppressionReason.HARD_BOUNCE, Optional.of("550 5.1.1"));
        assertThat(added.at()).isEqualTo(START);
        assertThat(crm.consents().suppression(marketing.address())).contains(added);
        assertThat(crm.consents().suppressions()).containsExactly(added);
        assertThat(crm.consents().status(marketing).standing()).isEqualTo(Standing.SUPPRESSED);
        assertThat(crm.consents().status(service).standing()).isEqualTo(Standing.GRANTED);
        assertThat(crm.consents().standing(Channel.EMAIL, Purpose.MARKETING, marketing.address())).isEqualTo(Standing.SUPPRESSED);
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING))).isZero();
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.SERVICE))).isEqualTo(1);
        assertThat(crm.clients().count(SuppressionCriterion.isSuppressed())).isEqualTo(1);
        assertThat(crm.clients().count(SuppressionCriterion.isSuppressedFor(SuppressionReason.COMPLAINT))).isZero();

        Suppression replaced = crm.consents().suppress(marketing.address(), SuppressionReason.COMPLAINT, Optional.empty());
        assertThat(crm.consents().suppressions()).containsExactly(replaced);
        assertThat(crm.clients().count(SuppressionCriterion.isSuppressedFor(SuppressionReason.COMPLAINT))).isEqualTo(1);
        assertThat(crm.consents().unsuppress(marketing.address())).isTrue();
        assertThat(crm.consents().unsuppress(marketing.address())).isFalse();
        assertThat(crm.consents().suppressions()).isEmpty();
        assertThat(crm.consents().status(marketing).standing()).isEqualTo(Standing.GRANTED);
        assertThat(crm.consents().ledger(subject)).hasSize(2);

        Crm denied = Crm.builder().storage(storage()).accessPolicy(AccessPolicies.builder().administer((actor, area) -> !area.equals("consent")).build())
                .actor(Actor.employee(tenant, EmployeeId.of("ivanov"))).build();
        assertThatThrownBy(() -> denied.consents().suppress(marketing.address(), SuppressionReason.DO_NOT_CONTACT, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> denied.consents().suppressions()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> denied.consents().addPurpose(new Purpose("newsletter"))).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.consents().suppressions()).isEmpty();
    }

    @Test
    void aTenantAddsPurposesToItsOwnList() {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Тета", "theta@example.ru");
        Purpose newsletter = new Purpose("newsletter");
        assertThat(crm.consents().purposes()).containsExactly(Purpose.MARKETING, Purpose.SERVICE);
        crm.consents().addPurpose(newsletter);
        crm.consents().addPurpose(newsletter);
        crm.consents().addPurpose(Purpose.SERVICE);
        crm.consents().addPurpose(new Purpose("events"));
        assertThat(crm.consents().purposes()).containsExactly(Purpose.MARKETING, Purpose.SERVICE, new Purpose("events"), newsletter);
        assertThat(consentCrm(storage(), newTenant()).consents().purposes()).containsExactly(Purpose.MARKETING, Purpose.SERVICE);
        ConsentKey key = crm.consents().key(ConsentSubject.client(client.id()), Channel.EMAIL, newsletter, "theta@example.ru");
        crm.consents().grant(key, ConsentSource.IMPORT, Proof.none());
        assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, newsletter))).isEqualTo(1);
    }

    @Test
    void theProofExportHoldsEveryEntryOfThePersonAndTheSuppressionsOfTheirAddressesAsJson() throws Exception {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Йота", "iota@example.ru", "+7 900 111-22-33");
        Client other = withContacts(crm, "Каппа", "kappa@example.ru");
        ConsentSubject subject = ConsentSubject.client(client.id());
        ConsentKey email = crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "iota@example.ru");
        ConsentEntry granted = crm.consents().grant(email, ConsentSource.PAPER, PAPER);
        clock.advance(Duration.ofMinutes(1));
        ConsentEntry withdrawn = crm.consents().withdraw(email, ConsentSource.UNSUBSCRIBE_LINK, Proof.none()).entry();
        clock.advance(Duration.ofMinutes(1));
        ConfirmationRequest pending = crm.consents().requestConfirmation(crm.consents().key(subject, Channel.EMAIL, Purpose.SERVICE,
                "iota@example.ru"), ConsentSource.WEB_FORM, Proof.of("service-1", "form-9"));
        crm.consents().grant(crm.consents().key(subject, Channel.SMS, Purpose.SERVICE, "+7 900 111-22-33"), ConsentSource.CALL, Proof.none());
        crm.consents().grant(crm.consents().key(ConsentSubject.client(other.id()), Channel.EMAIL, Purpose.MARKETING, "kappa@example.ru"),
                ConsentSource.PAPER, PAPER);
        crm.consents().suppress(email.address(), SuppressionReason.COMPLAINT, Optional.of("жалоба «спам»"));
        crm.consents().suppress(ConsentAddress.email("kappa@example.ru"), SuppressionReason.HARD_BOUNCE, Optional.empty());

        org.crmkit.consent.ProofExport proof = crm.consents().proof(subject);
        assertThat(proof.entries()).hasSize(4).containsExactlyElementsOf(crm.consents().ledger(subject));
        assertThat(proof.entries().subList(0, 3)).containsExactly(granted, withdrawn, pending.pending());
        assertThat(proof.suppressions()).extracting(Suppression::address).containsExactly(email.address());
        assertThat(proof.exportedAt()).isEqualTo(clock.instant());

        String text = org.crmkit.consent.json.ProofJson.write(proof);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertThat(json.get("format").asText()).isEqualTo("crmkit-consent-proof/1");
        assertThat(json.get("client").asText()).isEqualTo(client.id().toString());
        assertThat(json.has("contactPerson")).isFalse();
        assertThat(json.get("entries")).hasSize(4);
        com.fasterxml.jackson.databind.JsonNode first = json.get("entries").get(0);
        assertThat(first.get("id").asText()).isEqualTo(granted.id().toString());
        assertThat(first.get("state").asText()).isEqualTo("GRANTED");
        assertThat(first.get("at").asText()).isEqualTo("2024-03-01T09:00:00.123456Z");
        assertThat(first.get("textVersion").asText()).isEqualTo("marketing-2024-03");
        assertThat(first.get("evidence").asText()).isEqualTo("scan-17");
        assertThat(json.get("entries").get(1).get("source").asText()).isEqualTo("UNSUBSCRIBE_LINK");
        assertThat(json.get("entries").get(1).has("textVersion")).isFalse();
        assertThat(json.get("entries").get(2).get("expires").asText()).isEqualTo(pending.pending().expires().orElseThrow().toString());
        assertThat(json.get("suppressions")).hasSize(1);
        assertThat(json.get("suppressions").get(0).get("note").asText()).isEqualTo("жалоба «спам»");
        assertThat(text).doesNotContain("kappa").doesNotContain(pending.token());
    }

    // --- criteria: the same world in this store and in memory selects the same clients

    /** Builds a varied world through the facade; answers the clients in registration order. */
    private List<Client> world(Crm crm) {
        List<Client> clients = new ArrayList<>();
        Random random = new Random(16);
        for (int i = 0; i < 24; i++) {
            NewClient draft = (i % 3 == 0 ? NewClient.individual("Клиент " + i) : NewClient.legalEntity("Клиент " + i));
            if (i % 4 != 3) {
                draft = draft.contact(ContactType.EMAIL, "c" + i + "@example.ru");
            }
            if (i % 3 != 2) {
                draft = draft.contact(ContactType.MOBILE, String.format("+7 900 100-00-%02d", i));
            }
            clients.add(crm.clients().register(draft));
        }
        crm.consents().addPurpose(new Purpose("events"));
        List<Purpose> purposes = List.of(Purpose.MARKETING, Purpose.SERVICE, new Purpose("events"));
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            ConsentSubject subject = ConsentSubject.client(c.id());
            if (i % 5 == 1) {
                int n = i;
                ContactPerson p = crm.contactPersons().add(c.id(), PersonName.of("Персона" + i, "Анна", null),
                        x -> x.addContact(ContactEntry.parse(ContactType.EMAIL, "p" + (n % 7) + "@example.ru", "RU")));
                ConsentSubject person = ConsentSubject.contactPerson(c.id(), p.id());
                crm.consents().grant(crm.consents().key(person, Channel.EMAIL, purposes.get(i % 3), "p" + (i % 7) + "@example.ru"),
                        ConsentSource.WEB_FORM, Proof.none());
            }
            for (ContactEntry contact : c.contacts()) {
                Channel channel = contact.type() == ContactType.EMAIL ? Channel.EMAIL : (random.nextBoolean() ? Channel.SMS : Channel.PHONE_CALL);
                Purpose purpose = purposes.get(random.nextInt(3));
                ConsentKey key = new ConsentKey(subject, channel, purpose, ConsentAddress.of(contact).orElseThrow());
                int what = random.nextInt(6);
                if (what <= 2) {
                    crm.consents().grant(key, ConsentSource.PAPER, Proof.none());
                }
                if (what == 2 || what == 3) {
                    crm.consents().withdraw(key, ConsentSource.UNSUBSCRIBE_LINK, Proof.none());
                }
                if (what == 4 && channel == Channel.EMAIL) {
                    crm.consents().requestConfirmation(key, ConsentSource.WEB_FORM, Proof.none());
                }
            }
            if (i % 6 == 5) {
                ContactEntry first = c.contacts().isEmpty() ? null : c.contacts().get(0);
                if (first != null) {
                    crm.clients().update(c.id(), x -> x.removeContact(first));
                }
            }
        }
        crm.consents().suppress(ConsentAddress.email("c1@example.ru"), SuppressionReason.HARD_BOUNCE, Optional.empty());
        crm.consents().suppress(ConsentAddress.email("c4@example.ru"), SuppressionReason.COMPLAINT, Optional.empty());
        crm.consents().suppress(ConsentAddress.phone("+7 900 100-00-07", "RU"), SuppressionReason.DO_NOT_CONTACT, Optional.empty());
        crm.consents().suppress(ConsentAddress.email("p1@example.ru"), SuppressionReason.COMPLAINT, Optional.empty());
        crm.consents().suppress(ConsentAddress.email("nobody@example.ru"), SuppressionReason.HARD_BOUNCE, Optional.empty());
        return clients;
    }

    private static Set<String> names(Crm crm, Criterion<ClientCriterion> where) {
        return crm.clients().summaries(new ClientQuery(where, ClientQuery.Order.CODE, 0, 1000)).stream().map(ClientSummary::shortName)
                .collect(Collectors.toSet());
    }

    /**
     * One world of the drift test, built and changed the same way on the store under test and in
     * memory: Альфа with its own e-mail and mobile, Бета with an e-mail and the contact person
     * Петрова (e-mail and mobile), and consents on all of them.
     */
    private static final class Cards {
        final Crm crm;
        final ClientId alfa;
        final ClientId beta;
        final org.crmkit.client.ContactPersonId petrova;

        Cards(Crm crm) {
            this.crm = crm;
            alfa = withContacts(crm, "Альфа", "a1@alfa.ru", "+7 900 200-00-01").id();
            beta = withContacts(crm, "Бета", "b1@beta.ru").id();
            petrova = crm.contactPersons().add(beta, PersonName.of("Петрова", "Анна", null),
                    p -> p.addContact(ContactEntry.parse(ContactType.EMAIL, "petrova@beta.ru", "RU"))
                            .addContact(ContactEntry.parse(ContactType.MOBILE, "+7 900 200-00-02", "RU"))).id();
            grant(own(alfa), Channel.EMAIL, Purpose.MARKETING, "a1@alfa.ru");
            grant(own(alfa), Channel.EMAIL, Purpose.SERVICE, "a1@alfa.ru");
            grant(own(alfa), Channel.SMS, Purpose.MARKETING, "+79002000001");
            grant(own(beta), Channel.EMAIL, Purpose.SERVICE, "b1@beta.ru");
            grant(person(), Channel.EMAIL, Purpose.MARKETING, "petrova@beta.ru");
            grant(person(), Channel.SMS, Purpose.SERVICE, "+79002000002");
        }

        static ConsentSubject own(ClientId client) {
            return ConsentSubject.client(client);
        }

        ConsentSubject person() {
            return ConsentSubject.contactPerson(beta, petrova);
        }

        ConsentKey key(ConsentSubject subject, Channel channel, Purpose purpose, String address) {
            return crm.consents().key(subject, channel, purpose, address);
        }

        void grant(ConsentSubject subject, Channel channel, Purpose purpose, String address) {
            crm.consents().grant(key(subject, channel, purpose, address), ConsentSource.PAPER, PAPER);
        }

        void client(ClientId id, java.util.function.UnaryOperator<Client> change) {
            crm.clients().update(id, change);
        }

        void person(java.util.function.UnaryOperator<ContactPerson> change) {
            crm.contactPersons().update(petrova, change);
        }

        static ContactEntry email(String address) {
            return ContactEntry.parse(ContactType.EMAIL, address, "RU");
        }

        static ContactEntry mobile(String number) {
            return ContactEntry.parse(ContactType.MOBILE, number, "RU");
        }

        /** "Has consent now" by the use cases' own derivation: some current status of the client or one of its persons is GRANTED. */
        Set<String> fromCurrent(Channel channel, Purpose purpose) {
            Set<String> names = new java.util.TreeSet<>();
            for (ClientId id : List.of(alfa, beta)) {
                List<ConsentSubject> subjects = new ArrayList<>(List.of(own(id)));
                crm.contactPersons().ofClient(id).forEach(p -> subjects.add(ConsentSubject.contactPerson(id, p.id())));
                boolean granted = subjects.stream().flatMap(s -> crm.consents().current(s).stream()).anyMatch(st -> st.standing() == Standing.GRANTED
                        && st.key().channel() == channel && st.key().purpose().equals(purpose));
                if (granted) {
                    names.add(crm.clients().get(id).shortName());
                }
            }
            return names;
        }
    }

    /** Runs one change on both worlds, then compares every channel and purpose: SQL, memory and current(subject) agree, and with what the step expects. */
    private static void step(Cards db, Cards memory, String what, java.util.function.Consumer<Cards> change, Map<String, Set<String>> expected) {
        change.accept(db);
        change.accept(memory);
        for (Channel channel : Channel.values()) {
            for (Purpose purpose : List.of(Purpose.MARKETING, Purpose.SERVICE)) {
                ClientCriterion has = ConsentCriterion.hasConsent(channel, purpose);
                String label = what + ": " + channel + " " + purpose.key();
                Set<String> bySql = names(db.crm, has);
                assertThat(bySql).as(label + " (SQL = memory)").isEqualTo(names(memory.crm, has));
                assertThat(bySql).as(label + " (SQL = current(subject))").isEqualTo(db.fromCurrent(channel, purpose));
                assertThat(memory.fromCurrent(channel, purpose)).as(label + " (memory = its current(subject))").isEqualTo(bySql);
                assertThat(db.crm.clients().count(has)).as(label + " (count)").isEqualTo(bySql.size());
                assertThat(names(db.crm, Criterion.not(has))).as(label + " (NOT)").isEqualTo(names(memory.crm, Criterion.not(has)));
                assertThat(bySql).as(label + " (expected)").isEqualTo(expected.getOrDefault(channel + " " + purpose.key(), Set.of()));
            }
        }
    }

    private static Map<String, Set<String>> expect(String em, String es, String sm, String ss) {
        Map<String, Set<String>> m = new java.util.HashMap<>();
        m.put("EMAIL marketing", split(em));
        m.put("EMAIL service", split(es));
        m.put("SMS marketing", split(sm));
        m.put("SMS service", split(ss));
        return m;
    }

    private static Set<String> split(String names) {
        return names.isEmpty() ? Set.of() : Set.of(names.split(","));
    }

    @Test
    void hasConsentFollowsEveryChangeOfTheCardsAndTheSuppressionList() {
        Cards db = new Cards(consentCrm());
        InMemoryStorage memoryStorage = new InMemoryStorage();
        Cards memory = new Cards(consentCrm(memoryStorage, tenant));
        step(db, memory, "as granted", c -> { }, expect("Альфа,Бета", "Альфа,Бета", "Альфа", "Бета"));
        step(db, memory, "Альфа's e-mail changed", c -> c.client(c.alfa, a -> a.withContacts(a.contacts().stream()
                .map(e -> e.type() == ContactType.EMAIL ? Cards.email("a2@alfa.ru") : e).collect(Collectors.toList()))),
                expect("Бета", "Бета", "Альфа", "Бета"));
        step(db, memory, "Альфа's e-mail changed back", c -> c.client(c.alfa, a -> a.withContacts(a.contacts().stream()
                .map(e -> e.type() == ContactType.EMAIL ? Cards.email("a1@alfa.ru") : e).collect(Collectors.toList()))),
                expect("Альфа,Бета", "Альфа,Бета", "Альфа", "Бета"));
        step(db, memory, "Альфа's mobile removed", c -> c.client(c.alfa, a -> a.removeContact(Cards.mobile("+7 900 200-00-01"))),
                expect("Альфа,Бета", "Альфа,Бета", "", "Бета"));
        step(db, memory, "a contact that no consent names added", c -> c.client(c.alfa, a -> a.addContact(ContactEntry.parse(ContactType.FAX,
                "+7 900 200-00-09", "RU"))), expect("Альфа,Бета", "Альфа,Бета", "", "Бета"));
        step(db, memory, "Петрова's e-mail moved to Бета's own card", c -> {
            c.person(p -> p.removeContact(Cards.email("petrova@beta.ru")));
            c.client(c.beta, b -> b.addContact(Cards.email("petrova@beta.ru")));
        }, expect("Альфа", "Альфа,Бета", "", "Бета"));
        step(db, memory, "Бета itself grants on that address", c -> c.grant(Cards.own(c.beta), Channel.EMAIL, Purpose.MARKETING, "petrova@beta.ru"),
                expect("Альфа,Бета", "Альфа,Бета", "", "Бета"));
        step(db, memory, "the address moved back to Петрова", c -> {
            c.client(c.beta, b -> b.removeContact(Cards.email("petrova@beta.ru")));
            c.person(p -> p.addContact(Cards.email("petrova@beta.ru")));
        }, expect("Альфа,Бета", "Альфа,Бета", "", "Бета"));
        assertThat(db.crm.consents().status(db.key(Cards.own(db.beta), Channel.EMAIL, Purpose.MARKETING, "petrova@beta.ru")).standing())
                .isEqualTo(Standing.NOT_A_CURRENT_ADDRESS);
        step(db, memory, "Петрова gone: her card emptied and the relation ended", c -> c.person(p -> p.withContacts(List.of())
                .endRelation(java.time.LocalDate.of(2024, 3, 1))), expect("Альфа", "Альфа,Бета", "", ""));
        step(db, memory, "Петрова's mobile back on her card", c -> c.person(p -> p.addContact(Cards.mobile("+7 900 200-00-02"))),
                expect("Альфа", "Альфа,Бета", "", "Бета"));
        step(db, memory, "a1 suppressed", c -> c.crm.consents().suppress(ConsentAddress.email("a1@alfa.ru"), SuppressionReason.COMPLAINT,
                Optional.empty()), expect("", "Альфа,Бета", "", "Бета"));
        step(db, memory, "a1 taken off the list", c -> c.crm.consents().unsuppress(ConsentAddress.email("a1@alfa.ru")),
                expect("Альфа", "Альфа,Бета", "", "Бета"));
        step(db, memory, "Альфа withdraws", c -> c.crm.consents().withdraw(c.key(Cards.own(c.alfa), Channel.EMAIL, Purpose.MARKETING, "a1@alfa.ru"),
                ConsentSource.CALL, Proof.none()), expect("", "Альфа,Бета", "", "Бета"));
        step(db, memory, "Альфа grants again", c -> c.grant(Cards.own(c.alfa), Channel.EMAIL, Purpose.MARKETING, "a1@alfa.ru"),
                expect("Альфа", "Альфа,Бета", "", "Бета"));
        step(db, memory, "Альфа's e-mail removed after the grant", c -> c.client(c.alfa, a -> a.removeContact(Cards.email("a1@alfa.ru"))),
                expect("", "Бета", "", "Бета"));
    }

    @Test
    void twoWritersOfOneKeyRunOneAfterTheOtherAndTheSecondSeesTheFirst() throws Exception {
        Crm crm = consentCrm();
        Client client = withContacts(crm, "Дзета", "zeta@example.ru");
        ConsentSubject subject = ConsentSubject.client(client.id());
        ConsentKey key = crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "zeta@example.ru");
        java.util.concurrent.ExecutorService second = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // the key's first entries: a grant is appended in a unit held open while a second grant arrives
            ConsentEntry held = new ConsentEntry(new org.crmkit.consent.ConsentEntryId(UUID.randomUUID()), key, ConsentState.GRANTED, START,
                    "import", ConsentSource.IMPORT, Proof.none(), Optional.empty());
            java.util.concurrent.Future<ConsentEntry> grant = storage().inTransaction(tenant, s -> {
                s.get(ConsentStore.class).lock(subject);
                s.get(ConsentStore.class).append(held);
                java.util.concurrent.Future<ConsentEntry> f = second.submit(() -> crm.consents().grant(key, ConsentSource.WEB_FORM, PAPER));
                pause();
                assertThat(f.isDone()).as("the second grant waits for the unit holding the key's subject").isFalse();
                return f;
            });
            ConsentEntry granted = grant.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(crm.consents().ledger(subject)).containsExactlyInAnyOrder(held, granted);
            assertThat(crm.consents().status(key)).isEqualTo(new ConsentStatus(key, Optional.of(granted), Standing.GRANTED));
            assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING))).isEqualTo(1);

            // two withdrawals: the one that waited finds the key withdrawn and writes nothing
            ConsentEntry first = new ConsentEntry(new org.crmkit.consent.ConsentEntryId(UUID.randomUUID()), key, ConsentState.WITHDRAWN, START,
                    "import", ConsentSource.CALL, Proof.none(), Optional.empty());
            java.util.concurrent.Future<Withdrawal> withdraw = storage().inTransaction(tenant, s -> {
                ConsentStore store = s.get(ConsentStore.class);
                store.lock(subject);
                assertThat(store.latest(key)).contains(granted);
                store.append(first);
                java.util.concurrent.Future<Withdrawal> f = second.submit(() -> crm.consents().withdraw(key, ConsentSource.UNSUBSCRIBE_LINK,
                        Proof.none()));
                pause();
                assertThat(f.isDone()).as("the second withdrawal waits").isFalse();
                return f;
            });
            Withdrawal late = withdraw.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(late.alreadyWithdrawn()).isTrue();
            assertThat(late.entry()).isEqualTo(first);
            assertThat(crm.consents().ledger(subject)).containsExactlyInAnyOrder(held, granted, first);
            assertThat(crm.consents().status(key)).isEqualTo(new ConsentStatus(key, Optional.of(first), Standing.WITHDRAWN));
            assertThat(crm.clients().count(ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING))).isZero();
        } finally {
            second.shutdownNow();
        }
    }

    /** Gives the second writer time to reach the lock; the outcome does not depend on whether it got there. */
    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void consentAndSuppressionLeavesSelectWhatMemorySelectsForTheSameWorld() {
        Crm crm = consentCrm();
        List<Client> clients = world(crm);
        InMemoryStorage memory = new InMemoryStorage();
        Crm reference = consentCrm(memory, tenant);
        world(reference);

        List<Criterion<ClientCriterion>> leaves = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (Purpose purpose : List.of(Purpose.MARKETING, Purpose.SERVICE, new Purpose("events"), new Purpose("absent"))) {
                leaves.add(ConsentCriterion.hasConsent(channel, purpose));
            }
        }
        leaves.add(new ClientCriterion.Having<>(ConsentCriterion.IN_EFFECT, Criterion.all()));
        leaves.add(new ClientCriterion.Having<>(ConsentCriterion.IN_EFFECT, Criterion.or(new ConsentCriterion.For(Channel.EMAIL, Purpose.MARKETING),
                Criterion.not(new ConsentCriterion.For(Channel.SMS, Purpose.SERVICE)))));
        leaves.add(SuppressionCriterion.isSuppressed());
        for (SuppressionReason reason : SuppressionReason.values()) {
            leaves.add(SuppressionCriterion.isSuppressedFor(reason));
        }
        leaves.add(new ClientCriterion.Having<>(SuppressionCriterion.OF_CLIENT, Criterion.not(new SuppressionCriterion.ReasonIn(
                Set.of(SuppressionReason.COMPLAINT)))));
        leaves.add(new ClientCriterion.KindIs(ClientKind.INDIVIDUAL));
        leaves.add(new ClientCriterion.NameStartsWith("клиент 1"));

        assertThat(names(crm, ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING))).isNotEmpty()
                .isEqualTo(names(reference, ConsentCriterion.hasConsent(Channel.EMAIL, Purpose.MARKETING)));
        assertThat(names(crm, SuppressionCriterion.isSuppressed())).containsExactlyInAnyOrder("Клиент 1", "Клиент 4", "Клиент 7");
        Random random = new Random(1616);
        List<Criterion<ClientCriterion>> trees = new ArrayList<>();
        for (Criterion<ClientCriterion> leaf : leaves) {
            trees.add(leaf);
            trees.add(Criterion.not(leaf));
        }
        for (int i = 0; i < 60; i++) {
            trees.add(tree(random, leaves, 3));
        }
        for (Criterion<ClientCriterion> tree : trees) {
            Set<String> expected = names(reference, tree);
            assertThat(names(crm, tree)).as("%s", tree).isEqualTo(expected);
            assertThat(crm.clients().count(tree)).as("count of %s", tree).isEqualTo(expected.size());
        }
        assertThat(clients).hasSize(24);
    }

    private static Criterion<ClientCriterion> tree(Random random, List<Criterion<ClientCriterion>> leaves, int depth) {
        switch (random.nextInt(depth == 0 ? 1 : 4)) {
            case 1:
                return Criterion.and(tree(random, leaves, depth - 1), tree(random, leaves, depth - 1));
            case 2:
                return Criterion.or(tree(random, leaves, depth - 1), tree(random, leaves, depth - 1));
            case 3:
                return Criterion.not(tree(random, leaves, depth - 1));
            default:
                return leaves.get(random.nextInt(leaves.size()));
        }
    }
}
