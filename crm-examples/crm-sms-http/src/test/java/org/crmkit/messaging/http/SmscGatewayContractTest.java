package org.crmkit.messaging.http;

import java.net.URI;
import org.crmkit.messaging.ProviderConfig;

/** The {@code smsc.ru} preset passes the plugin kit against {@link SmscDouble}, receipts through the built-in server. */
class SmscGatewayContractTest extends PresetContract<SmscDouble> {

    @Override
    SmscDouble newDouble() {
        return new SmscDouble();
    }

    @Override
    HttpSmsGateway newGateway(SmscDouble provider) {
        HttpSmsGateway gateway = new SmscGatewayProvider().create(ProviderConfig.empty()
                .with("base-url", provider.baseUrl().toString())
                .with("login", SmscDouble.LOGIN)
                .with("password", SmscDouble.PASSWORD)
                .with("receipts", "server")
                .with("callback-token", "kit-token"));
        provider.accountCallbackUrl(URI.create(gateway.callbackAddress().orElseThrow() + "?token=kit-token"));
        return gateway;
    }
}
