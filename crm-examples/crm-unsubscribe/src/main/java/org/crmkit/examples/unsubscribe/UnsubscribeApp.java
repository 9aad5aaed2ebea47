package org.crmkit.examples.unsubscribe;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.common.Actor;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.SigningKey;
import org.crmkit.consent.SigningKeys;
import org.crmkit.consent.UnsubscribeTokens;
import org.crmkit.jpa.JpaStorage;
import org.crmkit.storage.Storage;

/**
 * The one place where the one-click endpoint is wired: settings, key ring, tokens, the
 * {@link Unsubscriber} and the server. {@link #main} reads the settings from the environment:
 * <pre>
 * CRMKIT_UNSUBSCRIBE_KEY_ID=2026-12 CRMKIT_UNSUBSCRIBE_KEY=$(cat /run/secrets/unsubscribe-2026-12) \
 *   CRMKIT_JDBC_URL=jdbc:postgresql://db/crm CRMKIT_JDBC_USER=crm CRMKIT_JDBC_PASSWORD=… \
 *   mvn -q -pl crm-examples/crm-unsubscribe -am exec:java
 * </pre>
 * The database is named by {@code CRMKIT_JDBC_URL} (or {@code CRMKIT_H2_FILE}), see {@link #storage}.
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

    /** What withdraws consent: the ledger of {@code crm} ({@code crm.consents().unsubscribe}). */
    public static Unsubscriber unsubscriber(Crm crm) {
        return new LedgerUnsubscriber(crm);
    }

    /**
     * The storage the endpoint withdraws in, named by the environment and never guessed: the host's
     * database by {@code CRMKIT_JDBC_URL} (with {@code CRMKIT_JDBC_USER} and
     * {@code CRMKIT_JDBC_PASSWORD}), or an H2 database file by {@code CRMKIT_H2_FILE}.
     */
    public static JpaStorage storage(Map<String, String> env) {
        String url = env.get("CRMKIT_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return JpaStorage.builder().url(url).user(env.getOrDefault("CRMKIT_JDBC_USER", ""))
                    .password(env.getOrDefault("CRMKIT_JDBC_PASSWORD", "")).build();
        }
        String file = env.get("CRMKIT_H2_FILE");
        if (file != null && !file.isBlank()) {
            return JpaStorage.h2(Path.of(file));
        }
        throw new ValidationException("CRMKIT_JDBC_URL", null, "or CRMKIT_H2_FILE is required: the database whose consents the endpoint withdraws");
    }

    /** The Crm the endpoint works through: the tenant's, acting as the system user "unsubscribe-link". */
    public static Crm crm(Settings settings, Storage storage, Clock clock) {
        return Crm.builder().storage(storage).clock(clock).actor(Actor.system(settings.tenant(), "unsubscribe-link")).build();
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
        JpaStorage storage;
        try {
            storage = storage(System.getenv());
        } catch (ValidationException misconfigured) {
            System.err.println("crm-unsubscribe: " + misconfigured.getMessage());
            System.exit(2);
            return;
        }
        Crm crm = crm(settings, storage, Clock.systemUTC());
        UnsubscribeServer server = start(settings, Clock.systemUTC(), unsubscriber(crm));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            crm.close(); // and the storage it was given
        }, "unsubscribe-stop"));
        System.out.println("crm-unsubscribe: tenant " + settings.tenant() + " answering on " + server.base() + "{token}");
        Thread.currentThread().join();
    }
}
