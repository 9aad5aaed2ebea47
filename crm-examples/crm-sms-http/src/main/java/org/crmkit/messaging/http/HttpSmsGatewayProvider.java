package org.crmkit.messaging.http;

import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsGatewayProvider;

/** Creates {@link HttpSmsGateway}s from the configuration keys listed on {@link HttpSmsSettings}. */
public final class HttpSmsGatewayProvider implements SmsGatewayProvider {

    public static final String NAME = "http-json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HttpSmsGateway create(ProviderConfig config) {
        return new HttpSmsGateway(HttpSmsSettings.from(config));
    }
}
