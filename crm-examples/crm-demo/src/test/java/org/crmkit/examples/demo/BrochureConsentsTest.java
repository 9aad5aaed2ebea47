package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.common.Actor;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentState;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.Standing;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** The demo's consents read back through the API after its one-click unsubscribe went through the example endpoint over HTTP. */
class BrochureConsentsTest {
    private static final TenantId VETEROK = TenantId.of("veterok");
    private final Crm crm = Crm.builder()
            .storage(new InMemoryStorage())
            .clock(Clock.fixed(Instant.parse("2011-10-03T08:30:00Z"), ZoneId.of("Europe/Moscow")))
            .ids(IdGenerator.sequential())
            .actor(Actor.employee(VETEROK, EmployeeId.of("abdulov")))
            .build();

    private String print() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BrochureConsents.print(crm, VETEROK, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Client client(String name) {
        return crm.clients().find(crm.clients().search(name).get(0).id()).orElseThrow();
    }

    @Test
    void theOneClickLinkWithdrawsPitersoftsMarketingMailOnceAndTheOtherConsentsStand() {
        BrochureClients.create(crm);
        BrochureConsents.create(crm);
        ConsentSubject pitersoft = ConsentSubject.client(client("Питерсофт").id());
        ConsentSubject alkhimov = ConsentSubject.client(client("Алхимов А.А.").id());
        assertThat(crm.consents().current(pitersoft)).extracting(ConsentStatus::standing).containsOnly(Standing.GRANTED);

        String first = print();

        assertThat(first).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "List-Unsubscribe: <https://crm.veterok.example/u/",
                "One-click POST to the example endpoint (behind the https proxy): 200 — You are unsubscribed");
        assertThat(crm.consents().ledger(pitersoft)).extracting(e -> e.key().channel(), e -> e.key().purpose(), ConsentEntry::state,
                ConsentEntry::source).containsExactly(
                tuple(Channel.EMAIL, Purpose.MARKETING, ConsentState.GRANTED, ConsentSource.PAPER),
                tuple(Channel.PHONE_CALL, Purpose.SERVICE, ConsentState.GRANTED, ConsentSource.CALL),
                tuple(Channel.EMAIL, Purpose.MARKETING, ConsentState.WITHDRAWN, ConsentSource.UNSUBSCRIBE_LINK));
        assertThat(crm.consents().ledger(pitersoft).get(2).proof().evidence()).contains("one-click unsubscribe, mailing 2011-10-novinki");
        assertThat(crm.consents().current(pitersoft)).extracting(s -> s.key().channel(), ConsentStatus::standing)
                .containsExactlyInAnyOrder(tuple(Channel.EMAIL, Standing.WITHDRAWN), tuple(Channel.PHONE_CALL, Standing.GRANTED));
        assertThat(crm.consents().current(alkhimov)).singleElement().satisfies(s -> {
            assertThat(s.standing()).isEqualTo(Standing.GRANTED);
            assertThat(s.latest().orElseThrow().source()).as("double opt-in").isEqualTo(ConsentSource.DOUBLE_OPT_IN_CONFIRMATION);
        });
        assertThat(first).contains("\"format\" : \"crmkit-consent-proof/1\"", "скан договора № 14 от 15.02.2010", "(контактное лицо Алхимов Андрей Андреевич)");

        String second = print();
        assertThat(second).contains("200 — You were already unsubscribed");
        assertThat(crm.consents().ledger(pitersoft)).as("nothing more written").hasSize(3);
    }
}
