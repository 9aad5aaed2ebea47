package org.crmkit.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.common.TenantId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConfirmationRequest;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.SigningKey;
import org.crmkit.consent.SigningKeys;
import org.crmkit.consent.UnsubscribeHeaders;
import org.crmkit.consent.json.ProofJson;
import org.crmkit.examples.unsubscribe.UnsubscribeApp;
import org.crmkit.examples.unsubscribe.UnsubscribeServer;

/**
 * The brochure's clients say whether we may write to them: Питерсофт agreed on paper to marketing
 * e-mail and to service calls, Алхимов confirmed marketing e-mail by double opt-in (the token a
 * confirmation letter would carry) and agreed on paper to SMS on his mobile. Every run then sends
 * Питерсофт's one-click unsubscribe through the example endpoint (a real HTTP server on an
 * ephemeral port; the first run withdraws, a later one is told it was already done) and prints the
 * consents and Питерсофт's proof export.
 */
public final class BrochureConsents {
    /** The address the demo's letters are from and whose consent the one-click link withdraws. */
    static final String PITERSOFT_MAIL = "info@pitersoft.ru";
    /**
     * A key for the demo only, written here so that runs agree; a host generates its own 32 random
     * bytes and keeps them as a secret (see {@link UnsubscribeApp}).
     */
    private static final SigningKey DEMO_KEY = SigningKey.of("demo-2011",
            "crmkit demo key: never in production".getBytes(StandardCharsets.US_ASCII));

    private BrochureConsents() {
    }

    /** Records the consents of a new database's clients. */
    public static void create(Crm crm) {
        Client pitersoft = client(crm, "Питерсофт");
        ConsentSubject piter = ConsentSubject.client(pitersoft.id());
        crm.consents().grant(crm.consents().key(piter, Channel.EMAIL, Purpose.MARKETING, PITERSOFT_MAIL), ConsentSource.PAPER,
                Proof.of("рассылка-2010", "скан договора № 14 от 15.02.2010"));
        String phone = pitersoft.contacts().stream().filter(c -> c.type() == ContactType.PHONE).findFirst().orElseThrow().value();
        crm.consents().grant(crm.consents().key(piter, Channel.PHONE_CALL, Purpose.SERVICE, phone), ConsentSource.CALL,
                Proof.of("сервис-2010", "звонок 15.02.2010, Абдулов"));

        Client alkhimov = client(crm, "Алхимов А.А.");
        ConsentSubject alkh = ConsentSubject.client(alkhimov.id());
        ConfirmationRequest request = crm.consents().requestConfirmation(crm.consents().key(alkh, Channel.EMAIL, Purpose.MARKETING, "ad@erw.ru"),
                ConsentSource.WEB_FORM, Proof.of("рассылка-2011", "форма на сайте, заявка 2011-09-12/7"));
        crm.consents().confirm(request.token()); // what the link in the confirmation letter does
        ContactPerson andrey = crm.contactPersons().ofClient(alkhimov.id()).get(0);
        String mobile = andrey.contacts().get(0).value();
        crm.consents().grant(crm.consents().key(ConsentSubject.contactPerson(alkhimov.id(), andrey.id()), Channel.SMS, Purpose.MARKETING,
                mobile), ConsentSource.PAPER, Proof.of("sms-2011", "анкета на семинаре 12.09.2011"));
    }

    /** Sends Питерсофт's one-click unsubscribe through the example endpoint and prints the consents and the proof export. */
    public static void print(Crm crm, TenantId tenant, PrintStream out) {
        Client pitersoft = client(crm, "Питерсофт");
        ConsentSubject piter = ConsentSubject.client(pitersoft.id());
        UnsubscribeApp.Settings settings = new UnsubscribeApp.Settings(tenant, SigningKeys.current(DEMO_KEY), Duration.ofDays(60),
                new InetSocketAddress("127.0.0.1", 0));
        String token = UnsubscribeApp.tokens(settings, Clock.systemUTC()).issue(tenant, piter, Channel.EMAIL, Purpose.MARKETING,
                PITERSOFT_MAIL, Optional.of("2011-10-novinki"));
        UnsubscribeHeaders headers = UnsubscribeHeaders.of("https://crm.veterok.example/u/", "unsubscribe@veterok.example");
        out.println("Согласия и отписка (38-ФЗ ст. 18, RFC 8058):");
        out.println("  The newsletter to " + PITERSOFT_MAIL + " carries:");
        headers.forToken(token).forEach((name, value) -> out.println("    " + name + ": " + value));
        try (UnsubscribeServer server = UnsubscribeApp.start(settings, Clock.systemUTC(), UnsubscribeApp.unsubscriber(crm))) {
            HttpResponse<String> answer = oneClick(server.base().resolve(token));
            Matcher said = Pattern.compile("<p>(.*?)</p>").matcher(answer.body());
            out.println("  One-click POST to the example endpoint (behind the https proxy): " + answer.statusCode() + " — "
                    + (said.find() ? said.group(1) : answer.body().strip()));
        }
        for (String name : List.of("Питерсофт", "Алхимов А.А.")) {
            Client client = client(crm, name);
            out.println("  " + name + ":");
            for (ContactPerson person : crm.contactPersons().ofClient(client.id())) {
                printStatuses(crm.consents().current(ConsentSubject.contactPerson(client.id(), person.id())),
                        "   (контактное лицо " + person.name().full() + ")", out);
            }
            printStatuses(crm.consents().current(ConsentSubject.client(client.id())), "", out);
        }
        out.println("  Proof export for Питерсофт (JSON, as a regulator or the person would ask for it):");
        for (String line : ProofJson.write(crm.consents().proof(piter)).split("\n")) {
            out.println("    " + line);
        }
        out.println();
    }

    private static void printStatuses(List<ConsentStatus> statuses, String whose, PrintStream out) {
        for (ConsentStatus status : statuses) {
            ConsentKey key = status.key();
            out.printf("    %-10s %-9s %-22s %s%s%s%n", key.channel(), key.purpose(), key.address().value(), status.standing(),
                    status.latest().map(e -> " (" + e.source() + ", " + e.at() + ")").orElse(""), whose);
        }
    }

    private static HttpResponse<String> oneClick(URI link) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unsubscribing", e);
        }
    }

    private static Client client(Crm crm, String name) {
        return crm.clients().find(crm.clients().search(name).get(0).id()).orElseThrow();
    }
}
