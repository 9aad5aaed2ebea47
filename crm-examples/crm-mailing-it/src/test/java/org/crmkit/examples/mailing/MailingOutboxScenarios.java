package org.crmkit.examples.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.TenantId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.employee.Employee;
import org.crmkit.employee.EmployeeDirectory;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.mailing.Mailing;
import org.crmkit.mailing.MailingSender;
import org.crmkit.mailing.MailingState;
import org.crmkit.mailing.outbox.MessageComposer;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.mailing.outbox.OutboxRecipient;
import org.crmkit.mailing.outbox.OutboxState;
import org.crmkit.mailing.outbox.Outlets;
import org.crmkit.mailing.outbox.Resolution;
import org.crmkit.mailing.outbox.SenderProbe;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.Mailbox;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.messaging.smtp.SmtpEmailSenderProvider;
import org.crmkit.messaging.smtp.SmtpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mailing outbox through the real SMTP plugin to a real SMTP server (GreenMail), on a database, counted
 * on the server side: a sender halted at each of its boundaries and "restarted" (a new storage and Crm over
 * the same database) sends nobody a message twice, leaves at most one call's window unknown, and after an
 * operator resolves the unknown ones by what the server got, every recipient has exactly one message; two
 * senders at once on one mailing send every message once.
 */
abstract class MailingOutboxScenarios {
    private static final EmployeeId ALEKSEEV = EmployeeId.of("alekseev");
    private static final EmployeeDirectory STAFF = EmployeeDirectory.of(List.of(Employee.of("alekseev", "Алексеев", "sales")));
    private static final int WINDOW = 5;

    /** A new storage over the database of this test class (the same data each time). */
    abstract JpaStorage open();

    /** Whether two storages may be open on the database at once (PostgreSQL: two host nodes; an H2 file: one). */
    abstract boolean twoNodes();

    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

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

    static final class Halt extends RuntimeException {
        Halt() {
            super("halted by the test probe");
        }
    }

    static final MessageComposer COMPOSER = new MessageComposer() {
        @Override
        public EmailMessage email(Mailing mailing, OutboxEntry entry, String idempotencyKey) {
            return EmailMessage.builder().idempotencyKey(idempotencyKey).from(Mailbox.of("shop@example.ru"))
                    .to(Mailbox.of(entry.recipient().address())).subject("Сезонная скидка - не пропустите!")
                    .text("Добрый день! " + mailing.name()).build();
        }

        @Override
        public SmsMessage sms(Mailing mailing, OutboxEntry entry, String idempotencyKey) {
            throw new UnsupportedOperationException("e-mail only");
        }
    };

    private final MovingClock clock = new MovingClock();
    private final TenantId tenant = TenantId.of("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    private final List<AutoCloseable> open = new ArrayList<>();
    private GreenMail server;

    @BeforeEach
    void startServer() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.stop();
    }

    private JpaStorage storage() {
        JpaStorage storage = open();
        open.add(storage);
        return storage;
    }

    private Crm crm(JpaStorage storage) {
        return Crm.builder().storage(storage).clock(clock).employees(STAFF).actor(Actor.employee(tenant, ALEKSEEV)).build();
    }

    private EmailSender smtp() {
        EmailSender sender = new SmtpEmailSenderProvider().create(ProviderConfig.of(Map.of(SmtpSettings.HOST, "127.0.0.1",
                SmtpSettings.PORT, Integer.toString(server.getSmtp().getPort()), SmtpSettings.SECURITY, "none",
                SmtpSettings.HELO_NAME, "crmkit.test")));
        open.add(sender);
        return sender;
    }

