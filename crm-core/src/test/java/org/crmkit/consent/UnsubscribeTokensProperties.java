package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.crmkit.consent.UnsubscribeTokenGenerators.NOW;
import static org.crmkit.consent.UnsubscribeTokenGenerators.tenants;
import static org.crmkit.consent.UnsubscribeTokenGenerators.tokens;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.crmkit.common.ValidationException;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensProperties {
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SettableClock clock = new SettableClock(NOW);
    private final UnsubscribeTokens tokens = UnsubscribeTokens.of(
            SigningKeys.current(SigningKey.of("k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))),
            Duration.ofDays(400), clock);

    @Test
    void whatIsIssuedVerifiesBackToTheSameToken() {
        qt().forAll(tokens()).checkAssert(token -> {
            String text = tokens.issue(token);

            assertThat(text).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(UnsubscribeTokens.MAX_LENGTH);
            assertThat(tokens.verify(token.tenant(), text)).isEqualTo(token);
        });
    }

    @Test
    void anySingleChangedCharacterIsRefused() {
        qt().forAll(tokens(), integers().between(0, Integer.MAX_VALUE - 1), integers().between(1, URL_SAFE.length() - 1))
                .checkAssert((token, at, shift) -> {
                    String text = tokens.issue(token);
                    int position = at % text.length();
                    char changed = URL_SAFE.charAt((URL_SAFE.indexOf(text.charAt(position)) + shift) % URL_SAFE.length());
                    String altered = text.substring(0, position) + changed + text.substring(position + 1);

                    ValidationException refused = catchThrowableOfType(ValidationException.class,
                            () -> tokens.verify(token.tenant(), altered));
                    assertThat(refused).as("altered at %d: %s", position, altered).isNotNull();
                    assertThat(refused.field()).isEqualTo("token");
                });
    }

    @Test
    void aTokenOfOneTenantIsRefusedForAnother() {
        qt().forAll(tokens(), tenants()).assuming((token, other) -> !other.equals(token.tenant())).checkAssert((token, other) -> {
            String text = tokens.issue(token);

            ValidationException refused = catchThrowableOfType(ValidationException.class, () -> tokens.verify(other, text));
            assertThat(refused.field()).isEqualTo("token");
            assertThat(refused.problem()).contains("another tenant");
        });
    }

    @Test
    void theTextRevealsNeitherTheAddressNorTheClientId() {
        qt().forAll(tokens()).checkAssert(token -> {
            String text = tokens.issue(token);
            byte[] decoded = Base64.getUrlDecoder().decode(text);
            UUID client = token.subject().client().value();
            String latin1 = new String(decoded, StandardCharsets.ISO_8859_1);

            assertThat(text).doesNotContain(token.address()).doesNotContainIgnoringCase(client.toString())
                    .doesNotContainIgnoringCase(client.toString().replace("-", ""))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(token.address().getBytes(StandardCharsets.UTF_8)));
            // nor do the bytes under the Base64: no address, no id in binary
            assertThat(latin1).doesNotContain(new String(token.address().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(ByteBuffer.allocate(16).putLong(client.getMostSignificantBits())
                            .putLong(client.getLeastSignificantBits()).array(), StandardCharsets.ISO_8859_1));
        });
    }

    @Test
    void theSameTokenIssuedTwiceReadsDifferently() {
        qt().forAll(tokens()).checkAssert(token -> assertThat(tokens.issue(token)).isNotEqualTo(tokens.issue(token)));
    }
}
