package org.crmkit.messaging.kannel;

import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsGatewayProvider;

/** Creates {@link KannelGateway}s (provider name {@value #NAME}) from the configuration keys listed on {@link KannelSettings}. */
public final class KannelGatewayProvider implements SmsGatewayProvider {

    public static final String NAME = "kannel";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KannelGateway create(ProviderConfig config) {
        return new KannelGateway(KannelSettings.from(config));
    }
}
