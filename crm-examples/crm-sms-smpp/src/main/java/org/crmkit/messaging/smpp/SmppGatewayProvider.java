package org.crmkit.messaging.smpp;

import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsGateway;
import org.crmkit.messaging.sms.SmsGatewayProvider;

/**
 * Creates {@link SmppGateway}s; registered for {@link java.util.ServiceLoader} under the name
 * {@code "smpp"}. The no-arg constructor does nothing; {@link #create} checks the configuration
 * (see {@link SmppSettings} for the keys) and starts binding in the background.
 */
public final class SmppGatewayProvider implements SmsGatewayProvider {

    public static final String NAME = "smpp";

    @Override
    public String name() {
        return NAME;
    }

    /** @throws org.crmkit.messaging.InvalidConfigurationException naming the key that is missing or invalid */
    @Override
    public SmsGateway create(ProviderConfig config) {
        return new SmppGateway(SmppSettings.from(config));
    }
}
