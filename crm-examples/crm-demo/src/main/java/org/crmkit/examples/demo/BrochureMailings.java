package org.crmkit.examples.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.client.PreferredChannel;
import org.crmkit.common.TenantId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.SigningKey;
import org.crmkit.consent.SigningKeys;
import org.crmkit.consent.UnsubscribeHeaders;
import org.crmkit.consent.UnsubscribeTokens;
import org.crmkit.criteria.Criterion;
import org.crmkit.interaction.Interaction;
import org.crmkit.mailing.Mailing;
import org.crmkit.mailing.MailingResolution;
import org.crmkit.mailing.MailingState;
import org.crmkit.mailing.SenderSettings;
import org.crmkit.mailing.outbox.MailingStatistics;
import org.crmkit.mailing.outbox.OutboxState;
import org.crmkit.mailing.outbox.Outlets;
import org.crmkit.mailing.outbox.SendReport;
import org.crmkit.mailing.recipient.Addressee;
import org.crmkit.mailing.recipient.Audience;
import org.crmkit.mailing.recipient.ChannelChoice;
import org.crmkit.mailing.recipient.Exclusion;
import org.crmkit.mailing.recipient.RecipientQuery;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.console.ConsoleSmsGateway;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.Mailbox;
import org.crmkit.messaging.smtp.SmtpEmailSenderProvider;
import org.crmkit.messaging.smtp.SmtpSettings;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;

/**
 * The brochure's seasonal-discount mailing to the clients interested in kitchen furniture (a rule on the
 * property {@code furniture}; segments come later), to their contact persons by the channel each prefers:
 * e-mail through the SMTP plugin to an SMTP server the demo starts in-process (GreenMail), SMS through the
 * console gateway. Prints the exclusions with their reasons, what the server received, the statistics and the
 * messages on the clients' histories. A second run finds the mailing again and sends nothing twice.
 */
final class BrochureMailings {
    static final String NAME = "Сезонная скидка - не пропустите!";
    private static final SigningKey KEY = SigningKey.of("demo-2026",
            "crmkit demo mailing key: never in production".getBytes(StandardCharsets.US_ASCII));

    private BrochureMailings() {
    }

    /** Runs the mailing on a new database, or shows the one an earlier run sent. */
    static void run(Crm crm, TenantId tenant, PrintStream out) {
        Optional<Mailing> earlier = find(crm);
        if (earlier.isPresent()) {
            out.println("Рассылка \"" + NAME + "\" найдена (" + earlier.get().state() + "): повторно не отправляется.");
            print(crm, earlier.get(), out);
            return;
        }
        addAudience(crm);
        Mailing mailing = crm.mailings().create(NAME, Set.of(Channel.EMAIL, Channel.SMS), Purpose.MARKETING,
                "клиенты, интересующиеся кухонной мебелью");
        crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().email(NAME,
                "Добрый день, {{person.firstName}}!\nТолько в этом месяце скидка на кухонную мебель.\n{{sender.name}}", null));
        crm.mailings().useTemplate(mailing.id(), crm.mailTemplates().sms("{{person.firstName}}, сезонная скидка на кухонную мебель!"));
        MailingResolution resolved = crm.mailings().resolve(mailing.id(), RecipientQuery.of(Audience.ofRule(kitchenFurniture(crm)),
                Addressee.CONTACT_PERSONS, ChannelChoice.preferred(Channel.EMAIL)));
        out.println("Рассылка \"" + NAME + "\": в очереди " + resolved.enqueued() + ", исключено " + resolved.exclusionsRecorded() + ".");
        crm.mailings().start(mailing.id());
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try (EmailSender smtp = new SmtpEmailSenderProvider().create(ProviderConfig.of(Map.of(SmtpSettings.HOST, "127.0.0.1",
                SmtpSettings.PORT, Integer.toString(server.getSmtp().getPort()), SmtpSettings.SECURITY, "none",
                SmtpSettings.HELO_NAME, "crm-demo.local")))) {
            SenderSettings settings = new SenderSettings(Mailbox.of("shop@veterok.example"), "Veterok",
                    UnsubscribeTokens.of(SigningKeys.current(KEY), Duration.ofDays(60), crm.clock()),
                    UnsubscribeHeaders.of("https://crm.veterok.example/u/", "unsubscribe@veterok.example"));
            out.println("SMS через консольный шлюз:");
            SendReport report = crm.mailings().sender(Outlets.builder().email(smtp).sms(new ConsoleSmsGateway(out)).build(), settings)
                    .sendDue(100);
            out.println("Отправлено: " + report.sent() + ".");
            for (MimeMessage m : server.getReceivedMessages()) {
                out.println("SMTP-сервер получил письмо для " + m.getAllRecipients()[0] + ": \"" + m.getSubject() + "\", "
                        + textOf(m).lines().findFirst().orElse("") + ", List-Unsubscribe: "
                        + (m.getHeader("List-Unsubscribe") == null ? "нет" : "есть"));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the demo's SMTP server failed: " + e.getMessage(), e);
        } finally {
            server.stop();
        }
        print(crm, crm.mailings().find(mailing.id()).orElseThrow(), out);
    }

