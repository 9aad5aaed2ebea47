package org.crmkit.messaging.http;

import java.time.Clock;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ProviderConfig;

/**
 * Provider {@value #NAME}: SMSC.ru's HTTP API, as {@link SmscDialect} describes. Keys, besides the common ones of
 * the HTTP gateway ({@code base-url} defaults to {@code https://smsc.ru}, {@code max-parts} to 15):
 * <ul>
 *   <li>{@code login} and {@code password}: the account's login and API password ({@code psw}); or</li>
 *   <li>{@code api-key}: an SMSC.ru API key instead of the two (exactly one way must be configured);</li>
 *   <li>{@code callback-token}: when set, callbacks must come to an address with {@code ?token=<value>}.</li>
 * </ul>
 * Full list with examples: {@code docs/plugins/sms-http.md}.
 */
public final class SmscGatewayProvider extends PresetProvider {

    public static final String NAME = SmscDialect.NAME;
    static final String DEFAULT_BASE_URL = "https://smsc.ru";
    static final String LOGIN = "login";
    static final String PASSWORD = "password";
    static final String API_KEY = "api-key";
    static final String CALLBACK_TOKEN = "callback-token";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    HttpSmsGateway create(ProviderConfig config, Clock clock) {
        GatewaySettings.checkKeys(config, NAME, Set.of(LOGIN, PASSWORD, API_KEY, CALLBACK_TOKEN));
        GatewaySettings settings = GatewaySettings.from(config, DEFAULT_BASE_URL, 15);
        SmscDialect dialect = new SmscDialect(settings, credentials(config), config.get(CALLBACK_TOKEN));
        return new HttpSmsGateway(dialect, settings, Optional.empty(), clock);
    }

    private static List<SimpleImmutableEntry<String, String>> credentials(ProviderConfig config) {
        Optional<String> apiKey = config.get(API_KEY);
        boolean login = config.get(LOGIN).isPresent();
        boolean password = config.get(PASSWORD).isPresent();
        if (apiKey.isPresent()) {
            if (login || password) {
                throw new InvalidConfigurationException(API_KEY, "configuration key \"" + API_KEY + "\" is set together with \""
                        + (login ? LOGIN : PASSWORD) + "\"; use either api-key or login and password");
            }
            return List.of(new SimpleImmutableEntry<>("apikey", apiKey.get()));
        }
        if (!login && !password) {
            throw new InvalidConfigurationException(LOGIN, "SMSC.ru needs \"" + LOGIN + "\" and \"" + PASSWORD
                    + "\", or \"" + API_KEY + "\"; none is set");
        }
        return List.of(new SimpleImmutableEntry<>("login", config.require(LOGIN)),
                new SimpleImmutableEntry<>("psw", config.require(PASSWORD)));
    }
}
