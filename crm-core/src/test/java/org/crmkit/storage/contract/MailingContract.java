package org.crmkit.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionState;
import org.crmkit.mailing.Mailing;
import org.crmkit.mailing.MailingState;
import org.crmkit.mailing.MailingResolution;
import org.crmkit.mailing.Mailings;
import org.crmkit.mailing.SenderSettings;
import org.crmkit.client.ContactPerson;
import org.crmkit.consent.SigningKey;
import org.crmkit.consent.SigningKeys;
import org.crmkit.consent.UnsubscribeHeaders;
import org.crmkit.consent.UnsubscribeTokens;
import org.crmkit.mailing.recipient.Addressee;
import org.crmkit.mailing.recipient.Audience;
import org.crmkit.mailing.recipient.ChannelChoice;
import org.crmkit.mailing.recipient.Exclusion;
import org.crmkit.mailing.recipient.ExclusionReason;
import org.crmkit.mailing.recipient.RecipientQuery;
import org.crmkit.criteria.Criterion;
import org.crmkit.mailing.outbox.MailingStatistics;
import org.crmkit.mailing.outbox.MessageComposer;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.mailing.outbox.OutboxRecipient;
import org.crmkit.mailing.outbox.OutboxState;
import org.crmkit.mailing.outbox.Outlets;
import org.crmkit.mailing.outbox.Resolution;
import org.crmkit.mailing.outbox.RetryPolicy;
import org.crmkit.mailing.outbox.SendReport;
import org.crmkit.mailing.outbox.SenderProbe;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.Mailbox;
import org.crmkit.messaging.sms.SmsCapabilities;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsMessage;
import org.junit.jupiter.api.Test;

/**
 * Mailings and their outbox in the store kit, through the use cases on the store under test: enqueueing is
 * idempotent per (mailing, client, person, channel); every recipient gets one message, counted at the
 * (in-process) provider, also across pause/resume, two senders at once (real concurrent transactions on a
 * database) and a sender halted between the provider's acceptance and the commit of the outcome; unknown
 * outcomes are never re-sent blindly (resolved by a receipt, an operator, or an idempotent resubmission);
 * temporary failures back off and die; a permanent failure touches nobody else; consent is checked at send
 * time; a scheduled mailing never started sends nothing; the rate limit holds on the Crm clock; the sent
 * messages are on the clients' histories.
 */
abstract class MailingContract extends RecipientContract {
    private static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    private static final Proof FORM = Proof.of("mailing-consent", "form-1");
    private static final EmployeeDirectory STAFF = EmployeeDirectory.of(List.of(Employee.of("alekseev", "Алексеев", "sales")));

    /** A provider counting what it was given, by idempotency key, with outcomes chosen per address. */
    static final class Provider implements EmailSender, SmsGateway {
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final List<String> keys = new CopyOnWriteArrayList<>();
        final Map<String, Function<Integer, SendOutcome>> scripted = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile SmsCapabilities capabilities = SmsCapabilities.DEFAULTS;
        /** Keys the provider has accepted (an idempotent provider accepts a key once). */
        final Set<String> accepted = ConcurrentHashMap.newKeySet();

        private SendOutcome deliver(String key, String address) {
            int call = calls.incrementAndGet();
            Function<Integer, SendOutcome> script = scripted.get(address);
            SendOutcome outcome = script == null ? SendOutcome.accepted("p-" + key, 1) : script.apply(call);
            if (outcome.isAccepted() || outcome.kind() == SendOutcome.Kind.UNKNOWN && script != null) {
                if (!capabilities.idempotentResubmission() || accepted.add(key)) {
                    deliveries.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                }
                keys.add(key);
            }
            return outcome.kind() == SendOutcome.Kind.UNKNOWN ? outcome : outcome.isAccepted() ? SendOutcome.accepted("p-" + key, 1) : outcome;
        }

        @Override
        public SendOutcome send(EmailMessage message) {
            return deliver(message.idempotencyKey(), message.to().get(0).address());
        }

        @Override
        public SendOutcome send(SmsMessage message) {
            return deliver(message.idempotencyKey(), message.destination());
        }

        @Override
        public SmsCapabilities capabilities() {
            return capabilities;
        }

        int delivered() {
            return deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        boolean noneTwice() {
            return deliveries.values().stream().allMatch(n -> n.get() == 1);
        }

        @Override
        public void close() {
        }
    }

    /** The text of every message: the mailing's name; the address from the entry. */
    static final MessageComposer COMPOSER = new MessageComposer() {
        @Override
        public EmailMessage email(Mailing mailing, OutboxEntry entry, String idempotencyKey) {
            return EmailMessage.builder().idempotencyKey(idempotencyKey).from(Mailbox.of("shop@example.ru"))
                    .to(Mailbox.of(entry.recipient().address())).subject(mailing.name()).text("Добрый день!").build();
        }

        @Override
        public SmsMessage sms(Mailing mailing, OutboxEntry entry, String idempotencyKey) {
            return SmsMessage.of(idempotencyKey, "Shop", entry.recipient().address(), mailing.name());
        }
    };

    private Crm mailingCrm(DealContract.HandClock clock) {
        return Crm.builder().storage(storage()).clock(clock).employees(STAFF).actor(Actor.employee(tenant, ALEKSEEV))
                .features(Mailings.FEATURE).build();
    }

