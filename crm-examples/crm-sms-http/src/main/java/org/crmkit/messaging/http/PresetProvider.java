package org.crmkit.messaging.http;

import java.time.Clock;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsGatewayProvider;

/** What the three preset providers share: creation with the system clock, or with a given one in tests. */
abstract class PresetProvider implements SmsGatewayProvider {

    @Override
    public final HttpSmsGateway create(ProviderConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** Reads the common and the preset's keys (warning about unknown ones) and creates the gateway. */
    abstract HttpSmsGateway create(ProviderConfig config, Clock clock);
}