    private static List<OutboxRecipient> audience(Crm crm, int n) {
        List<OutboxRecipient> recipients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = "client" + i + "@example.ru";
            Client client = crm.clients().register(NewClient.legalEntity("Клиент " + i).contact(ContactType.EMAIL, email));
            crm.consents().grant(crm.consents().key(ConsentSubject.client(client.id()), Channel.EMAIL, Purpose.MARKETING, email),
                    ConsentSource.PAPER, Proof.of("form", "1"));
            recipients.add(OutboxRecipient.of(client.id(), Optional.empty(), Channel.EMAIL, email, "RU"));
        }
        return recipients;
    }

    private static Mailing started(Crm crm, List<OutboxRecipient> recipients) {
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(Channel.EMAIL), Purpose.MARKETING, "kitchen furniture");
        crm.mailings().enqueue(mailing.id(), recipients);
        return crm.mailings().start(mailing.id());
    }

    /** How many messages each address received, as the server saw them. */
    private Map<String, Integer> received() throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                counts.merge(a.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @ParameterizedTest
    @EnumSource(SenderProbe.Boundary.class)
    void aSenderHaltedAtABoundaryAndRestartedSendsNobodyTwiceAndLeavesAtMostItsWindowUnknown(SenderProbe.Boundary boundary) throws Exception {
        JpaStorage first = storage();
        Crm crm = crm(first);
        List<OutboxRecipient> recipients = audience(crm, 12);
        Mailing mailing = started(crm, recipients);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        MailingSender crashing = crm.mailings().sender(Outlets.builder().email(smtp()).build(), COMPOSER).withLease(Duration.ofMinutes(1))
                .withBatch(WINDOW).withProbe((at, entry) -> {
                    if (at == boundary && calls.get() == 2 && seen.incrementAndGet() == 2 - (at == SenderProbe.Boundary.RECORDED ? 1 : 0)) {
                        throw new Halt();
                    }
                });
        calls.set(1);
        assertThat(crashing.sendDue(WINDOW).sent()).isEqualTo(WINDOW);
        calls.set(2);
        assertThatThrownBy(() -> crashing.sendDue(WINDOW)).isInstanceOf(Halt.class);
        int beforeRestart = server.getReceivedMessages().length;
        first.close();
        open.remove(first);

        clock.advance(Duration.ofMinutes(2));
        Crm restarted = crm(storage());
        MailingSender sender = restarted.mailings().sender(Outlets.builder().email(smtp()).build(), COMPOSER).withBatch(WINDOW);
        while (sender.sendDue(WINDOW).claimed() > 0) {
            // until nothing is due
        }
        Map<String, Integer> got = received();
        assertThat(got.values()).as("nobody received a message twice").allMatch(n -> n == 1);
        List<OutboxEntry> unknown = restarted.mailings().entries(mailing.id(), Set.of(OutboxState.UNKNOWN), Optional.empty(), 100);
        assertThat(unknown.size()).as("at most the halted call's window is unknown").isLessThanOrEqualTo(WINDOW);
        if (boundary == SenderProbe.Boundary.RECORDED) {
            assertThat(unknown).as("the batch was committed before the halt").isEmpty();
        } else {
            assertThat(unknown).hasSize(WINDOW);
        }
        for (OutboxRecipient r : recipients) {
            boolean isUnknown = unknown.stream().anyMatch(e -> e.recipient().equals(r));
            assertThat(got.containsKey(r.address()) || isUnknown).as(r.address() + " received it or is unknown").isTrue();
        }
        assertThat(server.getReceivedMessages().length - beforeRestart).as("the restart sent only what was never claimed")
                .isEqualTo(12 - 2 * WINDOW);

        for (OutboxEntry e : unknown) {
            restarted.mailings().resolveUnknown(e.id(), got.containsKey(e.recipient().address()) ? Resolution.SENT : Resolution.NOT_SENT);
        }
        while (sender.sendDue(WINDOW).claimed() > 0) {
            // the ones an operator said were not sent
        }
        Map<String, Integer> finally_ = received();
        assertThat(finally_).hasSize(12);
        assertThat(finally_.values()).allMatch(n -> n == 1);
        assertThat(restarted.mailings().statistics(mailing.id()).count(OutboxState.SENT)).isEqualTo(12);
        assertThat(restarted.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
        for (OutboxRecipient r : recipients) {
            assertThat(restarted.interactions().history(r.client())).as("one interaction per message on " + r.address()).hasSize(1);
        }
    }

    @Test
    void twoSendersAtOnceOnOneMailingSendEveryMessageOnceAsTheServerCountsThem() throws Exception {
        JpaStorage one = storage();
        Crm crm = crm(one);
        List<OutboxRecipient> recipients = audience(crm, 30);
        Mailing mailing = started(crm, recipients);
        List<MailingSender> nodes = List.of(crm.mailings().sender(Outlets.builder().email(smtp()).build(), COMPOSER).withBatch(2),
                crm(twoNodes() ? storage() : one).mailings().sender(Outlets.builder().email(smtp()).build(), COMPOSER).withBatch(2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> runs = new ArrayList<>();
            for (MailingSender node : nodes) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int claimed = 0;
                    for (int i = 0; i < 30; i++) {
                        claimed += node.sendDue(3).claimed();
                    }
                    return claimed;
                }));
            }
            int claimed = 0;
            for (Future<Integer> run : runs) {
                claimed += run.get(120, TimeUnit.SECONDS);
            }
            assertThat(claimed).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> got = received();
        assertThat(got).hasSize(30);
        assertThat(got.values()).allMatch(n -> n == 1);
        assertThat(crm.mailings().statistics(mailing.id()).count(OutboxState.SENT)).isEqualTo(30);
    }

    /** The text of a part (a multipart's parts joined), as a reader sees it, decoded. */
    private static String textOf(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart) {
            jakarta.mail.Multipart multi = (jakarta.mail.Multipart) content;
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(textOf(multi.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return content instanceof String ? (String) content : "";
    }

    private static org.crmkit.client.ContactPerson person(Crm crm, Client client, String surname, String first, String patronymic,
                                                        org.crmkit.client.ContactType type, String contact) {
        return crm.contactPersons().add(client.id(), org.crmkit.client.PersonName.of(surname, first, patronymic),
                p -> p.addContact(org.crmkit.client.ContactEntry.parse(type, contact, "RU")));
    }

    @Test
    void aResolvedMailingReachesTheSmtpServerPersonalisedWithOneClickUnsubscribeAndListsItsExclusions() throws Exception {
        Crm crm = crm(storage());
        Client pitersoft = crm.clients().register(NewClient.legalEntity("Питерсофт"));
        org.crmkit.client.ContactPerson ivan = person(crm, pitersoft, "Сидоров", "Иван", "Петрович", ContactType.EMAIL, "ivan@pitersoft.ru");
        Client alkhimov = crm.clients().register(NewClient.individual("Алхимов А.А."));
        org.crmkit.client.ContactPerson andrey = person(crm, alkhimov, "Алхимов", "Андрей", "Андреевич", ContactType.EMAIL, "ad@erw.ru");
        Client landlord = crm.clients().register(NewClient.legalEntity("Арендодатель"));
        org.crmkit.client.ContactPerson yulia = person(crm, landlord, "Захарова", "Юлия", "Владимировна", ContactType.EMAIL, "ad@erw.ru");
        Client ivanochkin = crm.clients().register(NewClient.individual("Иваночкин"));
        person(crm, ivanochkin, "Иваночкин", "Иван", "Ильич", ContactType.OTHER, "wqdqdas@sfgsr wert wert");
        for (Object[] who : new Object[][] {{pitersoft, ivan, "ivan@pitersoft.ru"}, {alkhimov, andrey, "ad@erw.ru"}, {landlord, yulia, "ad@erw.ru"}}) {
            crm.consents().grant(crm.consents().key(ConsentSubject.contactPerson(((Client) who[0]).id(), ((org.crmkit.client.ContactPerson) who[1]).id()),
                    Channel.EMAIL, Purpose.MARKETING, (String) who[2]), ConsentSource.PAPER, Proof.of("form", "1"));
        }
        Mailing mailing = crm.mailings().create("Сезонная скидка", Set.of(Channel.EMAIL), Purpose.MARKETING, "все клиенты");
        crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().email("Сезонная скидка - не пропустите!",
                "Добрый день, {{person.firstName}}!\nСкидка 30 % на кухонную мебель.", null));
        org.crmkit.mailing.recipient.RecipientQuery query = org.crmkit.mailing.recipient.RecipientQuery.of(
                org.crmkit.mailing.recipient.Audience.ofRule(org.crmkit.criteria.Criterion.all()),
                org.crmkit.mailing.recipient.Addressee.CONTACT_PERSONS,
                org.crmkit.mailing.recipient.ChannelChoice.only(Channel.EMAIL)).withPageSize(2);
        assertThat(crm.mailings().resolve(mailing.id(), query).enqueued()).isEqualTo(2);
        assertThat(crm.mailings().resolve(mailing.id(), query).enqueued()).as("resolving twice doubles nothing").isZero();
        crm.mailings().start(mailing.id());
        org.crmkit.consent.UnsubscribeTokens tokens = org.crmkit.consent.UnsubscribeTokens.of(org.crmkit.consent.SigningKeys.current(
                org.crmkit.consent.SigningKey.of("2026-12", "a mailing key of thirty-two byte".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                Duration.ofDays(60), clock);
        org.crmkit.mailing.SenderSettings settings = new org.crmkit.mailing.SenderSettings(Mailbox.of("shop@example.ru"), "Shop", tokens,
                org.crmkit.consent.UnsubscribeHeaders.of("https://crm.example.ru/u/", "unsubscribe@example.ru"));
        MailingSender sender = crm.mailings().sender(Outlets.builder().email(smtp()).build(), settings);
        assertThat(sender.sendDue(10).sent()).isEqualTo(2);
        assertThat(sender.sendDue(10).sent()).isZero();

        assertThat(received()).containsOnly(Map.entry("ivan@pitersoft.ru", 1), Map.entry("ad@erw.ru", 1));
        MimeMessage toIvan = java.util.Arrays.stream(server.getReceivedMessages())
                .filter(m -> { try { return m.getAllRecipients()[0].toString().equals("ivan@pitersoft.ru"); } catch (MessagingException e) {
                    throw new IllegalStateException(e); } }).findFirst().orElseThrow();
        assertThat(toIvan.getSubject()).isEqualTo("Сезонная скидка - не пропустите!");
        assertThat(textOf(toIvan)).contains("Добрый день, Иван!");
        assertThat(toIvan.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String list = toIvan.getHeader("List-Unsubscribe", null).replaceAll("\\s+", " ");
        assertThat(list).startsWith("<https://crm.example.ru/u/").contains("mailto:unsubscribe@example.ru?subject=");
        String token = list.substring("<https://crm.example.ru/u/".length(), list.indexOf('>'));
        assertThat(crm.consents().unsubscribe(tokens.verify(tenant, token)).changed()).isTrue();
        assertThat(crm.consents().status(crm.consents().key(ConsentSubject.contactPerson(pitersoft.id(), ivan.id()), Channel.EMAIL,
                Purpose.MARKETING, "ivan@pitersoft.ru")).standing()).isEqualTo(org.crmkit.consent.Standing.WITHDRAWN);

        List<org.crmkit.mailing.recipient.Exclusion> excluded = crm.mailings().exclusions(mailing.id(), 0, 100);
        assertThat(excluded).extracting(e -> e.displayName() + ": " + e.reason() + " " + e.address().orElse("")).containsExactlyInAnyOrder(
                "Иваночкин Иван Ильич: INVALID_ADDRESS wqdqdas@sfgsr wert wert",
                (SortOrder.UUIDS.compare(alkhimov.id().value(), landlord.id().value()) < 0 ? "Захарова Юлия Владимировна" : "Алхимов Андрей Андреевич")
                        + ": DUPLICATE_ADDRESS ad@erw.ru");
        assertThat(crm.mailings().statistics(mailing.id()).excluded(org.crmkit.mailing.recipient.ExclusionReason.INVALID_ADDRESS)).isEqualTo(1);
        assertThat(crm.mailings().find(mailing.id()).orElseThrow().state()).isEqualTo(MailingState.DONE);
    }
}