    /** {@code n} clients, each with an e-mail address and a mobile, both consented for marketing; their recipients on {@code channel}. */
    private static List<OutboxRecipient> audience(Crm crm, int n, Channel channel) {
        List<OutboxRecipient> recipients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = "client" + i + "@example.ru";
            String phone = String.format("+7900%07d", 1000 + i);
            Client client = crm.clients().register(NewClient.legalEntity("Клиент " + i).contact(ContactType.EMAIL, email)
                    .contact(ContactType.MOBILE, phone));
            ConsentSubject subject = ConsentSubject.client(client.id());
            crm.consents().grant(crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, email), ConsentSource.PAPER, FORM);
            crm.consents().grant(crm.consents().key(subject, Channel.SMS, Purpose.MARKETING, phone), ConsentSource.PAPER, FORM);
            recipients.add(OutboxRecipient.of(client.id(), Optional.empty(), channel, channel == Channel.EMAIL ? email : phone, "RU"));
        }
        return recipients;
    }

    private static Mailing started(Crm crm, List<OutboxRecipient> recipients, Channel... channels) {
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(channels), Purpose.MARKETING, "kitchen furniture segment");
        assertThat(crm.mailings().enqueue(mailing.id(), recipients)).isEqualTo(recipients.size());
        return crm.mailings().start(mailing.id());
    }

    private static Outlets outlets(Provider provider) {
        return Outlets.builder().email(provider).sms(provider).build();
    }

    private static List<Interaction> mailingHistory(Crm crm, OutboxRecipient r) {
        return crm.interactions().history(r.client()).stream().filter(i -> i.subject().startsWith("Mailing: ")).toList();
    }

    @Test
    void enqueueingTwiceNeverDoublesAMessageAndRefusedBatchesStoreNothing() {
        Crm crm = mailingCrm(new DealContract.HandClock());
        List<OutboxRecipient> recipients = audience(crm, 3, Channel.EMAIL);
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(Channel.EMAIL), Purpose.MARKETING, "segment");
        assertThat(mailing.state()).isEqualTo(MailingState.DRAFT);
        assertThat(crm.mailings().enqueue(mailing.id(), recipients.subList(0, 2))).isEqualTo(2);
        assertThat(crm.mailings().enqueue(mailing.id(), recipients)).as("two known, one new").isEqualTo(1);
        assertThat(crm.mailings().enqueue(mailing.id(), List.of(recipients.get(0), recipients.get(0)))).isZero();
        OutboxRecipient sms = new OutboxRecipient(recipients.get(0).client(), Optional.empty(), Channel.SMS, "+79001234567");
        assertThatThrownBy(() -> crm.mailings().enqueue(mailing.id(), List.of(recipients.get(0), sms)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("recipients[1].channel");
                    assertThat(e.rejectedValue()).isEqualTo("SMS");
                });
        MailingStatistics stats = crm.mailings().statistics(mailing.id());
        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.count(OutboxState.PENDING)).isEqualTo(3);
        assertThat(crm.mailings().entries(mailing.id(), Set.of(), Optional.empty(), 10)).extracting(e -> e.recipient().address())
                .containsExactlyInAnyOrder("client0@example.ru", "client1@example.ru", "client2@example.ru");

        assertThatThrownBy(() -> new OutboxRecipient(recipients.get(0).client(), Optional.empty(), Channel.EMAIL, "Client0@Example.ru"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("address"));
        assertThatThrownBy(() -> OutboxRecipient.of(recipients.get(0).client(), Optional.empty(), Channel.EMAIL, "wqdqdas@sfgsr wert wert", "RU"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo("wqdqdas@sfgsr wert wert"));
        assertThatThrownBy(() -> crm.mailings().create(" ", Set.of(Channel.EMAIL), Purpose.MARKETING, ""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> crm.mailings().create("Звонки", Set.of(Channel.PHONE_CALL), Purpose.MARKETING, ""))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("channels");
                    assertThat(e.rejectedValue()).isEqualTo("PHONE_CALL");
                });
        Crm system = Crm.builder().storage(storage()).employees(STAFF).actor(Actor.system(tenant, "import")).build();
        assertThatThrownBy(() -> system.mailings().create("Без ответственного", Set.of(Channel.EMAIL), Purpose.MARKETING, ""))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("responsible");
                    assertThat(e.rejectedValue()).isEqualTo("import");
                });

        crm.mailings().cancel(mailing.id());
        assertThat(crm.mailings().statistics(mailing.id()).byReason()).containsEntry("cancelled", 3L);
        assertThatThrownBy(() -> crm.mailings().enqueue(mailing.id(), recipients))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThatThrownBy(() -> crm.mailings().start(mailing.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rejectedValue()).isEqualTo("CANCELLED"));
    }

    @Test
    void everyRecipientGetsOneMessageWhichGoesOnTheClientsHistoryAndTheMailingIsDone() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 7, Channel.EMAIL);
        Mailing mailing = started(crm, recipients, Channel.EMAIL);
        Provider provider = new Provider();
        var sender = crm.mailings().sender(outlets(provider), COMPOSER).withBatch(3);

        SendReport first = sender.sendDue(5);
        assertThat(first.claimed()).isEqualTo(5);
        assertThat(first.sent()).isEqualTo(5);
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.RUNNING);
        SendReport second = sender.sendDue(5);
        assertThat(second.sent()).isEqualTo(2);
        assertThat(sender.sendDue(5)).isEqualTo(SendReport.NOTHING);

        assertThat(provider.delivered()).isEqualTo(7);
        assertThat(provider.noneTwice()).isTrue();
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
        MailingStatistics stats = crm.mailings().statistics(mailing.id());
        assertThat(stats.count(OutboxState.SENT)).isEqualTo(7);
        List<OutboxEntry> entries = crm.mailings().entries(mailing.id(), Set.of(OutboxState.SENT), Optional.empty(), 100);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.providerMessageId()).contains("p-" + e.idempotencyKey());
            assertThat(e.updatedAt()).isEqualTo(clock.instant());
        });
        for (OutboxRecipient r : recipients) {
            List<Interaction> history = mailingHistory(crm, r);
            assertThat(history).hasSize(1);
            assertThat(history.get(0).kind()).isEqualTo(InteractionKind.EMAIL);
            assertThat(history.get(0).state()).isEqualTo(InteractionState.DONE);
            assertThat(history.get(0).responsible()).isEqualTo(ALEKSEEV);
            assertThat(history.get(0).content().orElseThrow()).contains(mailing.id().toString());
        }
    }

    @Test
    void pausedThreeTimesAndResumedTheMailingSendsEachRecipientOnce() {
        Crm crm = mailingCrm(new DealContract.HandClock());
        List<OutboxRecipient> recipients = audience(crm, 8, Channel.SMS);
        Mailing mailing = started(crm, recipients, Channel.SMS);
        Provider provider = new Provider();
        var sender = crm.mailings().sender(outlets(provider), COMPOSER);
        for (int round = 0; round < 3; round++) {
            sender.sendDue(2);
            crm.mailings().pause(mailing.id());
            assertThat(sender.sendDue(100).claimed()).as("paused: nothing claimed").isZero();
            assertThatThrownBy(() -> crm.mailings().pause(mailing.id())).isInstanceOf(ValidationException.class);
            crm.mailings().resume(mailing.id());
        }
        assertThat(provider.delivered()).isEqualTo(6);
        sender.sendDue(100);
        assertThat(provider.delivered()).isEqualTo(recipients.size());
        assertThat(provider.noneTwice()).isTrue();
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
    }

    @Test
    void temporaryFailuresBackOffHonouringRetryAfterAndDieAfterTheLastAttemptAPermanentOneTouchesNobodyElse() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 4, Channel.EMAIL);
        Mailing mailing = started(crm, recipients, Channel.EMAIL);
        Provider provider = new Provider();
        provider.scripted.put("client0@example.ru", call -> SendOutcome.temporary("421 busy", Duration.ofMinutes(10)));
        provider.scripted.put("client1@example.ru", call -> SendOutcome.permanent("550", "no such mailbox"));
        AtomicInteger flaky = new AtomicInteger();
        provider.scripted.put("client2@example.ru", call -> flaky.incrementAndGet() == 1 ? SendOutcome.temporary("451 later", Duration.ZERO)
                : SendOutcome.accepted("x", 1));
        var sender = crm.mailings().sender(outlets(provider), COMPOSER)
                .withRetry(RetryPolicy.of(3, Duration.ofSeconds(30), Duration.ofHours(1), 42));

        SendReport first = sender.sendDue(10);
        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.temporaryFailures()).isEqualTo(2);
        assertThat(first.permanentFailures()).isEqualTo(1);
        Map<String, OutboxEntry> byAddress = new java.util.HashMap<>();
        crm.mailings().entries(mailing.id(), Set.of(), Optional.empty(), 10).forEach(e -> byAddress.put(e.recipient().address(), e));
        Instant t0 = clock.instant();
        assertThat(byAddress.get("client0@example.ru").nextAttemptAt()).as("retryAfter exceeds the first backoff").contains(t0.plus(Duration.ofMinutes(10)));
        Instant flakyNext = byAddress.get("client2@example.ru").nextAttemptAt().orElseThrow();
        assertThat(flakyNext).as("equal jitter of 30 s").isBetween(t0.plusSeconds(15), t0.plusSeconds(30));
        assertThat(byAddress.get("client1@example.ru").reasonCode()).contains("550");

        assertThat(sender.sendDue(10).claimed()).as("not before the next attempt time").isZero();
        clock.advance(Duration.ofSeconds(31));
        SendReport second = sender.sendDue(10);
        assertThat(second.sent()).isEqualTo(1);
        assertThat(second.claimed()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(sender.sendDue(10).temporaryFailures()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        SendReport last = sender.sendDue(10);
        assertThat(last.dead()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(sender.sendDue(10).claimed()).isZero();

        MailingStatistics stats = crm.mailings().statistics(mailing.id());
        assertThat(stats.count(OutboxState.SENT)).isEqualTo(2);
        assertThat(stats.count(OutboxState.DEAD)).isEqualTo(1);
        assertThat(stats.count(OutboxState.PERMANENT_FAILURE)).isEqualTo(1);
        assertThat(stats.byReason()).containsEntry("550", 1L).containsEntry("max-attempts", 1L);
        assertThat(provider.deliveries.get("client3@example.ru").get()).as("the permanent failure re-sent nobody").isEqualTo(1);
        assertThat(provider.noneTwice()).isTrue();
        assertThat(crm.mailings().entries(mailing.id(), Set.of(OutboxState.DEAD), Optional.empty(), 10).get(0).attempts()).isEqualTo(3);
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
        assertThat(mailingHistory(crm, recipients.get(1))).as("a failure is not history").isEmpty();
    }

    /** Thrown by the probe: the sender "crashes" there. */
    static final class Halt extends RuntimeException {
        Halt() {
            super("halted by the test probe");
        }
    }

    @Test
    void aSenderHaltedAfterTheProviderAcceptedLeavesTheMessageUnknownNeverSentAgainUntilAReceiptOrAnOperatorResolvesIt() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 3, Channel.EMAIL);
        Mailing mailing = started(crm, recipients, Channel.EMAIL);
        Provider provider = new Provider();
        AtomicInteger answered = new AtomicInteger();
        var crashing = crm.mailings().sender(outlets(provider), COMPOSER).withLease(Duration.ofMinutes(1)).withProbe((boundary, entry) -> {
            if (boundary == SenderProbe.Boundary.PROVIDER_ANSWERED && answered.incrementAndGet() == 2) {
                throw new Halt();
            }
        });
        assertThatThrownBy(() -> crashing.sendDue(10)).isInstanceOf(Halt.class);
        assertThat(provider.delivered()).as("two accepted, nothing recorded").isEqualTo(2);
        assertThat(crm.mailings().statistics(mailing.id()).count(OutboxState.SENDING)).isEqualTo(3);

        Crm restarted = mailingCrm(clock);
        var sender = restarted.mailings().sender(outlets(provider), COMPOSER);
        assertThat(sender.sendDue(10).claimed()).as("the lease still holds").isZero();
        clock.advance(Duration.ofMinutes(2));
        SendReport after = sender.sendDue(10);
        assertThat(after.expired()).isEqualTo(3);
        assertThat(after.claimed()).isZero();
        assertThat(provider.delivered()).as("nothing sent twice, nothing sent blindly").isEqualTo(2);
        assertThat(restarted.mailings().statistics(mailing.id()).count(OutboxState.UNKNOWN)).isEqualTo(3);
        assertThat(restarted.mailings().find(mailing.id()).orElseThrow().state()).as("not done while entries are unknown")
                .isEqualTo(MailingState.RUNNING);

        List<OutboxEntry> unknown = restarted.mailings().entries(mailing.id(), Set.of(OutboxState.UNKNOWN), Optional.empty(), 10);
        assertThat(unknown).allSatisfy(e -> assertThat(e.reasonCode()).contains("lease-expired"));
        OutboxEntry first = unknown.get(0);
        assertThat(restarted.mailings().resolveUnknown(first.id(), Resolution.SENT).state()).isEqualTo(OutboxState.SENT);
        assertThat(mailingHistory(restarted, first.recipient())).hasSize(1);
        assertThatThrownBy(() -> restarted.mailings().resolveUnknown(first.id(), Resolution.NOT_SENT))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("state");
                    assertThat(e.rejectedValue()).isEqualTo("SENT");
                });
        assertThatThrownBy(() -> restarted.mailings().resolveUnknown(new org.crmkit.mailing.outbox.OutboxEntryId(java.util.UUID.randomUUID()),
                Resolution.SENT)).isInstanceOf(NotFoundException.class);

        OutboxEntry second = unknown.get(1);
        assertThat(restarted.mailings().receipt(new DeliveryReceipt("p-" + second.idempotencyKey(), DeliveryStatus.DELIVERED, clock.instant())))
                .as("the receipt names the provider's id; the outbox knew it only if the outcome was recorded").isZero();

        OutboxEntry third = unknown.get(2);
        OutboxEntry requeued = restarted.mailings().resolveUnknown(third.id(), Resolution.NOT_SENT);
        assertThat(requeued.state()).isEqualTo(OutboxState.PENDING);
        restarted.mailings().resolveUnknown(second.id(), Resolution.SENT);
        assertThat(sender.sendDue(10).sent()).as("the one an operator said was not sent goes again").isEqualTo(1);
        assertThat(provider.deliveries.get(third.recipient().address()).get()).as("it had not been accepted before").isEqualTo(1);
        assertThat(restarted.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
    }

    @Test
    void aLateSenderStillWritesTheOutcomeItSawOnAnEntryTurnedUnknownAndAReceiptResolvesAProviderUnknown() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 2, Channel.SMS);
        Mailing mailing = started(crm, recipients, Channel.SMS);
        Provider provider = new Provider();
        provider.scripted.put(recipients.get(1).address(), call -> SendOutcome.unknown("timeout after submit"));
        Crm other = mailingCrm(clock);
        var otherSender = other.mailings().sender(outlets(provider), COMPOSER);
        var slow = crm.mailings().sender(outlets(provider), COMPOSER).withLease(Duration.ofMinutes(1)).withProbe((boundary, entry) -> {
            if (boundary == SenderProbe.Boundary.PROVIDER_ANSWERED && entry.recipient().equals(recipients.get(0))) {
                clock.advance(Duration.ofMinutes(5));
                assertThat(otherSender.sendDue(10).expired()).as("another node finds the lease ended").isEqualTo(2);
            }
        });
        SendReport report = slow.sendDue(10);
        assertThat(report.sent()).as("the outcome it saw is still written: its token is on the entry").isEqualTo(1);
        assertThat(report.unknown()).isEqualTo(1);
        MailingStatistics stats = crm.mailings().statistics(mailing.id());
        assertThat(stats.count(OutboxState.SENT)).isEqualTo(1);
        assertThat(stats.count(OutboxState.UNKNOWN)).isEqualTo(1);
        assertThat(stats.byReason()).containsEntry("provider-unknown", 1L);

        OutboxEntry unknown = crm.mailings().entries(mailing.id(), Set.of(OutboxState.UNKNOWN), Optional.empty(), 10).get(0);
        assertThat(unknown.providerMessageId()).isEmpty();
        OutboxEntry sent = crm.mailings().entries(mailing.id(), Set.of(OutboxState.SENT), Optional.empty(), 10).get(0);
        assertThat(crm.mailings().receipt(new DeliveryReceipt(sent.providerMessageId().orElseThrow(), DeliveryStatus.DELIVERED, clock.instant())))
                .isEqualTo(1);
        assertThat(crm.mailings().statistics(mailing.id()).byDelivery()).containsEntry(DeliveryStatus.DELIVERED, 1L);
        assertThat(crm.mailings().receipt(new DeliveryReceipt("never-seen", DeliveryStatus.DELIVERED, clock.instant()))).isZero();
        assertThat(provider.noneTwice()).isTrue();
    }

    @Test
    void anUnknownSmsIsResubmittedWithTheSameKeyOnlyToAGatewayThatDeclaresIdempotentResubmission() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 3, Channel.SMS);
        Mailing mailing = started(crm, recipients, Channel.SMS);
        Provider provider = new Provider();
        provider.capabilities = SmsCapabilities.builder().idempotentResubmission(true).build();
        var crashing = crm.mailings().sender(outlets(provider), COMPOSER).withLease(Duration.ofMinutes(1)).withProbe((boundary, entry) -> {
            if (boundary == SenderProbe.Boundary.PROVIDER_ANSWERED) {
                throw new Halt();
            }
        });
        assertThatThrownBy(() -> crashing.sendDue(10)).isInstanceOf(Halt.class);
        assertThat(provider.delivered()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        SendReport after = mailingCrm(clock).mailings().sender(outlets(provider), COMPOSER).sendDue(10);
        assertThat(after.expired()).isEqualTo(3);
        assertThat(after.sent()).as("resubmitted with the same keys").isEqualTo(3);
        assertThat(provider.delivered()).as("the gateway sent the first one once").isEqualTo(3);
        assertThat(provider.noneTwice()).isTrue();
        assertThat(provider.keys.stream().distinct().count()).isEqualTo(3);
        assertThat(provider.keys).hasSize(4);
        assertThat(crm.mailings().statistics(mailing.id()).count(OutboxState.SENT)).isEqualTo(3);
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
    }

    @Test
    void twoSendersAtOnceOnOneMailingSendEveryMessageOnce() throws Exception {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 40, Channel.EMAIL);
        Mailing mailing = started(crm, recipients, Channel.EMAIL);
        Provider provider = new Provider();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> nodes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                var sender = mailingCrm(clock).mailings().sender(outlets(provider), COMPOSER).withBatch(2);
                nodes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int claimed = 0;
                    for (int i = 0; i < 40; i++) {
                        claimed += sender.sendDue(3).claimed();
                    }
                    return claimed;
                }));
            }
            int claimed = 0;
            for (Future<Integer> f : nodes) {
                claimed += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(claimed).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(provider.delivered()).isEqualTo(40);
        assertThat(provider.noneTwice()).isTrue();
        assertThat(crm.mailings().statistics(mailing.id()).count(OutboxState.SENT)).isEqualTo(40);
    }

    @Test
    void consentWithdrawnAfterEnqueueingCancelsTheMessageAtSendTime() {
        Crm crm = mailingCrm(new DealContract.HandClock());
        List<OutboxRecipient> recipients = audience(crm, 3, Channel.EMAIL);
        Mailing mailing = started(crm, recipients, Channel.EMAIL);
        ConsentKey key = crm.consents().key(ConsentSubject.client(recipients.get(1).client()), Channel.EMAIL, Purpose.MARKETING,
                recipients.get(1).address());
        crm.consents().withdraw(key, ConsentSource.PAPER, FORM);
        Provider provider = new Provider();
        SendReport report = crm.mailings().sender(outlets(provider), COMPOSER).sendDue(10);
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.noConsent()).isEqualTo(1);
        assertThat(provider.deliveries).doesNotContainKey(recipients.get(1).address());
        assertThat(crm.mailings().statistics(mailing.id()).byReason()).containsEntry("no-consent", 1L);
        assertThat(crm.mailings().entries(mailing.id(), Set.of(OutboxState.CANCELLED), Optional.empty(), 10))
                .extracting(OutboxEntry::recipient).containsExactly(recipients.get(1));
        assertThat(mailingHistory(crm, recipients.get(1))).isEmpty();
    }

    @Test
    void aMailingScheduledLongAgoAndNeverStartedIsNotSentOnStartUp() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 2, Channel.EMAIL);
        Mailing mailing = crm.mailings().create("Забытая", Set.of(Channel.EMAIL), Purpose.MARKETING, "");
        crm.mailings().enqueue(mailing.id(), recipients);
        Mailing scheduled = crm.mailings().schedule(mailing.id(), clock.instant().plus(Duration.ofDays(1)));
        assertThat(scheduled.state()).isEqualTo(MailingState.SCHEDULED);
        clock.advance(Duration.ofDays(400));
        Provider provider = new Provider();
        assertThat(mailingCrm(clock).mailings().sender(outlets(provider), COMPOSER).sendDue(10)).isEqualTo(SendReport.NOTHING);
        assertThat(provider.calls.get()).isZero();
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.SCHEDULED);
    }

    @Test
    void theRateLimitOfAGatewayHoldsOnTheCrmClockWithoutSleeping() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 12, Channel.SMS);
        Mailing mailing = started(crm, recipients, Channel.SMS);
        Provider provider = new Provider();
        provider.capabilities = SmsCapabilities.builder().maxMessagesPerSecond(5).build();
        var sender = crm.mailings().sender(outlets(provider), COMPOSER);
        SendReport first = sender.sendDue(100);
        assertThat(first.sent()).isEqualTo(5);
        assertThat(first.throttled()).isPositive();
        assertThat(sender.sendDue(100).claimed()).as("the bucket is empty until the clock moves").isZero();
        clock.advance(Duration.ofMillis(400));
        assertThat(sender.sendDue(100).sent()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        assertThat(sender.sendDue(100).sent()).as("a burst is one second's worth").isEqualTo(5);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDue(100).sent()).isZero();
        assertThat(provider.delivered()).isEqualTo(12);
        assertThat(crm.mailings().statistics(mailing.id()).count(OutboxState.SENT)).isEqualTo(12);
    }

    @Test
    void cancellingAMailingCancelsItsPendingEntriesWhileAnEntryBeingSentFinishes() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        List<OutboxRecipient> recipients = audience(crm, 4, Channel.EMAIL);
        Mailing mailing = started(crm, recipients, Channel.EMAIL);
        Provider provider = new Provider();
        var sender = crm.mailings().sender(outlets(provider), COMPOSER).withProbe((boundary, entry) -> {
            if (boundary == SenderProbe.Boundary.BEFORE_SEND && entry.recipient().equals(recipients.get(0))) {
                crm.mailings().cancel(mailing.id());
            }
        });
        SendReport report = sender.sendDue(1);
        assertThat(report.sent()).isEqualTo(1);
        MailingStatistics stats = crm.mailings().statistics(mailing.id());
        assertThat(stats.count(OutboxState.SENT)).isEqualTo(1);
        assertThat(stats.count(OutboxState.CANCELLED)).isEqualTo(3);
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.CANCELLED);
        assertThat(sender.sendDue(10)).isEqualTo(SendReport.NOTHING);
        assertThat(provider.delivered()).isEqualTo(1);
    }

    @Test
    void aComposerThatFailsMakesAPermanentFailureAndSendsNothing() {
        Crm crm = mailingCrm(new DealContract.HandClock());
        List<OutboxRecipient> recipients = audience(crm, 2, Channel.EMAIL);
        Mailing mailing = started(crm, recipients, Channel.EMAIL);
        Provider provider = new Provider();
        MessageComposer broken = new MessageComposer() {
            @Override
            public EmailMessage email(Mailing m, OutboxEntry e, String key) {
                if (e.recipient().equals(recipients.get(0))) {
                    throw new IllegalStateException("unknown variable {{discount}}");
                }
                return COMPOSER.email(m, e, key);
            }

            @Override
            public SmsMessage sms(Mailing m, OutboxEntry e, String key) {
                return COMPOSER.sms(m, e, key);
            }
        };
        SendReport report = crm.mailings().sender(outlets(provider), broken).sendDue(10);
        assertThat(report.permanentFailures()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(1);
        OutboxEntry failed = crm.mailings().entries(mailing.id(), Set.of(OutboxState.PERMANENT_FAILURE), Optional.empty(), 10).get(0);
        assertThat(failed.reasonCode()).contains("compose");
        assertThat(failed.reason().orElseThrow()).contains("{{discount}}");
        assertThat(provider.delivered()).isEqualTo(1);
        assertThatThrownBy(() -> crm.mailings().sender(outlets(provider), broken).sendDue(0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxMessages"));
        assertThat(Collections.<String>emptyList()).isEmpty();
    }

    @Test
    void resolvingAMailingFillsItsOutboxPageByPageRecordsEveryExclusionWithItsReasonAndNeverDoubles() {
        Crm crm = mailingCrm(new DealContract.HandClock());
        Client tax = crm.clients().register(NewClient.legalEntity("Налоговая инспекция"));
        grantEmail(crm, tax, Optional.of(person(crm, tax, "Светикова", "Светлана", "Андреевна", "info@gorod.ru")), "info@gorod.ru");
        Client alkhimov = crm.clients().register(NewClient.individual("Алхимов А.А."));
        grantEmail(crm, alkhimov, Optional.of(person(crm, alkhimov, "Алхимов", "Андрей", "Андреевич", "ad@erw.ru")), "ad@erw.ru");
        Client landlord = crm.clients().register(NewClient.legalEntity("Арендодатель"));
        grantEmail(crm, landlord, Optional.of(person(crm, landlord, "Захарова", "Юлия", "Владимировна", "ad@erw.ru")), "ad@erw.ru");
        Client ivanochkin = crm.clients().register(NewClient.individual("Иваночкин"));
        person(crm, ivanochkin, "Иваночкин", "Иван", "Ильич", "wqdqdas@sfgsr wert wert");
        Client conditioners = crm.clients().register(NewClient.legalEntity("Мир кондиционеров"));
        RecipientQuery query = RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS, ChannelChoice.only(Channel.EMAIL))
                .withPageSize(2);
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(Channel.EMAIL), Purpose.MARKETING, "все клиенты");

        MailingResolution first = crm.mailings().resolve(mailing.id(), query);

        assertThat(first.enqueued()).isEqualTo(2);
        assertThat(first.exclusionsRecorded()).isEqualTo(3);
        assertThat(first.resolution().pages()).isEqualTo(3);
        assertThat(crm.mailings().entries(mailing.id(), Set.of(), Optional.empty(), 10)).extracting(e -> e.recipient().address())
                .containsExactlyInAnyOrder("info@gorod.ru", "ad@erw.ru");
        List<Exclusion> excluded = crm.mailings().exclusions(mailing.id(), 0, 10);
        assertThat(excluded).extracting(Exclusion::reason).containsExactlyInAnyOrder(ExclusionReason.DUPLICATE_ADDRESS,
                ExclusionReason.INVALID_ADDRESS, ExclusionReason.NO_CONTACT_PERSON);
        assertThat(excluded).extracting(e -> e.client().value()).isSortedAccordingTo(org.crmkit.common.SortOrder.UUIDS);
        Exclusion invalid = excluded.stream().filter(e -> e.reason() == ExclusionReason.INVALID_ADDRESS).findFirst().orElseThrow();
        assertThat(invalid.client()).isEqualTo(ivanochkin.id());
        assertThat(invalid.displayName()).isEqualTo("Иваночкин Иван Ильич");
        assertThat(invalid.address()).contains("wqdqdas@sfgsr wert wert");
        assertThat(invalid.channel()).contains(Channel.EMAIL);
        assertThat(invalid.person()).isPresent();
        Exclusion noPerson = excluded.stream().filter(e -> e.reason() == ExclusionReason.NO_CONTACT_PERSON).findFirst().orElseThrow();
        assertThat(noPerson.client()).isEqualTo(conditioners.id());
        assertThat(noPerson.channel()).isEmpty();
        assertThat(noPerson.person()).isEmpty();
        Exclusion duplicate = excluded.stream().filter(e -> e.reason() == ExclusionReason.DUPLICATE_ADDRESS).findFirst().orElseThrow();
        assertThat(duplicate.address()).contains("ad@erw.ru");
        assertThat(duplicate.client()).isIn(alkhimov.id(), landlord.id());
        assertThat(duplicate.note()).isPresent();
        assertThat(crm.mailings().exclusions(mailing.id(), 1, 1)).containsExactly(excluded.get(1));
        assertThat(crm.mailings().exclusions(mailing.id(), 3, 10)).isEmpty();
        MailingStatistics stats = crm.mailings().statistics(mailing.id());
        assertThat(stats.total()).isEqualTo(2);
        assertThat(stats.excluded(ExclusionReason.DUPLICATE_ADDRESS)).isEqualTo(1);
        assertThat(stats.excluded(ExclusionReason.INVALID_ADDRESS)).isEqualTo(1);
        assertThat(stats.excluded(ExclusionReason.NO_CONTACT_PERSON)).isEqualTo(1);
        assertThat(stats.excluded(ExclusionReason.NO_CONSENT)).isZero();

        MailingResolution again = crm.mailings().resolve(mailing.id(), query.withPageSize(500));
        assertThat(again.enqueued()).isZero();
        assertThat(again.exclusionsRecorded()).isZero();
        assertThat(again.resolution().recipients()).isEqualTo(2);
        assertThat(crm.mailings().statistics(mailing.id()).total()).isEqualTo(2);
        assertThat(crm.mailings().exclusions(mailing.id(), 0, 10)).isEqualTo(excluded);

        // a newcomer is added by the next resolution, nothing else
        Client newcomer = crm.clients().register(NewClient.legalEntity("Новосёл"));
        grantEmail(crm, newcomer, Optional.of(person(crm, newcomer, "Новиков", "Никита", null, "new@erw.ru")), "new@erw.ru");
        assertThat(crm.mailings().resolve(mailing.id(), query).enqueued()).isEqualTo(1);
        assertThat(crm.mailings().statistics(mailing.id()).total()).isEqualTo(3);

        // sent: every enqueued recipient exactly once
        crm.mailings().start(mailing.id());
        Provider provider = new Provider();
        crm.mailings().sender(outlets(provider), COMPOSER).sendDue(100);
        assertThat(provider.deliveries.keySet()).containsExactlyInAnyOrder("info@gorod.ru", "ad@erw.ru", "new@erw.ru");
        assertThat(provider.noneTwice()).isTrue();
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
        assertThatThrownBy(() -> crm.mailings().resolve(mailing.id(), query))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("state"));
    }

    @Test
    void resolvingAMailingRefusesBadInputNamingTheFieldAndWritesNothing() {
        Crm crm = mailingCrm(new DealContract.HandClock());
        Client tax = crm.clients().register(NewClient.legalEntity("Налоговая инспекция"));
        grantEmail(crm, tax, Optional.of(person(crm, tax, "Светикова", "Светлана", "Андреевна", "info@gorod.ru")), "info@gorod.ru");
        crm.clients().register(NewClient.legalEntity("Мир кондиционеров"));
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(Channel.EMAIL), Purpose.MARKETING, "все клиенты");
        RecipientQuery query = RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS, ChannelChoice.only(Channel.EMAIL));
        assertThatThrownBy(() -> crm.mailings().resolve(mailing.id(), query.forPurpose(Purpose.SERVICE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("query.purpose");
                    assertThat(e.rejectedValue()).isEqualTo("service");
                });
        assertThatThrownBy(() -> crm.mailings().resolve(mailing.id(), RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CLIENT,
                ChannelChoice.preferred(Channel.EMAIL)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("query.channels"));
        assertThatThrownBy(() -> crm.mailings().resolve(mailing.id(), RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CLIENT,
                ChannelChoice.only(Channel.SMS)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("query.channels"));
        assertThatThrownBy(() -> crm.mailings().exclusions(mailing.id(), -1, 10))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("offset"));
        assertThatThrownBy(() -> crm.mailings().exclusions(mailing.id(), 0, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("max"));
        assertThatThrownBy(() -> crm.mailings().resolve(new org.crmkit.mailing.MailingId(java.util.UUID.randomUUID()), query))
                .isInstanceOf(NotFoundException.class);
        MailingStatistics nothing = crm.mailings().statistics(mailing.id());
        assertThat(nothing.total()).isZero();
        assertThat(nothing.excluded()).isEmpty();
        crm.mailings().cancel(mailing.id());
        assertThatThrownBy(() -> crm.mailings().resolve(mailing.id(), query))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThat(crm.mailings().exclusions(mailing.id(), 0, 10)).isEmpty();
    }

    @Test
    void aMailingOwnsItsTemplatesAndItsSenderPersonalisesEveryMessageWithOneClickUnsubscribe() {
        DealContract.HandClock clock = new DealContract.HandClock();
        Crm crm = mailingCrm(clock);
        Client ivanochkin = crm.clients().register(NewClient.individual("Иваночкин"));
        ContactPerson ivan = person(crm, ivanochkin, "Иваночкин", "Иван", "Ильич", "ivan@erw.ru", "+79161234567");
        grantEmail(crm, ivanochkin, Optional.of(ivan), "ivan@erw.ru");
        crm.consents().grant(crm.consents().key(ConsentSubject.contactPerson(ivanochkin.id(), ivan.id()), Channel.SMS, Purpose.MARKETING,
                "+79161234567"), ConsentSource.PAPER, FORM);
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(Channel.EMAIL, Channel.SMS), Purpose.MARKETING, "все клиенты");
        crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().email("Сезонная скидка - не пропустите!",
                "Добрый день, {{person.firstName}}!\nВаш менеджер {{sender.name}}", "<p>Добрый день, {{person.firstName}}!</p>"));
        crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().sms("{{person.firstName}}, скидка для {{client.shortName}}"));
        assertThat(crm.mailings().templates(mailing.id())).extracting(org.crmkit.mailing.template.MessageTemplate::channel)
                .containsExactly(Channel.EMAIL, Channel.SMS);
        // replaced, not added
        crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().sms("{{person.firstName}}, скидка для {{client.shortName}}!"));
        assertThat(crm.mailings().templates(mailing.id())).hasSize(2);
        crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().email("Сезонная скидка - не пропустите!",
                "Добрый день, {{person.firstName}}!\nВаш менеджер {{sender.name}}", "<p>Добрый день, {{person.firstName}}!</p>"));
        RecipientQuery email = RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS, ChannelChoice.only(Channel.EMAIL));
        RecipientQuery sms = RecipientQuery.of(Audience.ofRule(Criterion.all()), Addressee.CONTACT_PERSONS, ChannelChoice.only(Channel.SMS));
        assertThat(crm.mailings().resolve(mailing.id(), email).enqueued()).isEqualTo(1);
        assertThat(crm.mailings().resolve(mailing.id(), sms).enqueued()).isEqualTo(1);
        crm.mailings().start(mailing.id());

        List<EmailMessage> mails = new CopyOnWriteArrayList<>();
        List<SmsMessage> texts = new CopyOnWriteArrayList<>();
        EmailSender mailbox = new EmailSender() {
            @Override
            public SendOutcome send(EmailMessage message) {
                mails.add(message);
                return SendOutcome.accepted("m-" + mails.size(), 1);
            }

            @Override
            public void close() {
            }
        };
        SmsGateway gateway = new SmsGateway() {
            @Override
            public SendOutcome send(SmsMessage message) {
                texts.add(message);
                return SendOutcome.accepted("s-" + texts.size(), 1);
            }

            @Override
            public void close() {
            }
        };
        UnsubscribeTokens tokens = UnsubscribeTokens.of(SigningKeys.current(SigningKey.of("2026-12",
                "a mailing key of thirty-two byte".getBytes(java.nio.charset.StandardCharsets.UTF_8))), Duration.ofDays(60), clock);
        SenderSettings settings = new SenderSettings(Mailbox.of("shop@example.ru"), "Shop", tokens,
                UnsubscribeHeaders.of("https://crm.example.ru/u/", "unsubscribe@example.ru"));
        crm.mailings().sender(Outlets.builder().email(mailbox).sms(gateway).build(), settings).sendDue(10);

        assertThat(mails).hasSize(1);
        EmailMessage mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("Сезонная скидка - не пропустите!");
        assertThat(mail.text()).contains("Добрый день, Иван!\nВаш менеджер Алексеев");
        assertThat(mail.html()).contains("<p>Добрый день, Иван!</p>");
        assertThat(mail.to()).extracting(Mailbox::address).containsExactly("ivan@erw.ru");
        assertThat(mail.header(UnsubscribeHeaders.LIST_UNSUBSCRIBE_POST)).contains(UnsubscribeHeaders.ONE_CLICK);
        String list = mail.header(UnsubscribeHeaders.LIST_UNSUBSCRIBE).orElseThrow();
        assertThat(list).startsWith("<https://crm.example.ru/u/");
        String token = list.substring("<https://crm.example.ru/u/".length(), list.indexOf('>'));
        assertThat(texts).extracting(SmsMessage::text).containsExactly("Иван, скидка для Иваночкин!");
        assertThat(texts).extracting(SmsMessage::destination).containsExactly("+79161234567");

        ConsentKey key = crm.consents().key(ConsentSubject.contactPerson(ivanochkin.id(), ivan.id()), Channel.EMAIL, Purpose.MARKETING,
                "ivan@erw.ru");
        assertThat(crm.consents().unsubscribe(tokens.verify(tenant, token)).changed()).isTrue();
        assertThat(crm.consents().status(key).standing()).isEqualTo(org.crmkit.consent.Standing.WITHDRAWN);
    }

    @Test
    void aMailingsTemplatesRefuseBadInputNamingTheFieldAndStoreNothing() {
        Crm crm = mailingCrm(new DealContract.HandClock());
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(Channel.EMAIL), Purpose.MARKETING, "все клиенты");
        assertThatThrownBy(() -> crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().sms("Скидка")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("template.channel");
                    assertThat(e.rejectedValue()).isEqualTo("SMS");
                });
        assertThatThrownBy(() -> crm.mailTemplates().email("Скидка\r\nBcc: all@example.ru", "x", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        assertThat(crm.mailings().templates(mailing.id())).isEmpty();
        assertThatThrownBy(() -> new SenderSettings(Mailbox.of("shop@example.ru"), "Shop\r\n", UnsubscribeTokens.of(SigningKeys.current(
                SigningKey.of("k", new byte[32])), Duration.ofDays(1), java.time.Clock.systemUTC()),
                UnsubscribeHeaders.of("https://crm.example.ru/u/", "unsubscribe@example.ru")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("smsSource"));
        crm.mailings().cancel(mailing.id());
        assertThatThrownBy(() -> crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().email("Скидка", "x", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThat(crm.mailings().templates(mailing.id())).isEmpty();
    }
}
