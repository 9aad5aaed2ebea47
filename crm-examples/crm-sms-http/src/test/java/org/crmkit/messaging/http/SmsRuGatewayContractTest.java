package org.crmkit.messaging.http;

import java.net.URI;
import org.crmkit.messaging.ProviderConfig;

/** The {@code sms.ru} preset passes the plugin kit against {@link SmsRuDouble}, receipts through the built-in server. */
class SmsRuGatewayContractTest extends PresetContract<SmsRuDouble> {

    @Override
    SmsRuDouble newDouble() {
        return new SmsRuDouble();
    }

    @Override
    HttpSmsGateway newGateway(SmsRuDouble provider) {
        HttpSmsGateway gateway = new SmsRuGatewayProvider().create(ProviderConfig.empty()
                .with("base-url", provider.baseUrl().toString())
                .with("api-key", SmsRuDouble.API_ID)
                .with("receipts", "server")
                .with("callback-token", "kit-token"));
        provider.accountCallbackUrl(URI.create(gateway.callbackAddress().orElseThrow() + "?token=kit-token"));
        return gateway;
    }
}
