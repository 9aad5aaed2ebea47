package org.crmkit.messaging.sms;

import org.crmkit.messaging.ProviderConfig;

/**
 * The factory a plugin jar registers in {@code META-INF/services/org.crmkit.messaging.sms.SmsGatewayProvider}.
 * It needs a public no-arg constructor that does no work (discovery instantiates every provider found);
 * {@link #create} connects or starts threads and fails with an
 * {@link org.crmkit.messaging.InvalidConfigurationException} naming the key when the configuration is wrong.
 */
public interface SmsGatewayProvider {

    /** A short, stable, lower-case name the host selects the provider by, e.g. {@code "smpp"}. */
    String name();

    SmsGateway create(ProviderConfig config);
}
