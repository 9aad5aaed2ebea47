package org.crmkit.messaging.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ProviderConfig;

/**
 * Provider {@value #NAME}: Twilio's Messages API, as {@link TwilioDialect} describes. Keys, besides the common
 * ones of the HTTP gateway ({@code base-url} defaults to {@code https://api.twilio.com}, {@code max-parts} to 10):
 * <ul>
 *   <li>{@code account-sid} (required): {@code AC} and 32 hex digits;</li>
 *   <li>{@code auth-token} (required): the account's auth token; it also checks callback signatures;</li>
 *   <li>{@code messaging-service-sid}: send through this Messaging Service ({@code MG…}) instead of {@code From};</li>
 *   <li>{@code status-callback-url}: the public address of the receipt handler, sent as {@code StatusCallback}
 *       and used to check signatures; required with {@code receipts=mounted}.</li>
 * </ul>
 * Full list with examples: {@code docs/plugins/sms-http.md}.
 */
public final class TwilioGatewayProvider extends PresetProvider {

    public static final String NAME = TwilioDialect.NAME;
    static final String DEFAULT_BASE_URL = "https://api.twilio.com";
    static final String ACCOUNT_SID = "account-sid";
    static final String AUTH_TOKEN = "auth-token";
    static final String MESSAGING_SERVICE_SID = "messaging-service-sid";
    static final String STATUS_CALLBACK_URL = "status-callback-url";
    private static final Pattern ACCOUNT_SID_FORMAT = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern SERVICE_SID_FORMAT = Pattern.compile("MG[0-9a-fA-F]{32}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    HttpSmsGateway create(ProviderConfig config, Clock clock) {
        GatewaySettings.checkKeys(config, NAME, Set.of(ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID, STATUS_CALLBACK_URL));
        GatewaySettings settings = GatewaySettings.from(config, DEFAULT_BASE_URL, 10);
        String accountSid = config.require(ACCOUNT_SID);
        if (!ACCOUNT_SID_FORMAT.matcher(accountSid).matches()) {
            throw GatewaySettings.invalid(ACCOUNT_SID, accountSid, "AC followed by 32 hex digits");
        }
        Optional<String> service = config.get(MESSAGING_SERVICE_SID);
        if (service.isPresent() && !SERVICE_SID_FORMAT.matcher(service.get()).matches()) {
            throw GatewaySettings.invalid(MESSAGING_SERVICE_SID, service.get(), "MG followed by 32 hex digits");
        }
        Optional<URI> callback = config.get(STATUS_CALLBACK_URL).map(TwilioGatewayProvider::callbackUrl);
        if (settings.receipts() == ReceiptMode.MOUNTED && callback.isEmpty()) {
            throw new InvalidConfigurationException(STATUS_CALLBACK_URL, "configuration key \"" + STATUS_CALLBACK_URL
                    + "\" is required with receipts=mounted: Twilio is told per message where to send the status");
        }
        TwilioDialect dialect = new TwilioDialect(settings, accountSid, config.require(AUTH_TOKEN), service);
        return new HttpSmsGateway(dialect, settings, callback, clock);
    }

    private static URI callbackUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw GatewaySettings.invalid(STATUS_CALLBACK_URL, value, "the absolute http(s) address Twilio calls, e.g. https://crm.example.com/sms-receipts");
    }
}
