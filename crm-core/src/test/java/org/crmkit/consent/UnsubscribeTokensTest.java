package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final TenantId ALFA = TenantId.of("alfa");
    private static final String SECRET_1 = "c2VjcmV0LW9uZS1vZi10aGlydHktdHdvLWJ5dGVzLi4uLi4";
    private static final String SECRET_2 = "c2Vjb25kLXNlY3JldC10aGlydHktdHdvLWJ5dGVzLi4uLi4";
    private static final SigningKey K1 = SigningKey.fromBase64("2026-06", SECRET_1);
    private static final SigningKey K2 = SigningKey.fromBase64("2026-12", SECRET_2);
    private static final ConsentSubject PERSON = ConsentSubject.contactPerson(new ClientId(UUID.fromString("6f1c1f0e-8a41-4c55-9d7e-0a4c1b2d3e4f")),
            new ContactPersonId(UUID.fromString("0b7e2f5c-1111-4a2b-8c3d-4e5f60718293")));

    private final SettableClock clock = new SettableClock(NOW);

    private UnsubscribeTokens tokens(SigningKeys keys) {
        return UnsubscribeTokens.of(keys, Duration.ofDays(60), clock);
    }

    private static UnsubscribeToken token() {
        return new UnsubscribeToken(ALFA, PERSON, Channel.EMAIL, Purpose.MARKETING, "svetikova@piterburg.ru", Optional.of("2026-12-newsletter"),
                NOW);
    }

    private static ValidationException refusal(Runnable call) {
        ValidationException refused = catchThrowableOfType(ValidationException.class, call::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    @Test
    void aTokenCarriesEverythingTheWithdrawalNeedsAndTheKeyIdInClear() {
        UnsubscribeTokens tokens = tokens(SigningKeys.current(K1));

        String text = tokens.issue(ALFA, PERSON, Channel.SMS, Purpose.SERVICE, "+79161234567", Optional.empty());

        assertThat(tokens.verify(ALFA, text)).isEqualTo(new UnsubscribeToken(ALFA, PERSON, Channel.SMS, Purpose.SERVICE, "+79161234567",
                Optional.empty(), NOW));
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        assertThat(new String(bytes, 2, bytes[1], StandardCharsets.US_ASCII)).isEqualTo("2026-06");
        assertThat(text.length()).isBetween(100, 200);
    }

    @Test
    void aTokenWorksUntilItsLifetimeHasPassed() {
        UnsubscribeTokens tokens = tokens(SigningKeys.current(K1));
        String text = tokens.issue(token());

        clock.set(NOW.plus(Duration.ofDays(60)).minusSeconds(1));
        assertThat(tokens.verify(ALFA, text).address()).isEqualTo("svetikova@piterburg.ru");

        clock.set(NOW.plus(Duration.ofDays(60)));
        ValidationException refused = refusal(() -> tokens.verify(ALFA, text));
        assertThat(refused.field()).isEqualTo("token");
        assertThat(refused.problem()).isEqualTo("has expired (it was valid until 2027-02-04T10:00:00Z)");
    }

    @Test
    void afterARotationNewTokensAreSignedWithTheNewKeyAndOldOnesWorkUntilTheGraceEnd() {
        Instant graceEnd = NOW.plus(Duration.ofDays(10));
        String old = tokens(SigningKeys.current(K1)).issue(token());
        UnsubscribeTokens rotated = tokens(SigningKeys.current(K1).rotateTo(K2, graceEnd));

        String fresh = rotated.issue(token());
        // the new token is K2's: a ring that knows K2 only verifies it, one that knows K1 only does not know its key
        assertThat(tokens(SigningKeys.current(K2)).verify(ALFA, fresh)).isEqualTo(token());
        assertThat(refusal(() -> tokens(SigningKeys.current(K1)).verify(ALFA, fresh)).problem())
                .isEqualTo("was signed with a key this server does not know (key id \"2026-12\")");

        clock.set(graceEnd.minusSeconds(1));
        assertThat(rotated.verify(ALFA, old)).isEqualTo(token());
        assertThat(rotated.verify(ALFA, fresh)).isEqualTo(token());

        clock.set(graceEnd);
        assertThat(refusal(() -> rotated.verify(ALFA, old)).problem())
                .isEqualTo("was signed with key 2026-06, which has been retired and is no longer accepted");
        assertThat(rotated.verify(ALFA, fresh)).isEqualTo(token());
    }

    @Test
    void aKeyOfTheSameIdWithAnotherSecretDoesNotVerify() {
        String text = tokens(SigningKeys.current(K1)).issue(token());
        SigningKey impostor = SigningKey.fromBase64("2026-06", SECRET_2);

        assertThat(refusal(() -> tokens(SigningKeys.current(impostor)).verify(ALFA, text)).problem())
                .isEqualTo("is forged, altered or of another tenant (its signature does not match)");
    }

    @Test
    void perTenantRingsKeepTenantsApartAndATenantWithoutKeysIsRefused() {
        SettableClock at = clock;
        UnsubscribeTokens tokens = UnsubscribeTokens.perTenant(tenant -> Optional.ofNullable(Map.of(ALFA, SigningKeys.current(K1),
                TenantId.of("beta"), SigningKeys.current(K2)).get(tenant)), Duration.ofDays(60), at);
        String text = tokens.issue(token());

        assertThat(tokens.verify(ALFA, text)).isEqualTo(token());
        assertThat(refusal(() -> tokens.verify(TenantId.of("beta"), text)).field()).isEqualTo("token");
        ValidationException noKeys = refusal(() -> tokens.verify(TenantId.of("gamma"), text));
        assertThat(noKeys.field()).isEqualTo("tenant");
        assertThat(noKeys.getMessage()).isEqualTo("tenant: \"gamma\" has no unsubscribe signing keys configured");
    }

    @Test
    void malformedAndOversizedTextsAreRefusedNamingTheTokenAndNeverShowingTheSecret() {
        UnsubscribeTokens tokens = tokens(SigningKeys.current(K1));
        String genuine = tokens.issue(token());
        Map<String, String> bad = Map.of(
                "", "is not an unsubscribe token (malformed)",
                "abc", "is not an unsubscribe token (malformed)",
                "ab cd", "is not an unsubscribe token (malformed)",
                genuine + "=", "is not an unsubscribe token (malformed)",
                genuine.replace('-', '+'), "is not an unsubscribe token (malformed)",
                genuine.substring(0, 40), "is not an unsubscribe token (malformed)",
                "A".repeat(UnsubscribeTokens.MAX_LENGTH + 1), "is too long: 641 characters, at most 640 are accepted",
                genuine + "AAAA", "is forged, altered or of another tenant (its signature does not match)");
        bad.forEach((text, problem) -> {
            if (text.equals(genuine.replace('-', '+')) && !genuine.contains("-")) {
                return;
            }
            ValidationException refused = refusal(() -> tokens.verify(ALFA, text));
            assertThat(refused.field()).as(text).isEqualTo("token");
            assertThat(refused.problem()).as(text).isEqualTo(problem);
            assertThat(refused.rejectedValue()).hasSizeLessThanOrEqualTo(40);
            assertThat(refused.getMessage()).doesNotContain(SECRET_1).doesNotContain("secret");
        });
        assertThat(refusal(() -> tokens.verify(ALFA, null)).getMessage()).isEqualTo("token: null is required");
    }

    @Test
    void aLastCharacterChangedOnlyInTheBitsBase64IgnoresIsRefusedToo() {
        UnsubscribeTokens tokens = tokens(SigningKeys.current(K1));
        String text = tokens.issue(token());
        for (String address = "a@b.ru"; text.length() % 4 == 0; address = "a" + address) {
            text = tokens.issue(new UnsubscribeToken(ALFA, PERSON, Channel.EMAIL, Purpose.MARKETING, address, Optional.empty(), NOW));
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(text.charAt(text.length() - 1));
        // the last character's low bits (2 or 4 of its 6) are padding the decoder drops: the same bytes, another text
        String sameBytes = text.substring(0, text.length() - 1) + alphabet.charAt(last ^ 1);
        assertThat(Base64.getUrlDecoder().decode(sameBytes)).isEqualTo(Base64.getUrlDecoder().decode(text));

        String issued = text;
        assertThat(tokens.verify(ALFA, issued).address()).isNotBlank();
        assertThat(refusal(() -> tokens.verify(ALFA, sameBytes)).problem()).isEqualTo("is not an unsubscribe token (malformed)");
    }

    @Test
    void aTokenThatNamesAnUnknownKeyIsRefusedBeforeAnythingIsDecrypted() {
        UnsubscribeTokens tokens = tokens(SigningKeys.current(K1));
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(token()));
        bytes[2] = 'X'; // "2026-06" becomes "X026-06"

        ValidationException refused = refusal(() -> tokens.verify(ALFA, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        assertThat(refused.problem()).isEqualTo("was signed with a key this server does not know (key id \"X026-06\")");
    }

    @Test
    void aTokenIsNotIssuedForTheFuture() {
        UnsubscribeTokens tokens = tokens(SigningKeys.current(K1));
        UnsubscribeToken future = new UnsubscribeToken(ALFA, PERSON, Channel.EMAIL, Purpose.MARKETING, "a@b.ru", Optional.empty(),
                NOW.plusSeconds(1));

        assertThat(refusal(() -> tokens.issue(future)).field()).isEqualTo("issuedAt");
    }

    @Test
    void keysAreTheHostsAndCheckedWhenGiven() {
        assertThat(refusal(() -> SigningKey.of("k1", new byte[31])).getMessage())
                .isEqualTo("secret: \"(31 bytes)\" must be 32 to 64 random bytes given by the host");
        assertThat(refusal(() -> SigningKey.of("k 1", new byte[32])).field()).isEqualTo("keyId");
        assertThat(refusal(() -> SigningKey.of("a".repeat(17), new byte[32])).field()).isEqualTo("keyId");
        assertThat(refusal(() -> SigningKey.fromBase64("k1", "not base64!")).getMessage())
                .isEqualTo("secret: \"(11 characters)\" is not Base64");
        assertThat(refusal(() -> SigningKeys.current(K1).withRetired(SigningKey.fromBase64("2026-06", SECRET_2), NOW)).getMessage())
                .isEqualTo("keyId: \"2026-06\" is used by two keys of the ring");
        assertThat(refusal(() -> SigningKeys.current(K1).rotateTo(SigningKey.fromBase64("other", SECRET_1), NOW)).field())
                .isEqualTo("secret");
        assertThat(K1.toString()).isEqualTo("SigningKey[2026-06]");
        assertThat(SigningKeys.current(K1).rotateTo(K2, NOW).toString()).doesNotContain(SECRET_1, SECRET_2);
    }

    @Test
    void theSecretGivenIsCopiedSoTheHostCanWipeItsArray() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        SigningKey key = SigningKey.of("k1", secret);
        String text = tokens(SigningKeys.current(key)).issue(token());
        java.util.Arrays.fill(secret, (byte) 0);

        assertThat(tokens(SigningKeys.current(key)).verify(ALFA, text)).isEqualTo(token());
    }

    @Test
    void theLifetimeIsPositive() {
        assertThatThrownBy(() -> UnsubscribeTokens.of(SigningKeys.current(K1), Duration.ZERO, clock)).isInstanceOf(ValidationException.class)
                .hasMessage("lifetime: \"PT0S\" must be positive and at most ten years");
    }

    @Test
    void aTokenRecordIsValidated() {
        assertThat(refusal(() -> new UnsubscribeToken(ALFA, PERSON, Channel.EMAIL, Purpose.MARKETING, " a@b.ru", Optional.empty(), NOW))
                .field()).isEqualTo("address");
        assertThat(refusal(() -> new UnsubscribeToken(ALFA, PERSON, Channel.EMAIL, Purpose.MARKETING, "a".repeat(255), Optional.empty(), NOW))
                .problem()).isEqualTo("is 255 bytes in UTF-8; at most 254 are allowed");
        assertThat(refusal(() -> token().forMailing("with space")).field()).isEqualTo("mailing");
        assertThat(token().forMailing("m-1").mailing()).contains("m-1");
        assertThat(new UnsubscribeToken(ALFA, PERSON, Channel.EMAIL, Purpose.MARKETING, "a@b.ru", Optional.empty(), NOW.plusMillis(999))
                .issuedAt()).isEqualTo(NOW);
    }
}
