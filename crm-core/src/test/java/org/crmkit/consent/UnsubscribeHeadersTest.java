package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

class UnsubscribeHeadersTest {
    private static final UnsubscribeHeaders HEADERS = UnsubscribeHeaders.of("https://crm.example.ru/u", "unsubscribe@crm.example.ru");

    private static ValidationException refusal(Runnable call) {
        ValidationException refused = catchThrowableOfType(ValidationException.class, call::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    @Test
    void theHeaderPairOfRfc8058() {
        assertThat(HEADERS.forToken("AbC-_9")).containsExactly(
                entry("List-Unsubscribe", "<https://crm.example.ru/u/AbC-_9>, <mailto:unsubscribe@crm.example.ru?subject=AbC-_9>"),
                entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(HEADERS.oneClickBase()).isEqualTo(URI.create("https://crm.example.ru/u/"));
        assertThat(UnsubscribeHeaders.of("https://crm.example.ru:8443/mail/u/", "u@x.ru").oneClickUrl("T"))
                .isEqualTo(URI.create("https://crm.example.ru:8443/mail/u/T"));
    }

    @Test
    void anIssuedTokenGoesIntoBothUrisAsItIsAndReadsBackFromThem() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));
        UnsubscribeTokens tokens = UnsubscribeTokens.of(SigningKeys.current(SigningKey.of("k1",
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))), Duration.ofDays(60), clock);
        String token = tokens.issue(TenantId.of("alfa"), ConsentSubject.client(new ClientId(UUID.randomUUID())), Channel.EMAIL,
                Purpose.MARKETING, "a@b.ru", Optional.empty());

        Map<String, String> headers = HEADERS.forToken(token);
        URI url = HEADERS.oneClickUrl(token);
        String fromUrl = url.getPath().substring("/u/".length());
        String fromMailto = HEADERS.mailto(token).getSchemeSpecificPart().replaceFirst("^.*\\?subject=", "");

        assertThat(tokens.verify(TenantId.of("alfa"), fromUrl).address()).isEqualTo("a@b.ru");
        assertThat(fromMailto).isEqualTo(token);
        assertThat(headers.get("List-Unsubscribe")).contains(token).startsWith("<https://");
    }

    @Test
    void theBaseMustBeAnHttpsUrlWithAHostAndNothingAfterItsPath() {
        Map<String, String> bad = Map.of(
                "http://crm.example.ru/u/", "is not an https URL (RFC 8058 one-click needs https)",
                "/u/", "is not an https URL (RFC 8058 one-click needs https)",
                "mailto:a@b.ru", "is not an https URL (RFC 8058 one-click needs https)",
                "https:///u/", "must have a host and no user info, query or fragment",
                "https://crm.example.ru/u/?x=1", "must have a host and no user info, query or fragment",
                "https://crm.example.ru/u/#top", "must have a host and no user info, query or fragment",
                "https://user@crm.example.ru/u/", "must have a host and no user info, query or fragment",
                "https://crm.example.ru/u /", "is not a URL (Illegal character in path)");
        bad.forEach((base, problem) -> {
            ValidationException refused = refusal(() -> UnsubscribeHeaders.of(base, "unsubscribe@crm.example.ru"));
            assertThat(refused.field()).as(base).isEqualTo("oneClickBase");
            assertThat(refused.problem()).as(base).isEqualTo(problem);
        });
        assertThat(refusal(() -> UnsubscribeHeaders.of("https://crm.example.ru/" + "u".repeat(200), "u@x.ru")).field())
                .isEqualTo("oneClickBase");
    }

    @Test
    void theMailboxMustBeAPlainAsciiAddress() {
        for (String mailbox : new String[]{"unsubscribe", "a@b", "a b@c.ru", "a?subject=x@c.ru", "отписка@пример.рф", "a@b.ru>, <x:y"}) {
            ValidationException refused = refusal(() -> UnsubscribeHeaders.of("https://crm.example.ru/u/", mailbox));
            assertThat(refused.field()).as(mailbox).isEqualTo("mailbox");
        }
    }

    @Test
    void onlyATokensCharactersGoIntoTheHeaders() {
        for (String token : new String[]{"", "a b", "a\r\nBcc: x@y.ru", "a>b", "a".repeat(UnsubscribeTokens.MAX_LENGTH + 1)}) {
            assertThat(refusal(() -> HEADERS.forToken(token)).field()).as(token).isEqualTo("token");
        }
    }
}
