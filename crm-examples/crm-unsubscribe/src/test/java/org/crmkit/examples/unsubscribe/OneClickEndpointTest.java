package org.crmkit.examples.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.NewClient;
import org.crmkit.client.PersonName;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentState;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.SigningKey;
import org.crmkit.consent.SigningKeys;
import org.crmkit.consent.Standing;
import org.crmkit.consent.UnsubscribeToken;
import org.crmkit.consent.UnsubscribeTokens;
import org.crmkit.jpa.JpaStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint over real HTTP: the JDK's server on an ephemeral port, the JDK's client. Every
 * server is built by {@link UnsubscribeApp#start}, the one place the endpoint is wired; what
 * withdraws is {@link UnsubscribeApp#unsubscriber} (the consent ledger, on an H2 file) seen through
 * a recorder, and the ledger is read back after each withdrawal.
 */
class OneClickEndpointTest {
    private static final TenantId ALFA = TenantId.of("alfa");
    private static final String KEY = "c2VjcmV0LW9uZS1vZi10aGlydHktdHdvLWJ5dGVzLi4uLi4";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private UnsubscribeApp.Settings settings = settings(Map.of());
    /** The tenant's base on an H2 file: Светикова, a contact person of "Питербург", granted marketing e-mail on paper. */
    private final Crm crm = UnsubscribeApp.crm(settings, JpaStorage.h2(Path.of("target", "unsubscribe-h2", UUID.randomUUID().toString())),
            clock);
    private final ConsentSubject svetikova = registerSvetikova();
    private final ConsentKey marketingEmail = crm.consents().key(svetikova, Channel.EMAIL, Purpose.MARKETING, "svetikova@piterburg.ru");
    private final Recorder recorder = new Recorder(UnsubscribeApp.unsubscriber(crm));
    private UnsubscribeServer server;

    private ConsentSubject registerSvetikova() {
        Client client = crm.clients().register(NewClient.legalEntity("Питербург"));
        ContactPerson person = crm.contactPersons().add(client.id(), PersonName.of("Светикова", "Наталья", null),
                p -> p.addContact(ContactEntry.parse(ContactType.EMAIL, "svetikova@piterburg.ru", "RU"))
                        .addContact(ContactEntry.parse(ContactType.MOBILE, "+7 916 123-45-67", "RU")));
        ConsentSubject subject = ConsentSubject.contactPerson(client.id(), person.id());
        crm.consents().grant(crm.consents().key(subject, Channel.EMAIL, Purpose.MARKETING, "svetikova@piterburg.ru"), ConsentSource.PAPER,
                Proof.of("marketing-2026", "scan-2026-0412"));
        return subject;
    }

    /** Passes every withdrawal on and notes what reached it. */
    private static final class Recorder implements Unsubscriber {
        private final Unsubscriber next;
        final List<UnsubscribeToken> asked = new CopyOnWriteArrayList<>();

        Recorder(Unsubscriber next) {
            this.next = next;
        }

        @Override
        public Outcome unsubscribe(UnsubscribeToken token) {
            asked.add(token);
            return next.unsubscribe(token);
        }
    }

    private static UnsubscribeApp.Settings settings(Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("CRMKIT_UNSUBSCRIBE_KEY_ID", "2026-12", "CRMKIT_UNSUBSCRIBE_KEY", KEY,
                "CRMKIT_UNSUBSCRIBE_TENANT", "alfa", "CRMKIT_UNSUBSCRIBE_PORT", "0"));
        env.putAll(more);
        return UnsubscribeApp.Settings.fromEnvironment(env);
    }

    private URI base() {
        if (server == null) {
            server = UnsubscribeApp.start(settings, clock, recorder);
        }
        return server.base();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        crm.close();
    }

    private String token(TenantId tenant, String address) {
        return UnsubscribeApp.tokens(settings, clock).issue(tenant, svetikova, Channel.EMAIL, Purpose.MARKETING, address,
                Optional.of("2026-12-newsletter"));
    }

    private String token() {
        return token(ALFA, "svetikova@piterburg.ru");
    }

    private HttpResponse<String> send(String method, String path, BodyPublisher body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(20)).method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> oneClick(String token) throws IOException, InterruptedException {
        return send("POST", token, BodyPublishers.ofString(ONE_CLICK), "Content-Type", "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        return send("GET", token, BodyPublishers.noBody());
    }

    private static void assertShortAndWithoutTrace(HttpResponse<String> response) {
        assertThat(response.body()).hasSizeLessThan(200).doesNotContain("Exception", "\tat ", "org.crmkit", KEY);
    }

    @Test
    void aOneClickPostWithdrawsAndASecondSaysItWasAlreadyDone() throws Exception {
        String token = token();

        assertThat(crm.consents().status(marketingEmail).standing()).isEqualTo(Standing.GRANTED);
        HttpResponse<String> first = oneClick(token);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("You are unsubscribed: you will receive no more marketing e-mail.");
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(crm.consents().status(marketingEmail).standing()).as("in the ledger").isEqualTo(Standing.WITHDRAWN);
        assertThat(crm.consents().ledger(svetikova)).extracting(ConsentEntry::state, ConsentEntry::source).containsExactly(
                tuple(ConsentState.GRANTED, ConsentSource.PAPER), tuple(ConsentState.WITHDRAWN, ConsentSource.UNSUBSCRIBE_LINK));

        HttpResponse<String> second = oneClick(token);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("You were already unsubscribed from marketing e-mail; nothing has changed.");

        // a second link to the same consent (another mailing, issued later) is the same withdrawal
        clock.advance(Duration.ofDays(1));
        assertThat(oneClick(token()).body()).contains("already unsubscribed");
        assertThat(crm.consents().ledger(svetikova)).as("nothing more written").hasSize(2);
        assertThat(recorder.asked).hasSize(3).allSatisfy(asked -> {
            assertThat(asked.tenant()).isEqualTo(ALFA);
            assertThat(asked.subject()).isEqualTo(svetikova);
            assertThat(asked.address()).isEqualTo("svetikova@piterburg.ru");
            assertThat(asked.mailing()).contains("2026-12-newsletter");
        });
    }

    @Test
    void aMultipartOneClickPostWorksToo() throws Exception {
        String boundary = "----crmkit" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--" + boundary + "--\r\n";

        HttpResponse<String> response = send("POST", token(), BodyPublishers.ofString(body), "Content-Type",
                "multipart/form-data; boundary=" + boundary);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("You are unsubscribed");
    }

    @Test
    void aGetShowsAButtonThatPostsAndNeverWithdraws() throws Exception {
        String token = token();

        HttpResponse<String> page = get(token);
        HttpResponse<String> head = send("HEAD", token, BodyPublishers.noBody());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/u/" + token + "\">",
                "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">", "<button type=\"submit\">Unsubscribe</button>",
                "Stop marketing e-mail to s…@piterburg.ru?");
        assertThat(page.body()).doesNotContain("svetikova");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(recorder.asked).isEmpty();
        assertThat(crm.consents().status(marketingEmail).standing()).isEqualTo(Standing.GRANTED);
        // what the page's button sends withdraws now: the GET had not
        assertThat(oneClick(token).body()).contains("You are unsubscribed:");
    }

    @Test
    void forgedExpiredMalformedOversizedAndOtherTenantsTokensAnswer400() throws Exception {
        String genuine = token();
        char last = genuine.charAt(genuine.length() - 10);
        String forged = genuine.substring(0, genuine.length() - 10) + (last == 'A' ? 'B' : 'A') + genuine.substring(genuine.length() - 9);
        String otherTenant = token(TenantId.of("beta"), "svetikova@piterburg.ru");
        Map<String, String> expected = Map.of(
                forged, "This unsubscribe link is forged, altered or of another tenant (its signature does not match).",
                otherTenant, "This unsubscribe link is forged, altered or of another tenant (its signature does not match).",
                "abc", "This unsubscribe link is not an unsubscribe token (malformed).",
                "%3Cscript%3E", "This unsubscribe link is not an unsubscribe token (malformed).",
                "A".repeat(700), "This unsubscribe link is too long: 700 characters, at most 640 are accepted.");
        for (Map.Entry<String, String> bad : expected.entrySet()) {
            for (HttpResponse<String> response : List.of(oneClick(bad.getKey()), get(bad.getKey()))) {
                assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
                assertThat(response.body().strip()).as(bad.getKey()).isEqualTo(bad.getValue());
                assertShortAndWithoutTrace(response);
            }
        }

        clock.advance(Duration.ofDays(60));
        HttpResponse<String> expired = oneClick(genuine);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body().strip()).isEqualTo("This unsubscribe link has expired (it was valid until 2027-02-04T10:00:00Z).");
        assertThat(recorder.asked).isEmpty();
    }

    @Test
    void aPostWithoutTheOneClickFieldIsRefusedAndWithdrawsNothing() throws Exception {
        for (String body : List.of("", "List-Unsubscribe=Two-Clicks", "unsubscribe=yes")) {
            HttpResponse<String> response = send("POST", token(), BodyPublishers.ofString(body), "Content-Type",
                    "application/x-www-form-urlencoded");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body().strip()).isEqualTo("Expected the form field List-Unsubscribe=One-Click.");
        }
        assertThat(send("POST", token(), BodyPublishers.ofString(ONE_CLICK), "Content-Type", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(recorder.asked).isEmpty();
    }

    @Test
    void otherMethodsAnswer405() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = send(method, token(), BodyPublishers.ofString(ONE_CLICK));
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, POST");
        }
        assertThat(recorder.asked).isEmpty();
    }

    @Test
    void aBodyTooLargeIsRefused() throws Exception {
        String large = ONE_CLICK + "&pad=" + "x".repeat(OneClickHandler.MAX_BODY_BYTES);
        HttpResponse<String> declared = send("POST", token(), BodyPublishers.ofString(large), "Content-Type",
                "application/x-www-form-urlencoded");
        // without a declared length (chunked), it is refused once read past the bound
        HttpResponse<String> chunked = send("POST", token(), BodyPublishers.ofInputStream(() ->
                new ByteArrayInputStream(large.getBytes(StandardCharsets.US_ASCII))), "Content-Type", "application/x-www-form-urlencoded");

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(recorder.asked).isEmpty();
        assertThat(oneClick(token()).statusCode()).isEqualTo(200);
    }

    @Test
    void otherPathsAnswer404() throws Exception {
        assertThat(send("GET", "/", BodyPublishers.noBody()).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/u/", BodyPublishers.noBody()).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/u/" + token() + "/x", BodyPublishers.ofString(ONE_CLICK)).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailureBehindTheEndpointAnswers500WithoutDetails() throws Exception {
        server = UnsubscribeApp.start(settings, clock, token -> {
            throw new IllegalStateException("database down at jdbc:postgresql://secret-host/crm");
        });

        HttpResponse<String> response = oneClick(token());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body().strip()).isEqualTo("Something went wrong; please try again later.");
        assertShortAndWithoutTrace(response);
    }

    @Test
    void aRefusalBehindTheEndpointAnswers400NamingTheProblemButNotTheValue() throws Exception {
        server = UnsubscribeApp.start(settings, clock, token -> {
            throw new ValidationException("address", token.address(), "is no longer one of the client's addresses");
        });

        HttpResponse<String> response = oneClick(token());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().strip()).isEqualTo("Cannot unsubscribe with this link: address is no longer one of the client's addresses.");
    }

    @Test
    void aTokenSignedWithThePreviousKeyWorksUntilItsGraceEnd() throws Exception {
        String previousKey = Base64.getEncoder().encodeToString("previous-secret-of-thirty-two-bytes!!".getBytes(StandardCharsets.US_ASCII));
        UnsubscribeApp.Settings before = settings(Map.of("CRMKIT_UNSUBSCRIBE_KEY_ID", "2026-06", "CRMKIT_UNSUBSCRIBE_KEY", previousKey));
        String old = UnsubscribeApp.tokens(before, clock).issue(ALFA, svetikova, Channel.SMS, Purpose.MARKETING, "+79161234567",
                Optional.empty());
        String older = UnsubscribeApp.tokens(before, clock).issue(ALFA, svetikova, Channel.SMS, Purpose.SERVICE, "+79161234567",
                Optional.empty());
        settings = settings(Map.of("CRMKIT_UNSUBSCRIBE_PREVIOUS_KEY_ID", "2026-06", "CRMKIT_UNSUBSCRIBE_PREVIOUS_KEY", previousKey,
                "CRMKIT_UNSUBSCRIBE_PREVIOUS_UNTIL", "2026-12-20T00:00:00Z"));

        assertThat(oneClick(old).body()).contains("You are unsubscribed: you will receive no more marketing SMS.");
        clock.advance(Duration.ofDays(14));
        HttpResponse<String> afterGrace = oneClick(older);
        assertThat(afterGrace.statusCode()).isEqualTo(400);
        assertThat(afterGrace.body().strip()).isEqualTo(
                "This unsubscribe link was signed with key 2026-06, which has been retired and is no longer accepted.");
    }

    @Test
    void theSettingsNeedAKeyAndADatabaseAndNeverMakeEitherUp() {
        ValidationException missing = catchThrowableOfType(ValidationException.class,
                () -> UnsubscribeApp.Settings.fromEnvironment(Map.of("CRMKIT_UNSUBSCRIBE_KEY_ID", "2026-12")));
        assertThat(missing.field()).isEqualTo("CRMKIT_UNSUBSCRIBE_KEY");

        ValidationException shortKey = catchThrowableOfType(ValidationException.class, () -> UnsubscribeApp.Settings.fromEnvironment(
                Map.of("CRMKIT_UNSUBSCRIBE_KEY_ID", "2026-12", "CRMKIT_UNSUBSCRIBE_KEY", "c2hvcnQ=")));
        assertThat(shortKey.getMessage()).isEqualTo("secret: \"(5 bytes)\" must be 32 to 64 random bytes given by the host");
        assertThat(settings.address()).isEqualTo(new InetSocketAddress("127.0.0.1", 0));

        ValidationException noDatabase = catchThrowableOfType(ValidationException.class, () -> UnsubscribeApp.storage(Map.of()));
        assertThat(noDatabase.field()).isEqualTo("CRMKIT_JDBC_URL");
        assertThat(noDatabase.getMessage()).contains("or CRMKIT_H2_FILE is required");
    }
}