    /** The text of a received message (a multipart's first text part). */
    private static String textOf(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart) {
            jakarta.mail.Multipart multi = (jakarta.mail.Multipart) content;
            return multi.getCount() == 0 ? "" : textOf(multi.getBodyPart(0));
        }
        return content instanceof String ? (String) content : "";
    }

    private static Optional<Mailing> find(Crm crm) {
        for (MailingState state : MailingState.values()) {
            Optional<Mailing> found = crm.mailings().inState(state).stream().filter(m -> m.name().equals(NAME)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The clients whose property "Интересуется мебелью" includes "Кухонная мебель". */
    static Criterion<ClientCriterion> kitchenFurniture(Crm crm) {
        PropertyDefinition furniture = crm.properties().all().stream().filter(d -> d.key().value().equals("furniture")).findFirst()
                .orElseThrow();
        PropertyType.MultiChoiceType type = (PropertyType.MultiChoiceType) furniture.type();
        return new ClientCriterion.PropertyEquals(PropertyKey.of("furniture"),
                new PropertyValue.ChoiceValue(type.values().byLabel("Кухонная мебель").orElseThrow().id()));
    }

    /**
     * The brochure's table of clients for the mailing: Арендодатель with two contact persons sharing ad@erw.ru,
     * Иваночкин with the unusable {@code wqdqdas@sfgsr wert wert}; Алхимов А.А.'s Андрей prefers SMS.
     */
    private static void addAudience(Crm crm) {
        Client alkhimov = crm.clients().get(crm.clients().search("Алхимов").get(0).id());
        ContactPerson andrey = crm.contactPersons().ofClient(alkhimov.id()).get(0);
        crm.contactPersons().update(andrey.id(), p -> p.prefer(PreferredChannel.SMS));

        Client landlord = crm.clients().register(NewClient.legalEntity("Арендодатель").choice("furniture", "Кухонная мебель")
                .contactPerson(PersonName.of("Жуков", "Иван", "Сергеевич"), p -> p.receiveMailings(true)
                        .addContact(ContactEntry.parse(ContactType.EMAIL, "ad@erw.ru", crm.phoneRegion())))
                .contactPerson(PersonName.of("Захарова", "Юлия", "Владимировна"), p -> p.receiveMailings(true)
                        .addContact(ContactEntry.parse(ContactType.EMAIL, "ad@erw.ru", crm.phoneRegion()))));
        for (ContactPerson p : crm.contactPersons().ofClient(landlord.id())) {
            crm.consents().grant(crm.consents().key(ConsentSubject.contactPerson(landlord.id(), p.id()), Channel.EMAIL, Purpose.MARKETING,
                    "ad@erw.ru"), ConsentSource.PAPER, Proof.of("рассылка-2011", "анкета " + p.name().full()));
        }
        crm.clients().register(NewClient.individual("Иваночкин").choice("furniture", "Кухонная мебель")
                .contactPerson(PersonName.of("Иваночкин", "Иван", "Ильич"), p -> p
                        .addContact(ContactEntry.parse(ContactType.OTHER, "wqdqdas@sfgsr wert wert", crm.phoneRegion()))));
    }

    private static void print(Crm crm, Mailing mailing, PrintStream out) {
        out.println("Исключены из рассылки:");
        List<Exclusion> excluded = crm.mailings().exclusions(mailing.id(), 0, 100);
        for (Exclusion e : excluded) {
            out.println("  " + e.displayName() + "  " + e.reason() + e.address().map(a -> "  " + a).orElse("") + e.note().map(n -> " (" + n + ")")
                    .orElse(""));
        }
        MailingStatistics stats = crm.mailings().statistics(mailing.id());
        out.println("Статистика рассылки: " + mailing.state() + ", сообщений " + stats.total() + ", отправлено " + stats.count(OutboxState.SENT)
                + ", исключено " + stats.excluded().values().stream().mapToLong(Long::longValue).sum() + " " + new java.util.TreeMap<>(stats.excluded()));
        out.println("В истории клиентов:");
        crm.mailings().entries(mailing.id(), Set.of(OutboxState.SENT), Optional.empty(), 100).stream().map(e -> e.recipient().client())
                .distinct().forEach(client -> {
                    for (Interaction i : crm.interactions().history(client)) {
                        if (i.subject().startsWith("Mailing: ")) {
                            out.println("  " + crm.clients().find(client).map(Client::shortName).orElse("?") + ": " + i.kind().key() + "  "
                                    + i.subject() + "  " + i.state());
                        }
                    }
                });
        out.println();
    }
}
