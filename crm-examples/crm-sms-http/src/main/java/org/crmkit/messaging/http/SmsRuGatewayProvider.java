package org.crmkit.messaging.http;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.crmkit.messaging.ProviderConfig;

/**
 * Provider {@value #NAME}: SMS.ru's HTTP API, as {@link SmsRuDialect} describes. Keys, besides the common ones of
 * the HTTP gateway ({@code base-url} defaults to {@code https://sms.ru}, {@code max-parts} to 8):
 * <ul>
 *   <li>{@code api-key} (required): the account's {@code api_id};</li>
 *   <li>{@code callback-token}: when set, callbacks must come to an address with {@code ?token=<value>}.</li>
 * </ul>
 * Full list with examples: {@code docs/plugins/sms-http.md}.
 */
public final class SmsRuGatewayProvider extends PresetProvider {

    public static final String NAME = SmsRuDialect.NAME;
    static final String DEFAULT_BASE_URL = "https://sms.ru";
    static final String API_KEY = "api-key";
    static final String CALLBACK_TOKEN = "callback-token";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    HttpSmsGateway create(ProviderConfig config, Clock clock) {
        GatewaySettings.checkKeys(config, NAME, Set.of(API_KEY, CALLBACK_TOKEN));
        GatewaySettings settings = GatewaySettings.from(config, DEFAULT_BASE_URL, 8);
        SmsRuDialect dialect = new SmsRuDialect(settings, config.require(API_KEY), config.get(CALLBACK_TOKEN));
        return new HttpSmsGateway(dialect, settings, Optional.empty(), clock);
    }
}
