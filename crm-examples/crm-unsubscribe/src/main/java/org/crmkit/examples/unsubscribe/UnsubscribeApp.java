package org.crmkit.examples.unsubscribe;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.SigningKey;
import org.crmkit.consent.SigningKeys;
import org.crmkit.consent.UnsubscribeTokens;

/**
 * The one place where the one-click endpoint is wired: settings, key ring, tokens, the
 * {@link Unsubscriber} and the server. {@link #main} reads the settings from the environment:
 * <pre>
 * CRMKIT_UNSUBSCRIBE_KEY_ID=2026-12 CRMKIT_UNSUBSCRIBE_KEY=$(cat /run/secrets/unsubscribe-2026-12) \
 *   mvn -q -pl crm-examples/crm-unsubscribe -am exec:java
 * </pre>
 * {@code CRMKIT_UNSUBSCRIBE_KEY} is the Base64 of at least 32 random bytes the host generated and
 * keeps as a secret (it is never generated here). After a rotation, the previous key goes in
 * {@code CRMKIT_UNSUBSCRIBE_PREVIOUS_KEY_ID}, {@code CRMKIT_UNSUBSCRIBE_PREVIOUS_KEY} and
 * {@code CRMKIT_UNSUBSCRIBE_PREVIOUS_UNTIL} (an instant, e.g. {@code 2027-03-01T00:00:00Z}).
 * Optional: {@code CRMKIT_UNSUBSCRIBE_TENANT} (default {@code default}),
 * {@code CRMKIT_UNSUBSCRIBE_LIFETIME_DAYS} (60), {@code CRMKIT_UNSUBSCRIBE_HOST} (127.0.0.1),
 * {@code CRMKIT_UNSUBSCRIBE_PORT} (8080).
 */
public final class UnsubscribeApp {
    private UnsubscribeApp() {
    }

    /** What the endpoint needs besides its {@link Unsubscriber}. */
    public record Settings(TenantId tenant, SigningKeys keys, Duration lifetime, InetSocketAddress address) {
        public Settings {
            ValidationException.required(tenant, "tenant");
            ValidationException.required(keys, "keys");
            ValidationException.required(lifetime, "lifetime");
            ValidationException.required(address, "address");
        }

        /** The settings from environment variables (see {@link UnsubscribeApp}); a missing key is refused, never made up. */
        public static Settings fromEnvironment(Map<String, String> env) {
            String keyId = required(env, "CRMKIT_UNSUBSCRIBE_KEY_ID");
            SigningKeys keys = SigningKeys.current(SigningKey.fromBase64(keyId, required(env, "CRMKIT_UNSUBSCRIBE_KEY")));
            Optional<String> previousId = Optional.ofNullable(env.get("CRMKIT_UNSUBSCRIBE_PREVIOUS_KEY_ID"));
            if (previousId.isPresent()) {
                Instant until = parseInstant(required(env, "CRMKIT_UNSUBSCRIBE_PREVIOUS_UNTIL"));
                keys = keys.withRetired(SigningKey.fromBase64(previousId.get(), required(env, "CRMKIT_UNSUBSCRIBE_PREVIOUS_KEY")), until);
            }
            long days = parseLong(env.getOrDefault("CRMKIT_UNSUBSCRIBE_LIFETIME_DAYS", "60"), "CRMKIT_UNSUBSCRIBE_LIFETIME_DAYS");
            int port = (int) parseLong(env.getOrDefault("CRMKIT_UNSUBSCRIBE_PORT", "8080"), "CRMKIT_UNSUBSCRIBE_PORT");
            return new Settings(TenantId.of(env.getOrDefault("CRMKIT_UNSUBSCRIBE_TENANT", "default")), keys, Duration.ofDays(days),
                    new InetSocketAddress(env.getOrDefault("CRMKIT_UNSUBSCRIBE_HOST", "127.0.0.1"), port));
        }

        private static String required(Map<String, String> env, String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new ValidationException(name, null, "is required (see UnsubscribeApp's javadoc)");
            }
            return value;
        }

        private static long parseLong(String text, String name) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notANumber) {
                throw new ValidationException(name, text, "is not a whole number");
            }
        }

        private static Instant parseInstant(String text) {
            try {
                return Instant.parse(text.trim());
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                throw new ValidationException("CRMKIT_UNSUBSCRIBE_PREVIOUS_UNTIL", text, "is not an instant such as 2027-03-01T00:00:00Z");
            }
        }
    }

    /** The tokens these settings verify (and a mailer issues with the same ring). */
    public static UnsubscribeTokens tokens(Settings settings, Clock clock) {
        return UnsubscribeTokens.of(settings.keys(), settings.lifetime(), clock);
    }

    /**
     * What withdraws consent. Until the consent ledger is merged this is the in-memory stand-in;
     * then it becomes the ledger's withdrawal ({@code crm.consents()}), here and nowhere else.
     */
    public static Unsubscriber unsubscriber() {
        return new RememberingUnsubscriber();
    }

    /** The running endpoint for these settings; {@link UnsubscribeServer#close()} stops it. */
    public static UnsubscribeServer start(Settings settings, Clock clock, Unsubscriber unsubscriber) {
        ValidationException.required(settings, "settings");
        ValidationException.required(clock, "clock");
        ValidationException.required(unsubscriber, "unsubscriber");
        return new UnsubscribeServer(settings.address(), settings.tenant(), tokens(settings, clock), unsubscriber);
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
        } catch (ValidationException misconfigured) {
            System.err.println("crm-unsubscribe: " + misconfigured.getMessage());
            System.exit(2);
            return;
        }
        UnsubscribeServer server = start(settings, Clock.systemUTC(), unsubscriber());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "unsubscribe-stop"));
        System.out.println("crm-unsubscribe: tenant " + settings.tenant() + " answering on " + server.base() + "{token}");
        Thread.currentThread().join();
    }
}
